/**
 * The service guide's own publication rule, where every publish path meets (a Document Service
 * middleware, as the review module's publish gate): a service item is published only through this
 * module's publish step (which keeps the item's history), only with a complete 办事指南, and only
 * when a review cleared exactly the text going out — the division's 发布审核 and the 保密审查员's
 * 保密审查 of the draft whose hash is the one cleared (先审查、后公开). Not by a create or update with
 * status 'published', nor by code calling publish() directly, nor by this module on an unreviewed
 * or since-edited draft.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toDateOnly } from '../../../shared/kernel/dates';
import type { WithdrawInput } from '../../../shared/service-items/contracts';
import type { ReviewKind, ReviewState } from '../../../shared/service-items/review';
import { UID } from '../kernel/constants';
import { guideRefusal, missingGuideFields } from './domain/guide';
import { guideHash } from './domain/review';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/** The reviews of service guides (this module's own table). */
export const REVIEW_UID = 'plugin::disclosure.service-item-review';

/** A review row as the query engine returns it. */
export interface ReviewRow {
  id: number;
  item: string;
  kind: ReviewKind;
  withdrawal: WithdrawInput | null;
  contentHash: string;
  state: ReviewState;
  submittedById: number | null;
  submittedByName: string | null;
  submittedAt: string | Date | null;
  approvedById: number | null;
  approvedByName: string | null;
  approvedAt: string | Date | null;
  clearedById: number | null;
  clearedByName: string | null;
  clearedAt: string | Date | null;
  returnedByName: string | null;
  returnedAt: string | Date | null;
  returnStage: 'division' | 'confidentiality' | null;
  returnReason: string | null;
}

/** The latest review of an item, or null. */
export const latestReview = async (
  strapi: Core.Strapi,
  documentId: string
): Promise<ReviewRow | null> =>
  ((await strapi.db
    .query(REVIEW_UID as never)
    .findOne({ where: { item: documentId }, orderBy: { id: 'desc' } })) as ReviewRow | null) ??
  null;

/** The withdrawal a draft carries (what a withdrawal publishes), or null. */
export const withdrawalOfDraft = (draft: Record<string, unknown>): WithdrawInput | null =>
  draft.lifecycle === 'withdrawn' && draft.withdrawalKind
    ? {
        kind: draft.withdrawalKind as WithdrawInput['kind'],
        date: toDateOnly(draft.withdrawnOn as string) ?? '',
        authority: String(draft.withdrawalAuthority ?? ''),
        reason: (draft.withdrawalReason as string | null) ?? null,
      }
    : null;

/** Set while this module's own publish step runs. */
export const serviceItemContext = new AsyncLocalStorage<{ publishing: boolean }>();

const ELSEWHERE =
  'Service items are published through POST /disclosure/service-items/:documentId/publish, once their review (发布审核 and 保密审查) has cleared the draft.';

const UNREVIEWED =
  '先审查、后公开: this version of the service guide has not been cleared by 发布审核 and 保密审查 (or it was edited since), so it is not published.';

export const createPublicationGuard =
  (strapi: Core.Strapi): Middleware =>
  async (ctx, next) => {
    if (ctx.uid !== UID.serviceItem) return next();
    const params = (ctx.params ?? {}) as { documentId?: string; status?: string };
    const publishing =
      ctx.action === 'publish' ||
      ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!publishing) return next();
    if (
      !serviceItemContext.getStore()?.publishing ||
      ctx.action !== 'publish' ||
      !params.documentId
    ) {
      throw new errors.ValidationError(ELSEWHERE);
    }
    const draft = (await strapi
      .documents(UID.serviceItem)
      .findOne({ documentId: params.documentId, status: 'draft' })) as Record<
      string,
      unknown
    > | null;
    if (!draft) return next();
    const refusal = guideRefusal(draft);
    if (refusal) {
      throw new errors.ValidationError(refusal, {
        key: 'guide',
        missing: missingGuideFields(draft),
      });
    }
    const review = await latestReview(strapi, params.documentId);
    if (
      !review ||
      review.state !== 'cleared' ||
      review.contentHash !== guideHash(draft, withdrawalOfDraft(draft))
    ) {
      throw new errors.ValidationError(UNREVIEWED, { key: 'review' });
    }
    return next();
  };
