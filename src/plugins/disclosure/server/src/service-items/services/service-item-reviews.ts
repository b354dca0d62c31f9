import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import {
  WITHDRAWAL_KINDS,
  type HistoryEntry,
  type Lifecycle,
} from '../../../../shared/service-items/catalogue';
import type {
  ServiceItemAdminView,
  WithdrawInput,
} from '../../../../shared/service-items/contracts';
import type { ReviewAction } from '../../../../shared/service-items/review';
import type { Actor } from '../../kernel/services/actor';
import { changedGuideFields, guideRefusal, missingGuideFields } from '../domain/guide';
import { latestReview, serviceItemContext, type ReviewRow } from '../publication-guard';
import { guideHash, isPending, refusal, type ItemFacts } from '../domain/review';
import {
  authorsOf,
  documents,
  editable,
  existing,
  factsOf,
  guideOf,
  locked,
  publishedOf,
  record,
  reviewerOf,
  reviews,
  showItem,
  type ItemRow,
  type Viewer,
} from './item-records';

/**
 * The guide's review chain (先审查、后公开): staff submit a draft (or a withdrawal) for review, the
 * division's reviewer approves it (发布审核), the 保密审查员 clears it (保密审查), either may return
 * it; only what was cleared, while the draft still is that text, is published. The authors of a
 * version do not review it (four eyes), and an edit voids a review under way.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Publishes the draft as it stands, inside the caller's lock: the guide checked, the history kept. */
  const publishDraft = async (
    draft: ItemRow,
    actor: Actor,
    entry: HistoryEntry | null,
    data: Partial<ItemRow> = {}
  ) => {
    const refusal = guideRefusal({ ...draft, ...data });
    if (refusal)
      throw new errors.ValidationError(refusal, {
        key: 'guide',
        missing: missingGuideFields({ ...draft, ...data }),
      });
    const history = [...(draft.history ?? []), ...(entry ? [entry] : [])];
    await serviceItemContext.run({ publishing: true }, async () => {
      await documents(strapi).update({
        documentId: draft.documentId,
        status: 'draft',
        data: { ...data, history } as never,
      });
      await documents(strapi).publish({ documentId: draft.documentId });
    });
  };

  /** Refuses a review step the rules do not allow (403 for who acts, 400 for the item's state). */
  const check = (
    action: ReviewAction,
    review: ReviewRow | null,
    facts: ItemFacts,
    viewer: Viewer
  ) => {
    const refused = refusal(action, review, facts, reviewerOf(viewer));
    if (!refused) return;
    if (refused.status === 403) throw new errors.PolicyError(refused.message);
    throw new errors.ValidationError(refused.message, { key: 'review' });
  };

  /** A new review of the draft's text (`withdrawal`: of withdrawing the item as well). */
  const submitReview = async (draft: ItemRow, viewer: Viewer, withdrawal: WithdrawInput | null) => {
    const review = await latestReview(strapi, draft.documentId);
    const contentHash = guideHash(draft, withdrawal);
    if (review && isPending(review.state)) {
      if (review.contentHash === contentHash) {
        throw new errors.ValidationError('This version is already under review.', {
          key: 'review',
        });
      }
      await reviews(strapi).update({ where: { id: review.id }, data: { state: 'voided' } });
    }
    await reviews(strapi).create({
      data: {
        item: draft.documentId,
        kind: withdrawal ? 'withdraw' : 'publish',
        withdrawal,
        contentHash,
        state: 'submitted',
        submittedById: viewer.actor.id,
        submittedByName: viewer.actor.name,
        submittedAt: new Date(),
      },
    });
    await record(strapi, draft, 'service_item_submitted', viewer.actor, {
      reason: withdrawal
        ? `送审撤销：${WITHDRAWAL_KINDS[withdrawal.kind]}（${withdrawal.authority}，${withdrawal.date}）`
        : '送审发布',
      contentHash,
    });
  };

  /** The draft, its published version and review, for a review step under the item's lock. */
  const reviewState = async (documentId: string) => {
    const draft = await existing(strapi, documentId);
    const published = await publishedOf(strapi, documentId);
    const review = await latestReview(strapi, documentId);
    const authorIds = await authorsOf(strapi, documentId);
    return { draft, published, review, facts: factsOf(draft, published, review, authorIds) };
  };

  return {
    /**
     * Submits the draft for publication (先审查、后公开): refused (400, in Chinese) while a required
     * guide field is missing, or when the draft is what the website already shows. Starts a new
     * review bound to the draft's hash (a review under way of another text is void).
     */
    async submit(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(strapi, documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        const missingRefusal = guideRefusal(draft);
        if (missingRefusal) {
          throw new errors.ValidationError(missingRefusal, {
            key: 'guide',
            missing: missingGuideFields(draft),
          });
        }
        if (!draft.division) {
          throw new errors.ValidationError(
            '请先选择实施处室：办事指南由该处室的审核人进行发布审核。',
            { key: 'division' }
          );
        }
        // Judged against a publication of the draft (a pending withdrawal is replaced).
        const asPublication = { ...facts, currentHash: guideHash(draft) };
        check('submit', review?.kind === 'withdraw' ? null : review, asPublication, viewer);
        await submitReview(draft, viewer, null);
        return showItem(strapi, documentId, viewer);
      });
    },

    /** 发布审核: the reviewer of the item's division approves the submitted version. */
    async approve(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(strapi, documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        check('approve', review, facts, viewer);
        await reviews(strapi).update({
          where: { id: review!.id },
          data: {
            state: 'approved',
            approvedById: viewer.actor.id,
            approvedByName: viewer.actor.name,
            approvedAt: new Date(),
          },
        });
        await record(strapi, draft, 'service_item_approved', viewer.actor, {
          reason: '发布审核通过',
          contentHash: review!.contentHash,
        });
        return showItem(strapi, documentId, viewer);
      });
    },

    /** 保密审查: the 保密审查员 clears the approved version; it may then be published. */
    async clear(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(strapi, documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        check('clear', review, facts, viewer);
        await reviews(strapi).update({
          where: { id: review!.id },
          data: {
            state: 'cleared',
            clearedById: viewer.actor.id,
            clearedByName: viewer.actor.name,
            clearedAt: new Date(),
          },
        });
        await record(strapi, draft, 'service_item_cleared', viewer.actor, {
          reason: '保密审查通过',
          contentHash: review!.contentHash,
        });
        return showItem(strapi, documentId, viewer);
      });
    },

    /** Returns the version under review to its editors, with a reason (either review stage). */
    async returnItem(
      documentId: string,
      reason: string,
      viewer: Viewer
    ): Promise<ServiceItemAdminView> {
      return locked(strapi, documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        check('return', review, facts, viewer);
        const stage = review!.state === 'submitted' ? 'division' : 'confidentiality';
        await reviews(strapi).update({
          where: { id: review!.id },
          data: {
            state: 'returned',
            returnedByName: viewer.actor.name,
            returnedAt: new Date(),
            returnStage: stage,
            returnReason: reason,
          },
        });
        await record(strapi, draft, 'service_item_returned', viewer.actor, {
          reason: `${stage === 'division' ? '发布审核' : '保密审查'}退回：${reason}`,
          contentHash: review!.contentHash,
        });
        return showItem(strapi, documentId, viewer);
      });
    },

    /**
     * Publishes what the review cleared, if the draft still is that text (its hash): a new guide
     * version, or the withdrawal. The first publication puts the item in force; a later one that
     * changes the guide marks it adjusted and records which fields changed. Anything else is
     * refused: nothing is published without 发布审核 and 保密审查.
     */
    async publish(
      documentId: string,
      viewer: Viewer,
      /** The date the history records (a catalogue entered after the fact); today by default. */
      on: string = beijingDate(new Date())
    ): Promise<ServiceItemAdminView> {
      const { division, actor } = viewer;
      return locked(strapi, documentId, async () => {
        const draft = await editable(strapi, documentId, division);
        if (draft.lifecycle === 'withdrawn') {
          throw new errors.ValidationError(
            'This service item has been withdrawn: it is not published again.'
          );
        }
        const published = await publishedOf(strapi, documentId);
        const review = await latestReview(strapi, documentId);
        check('publish', review, factsOf(draft, published, review), viewer);
        const cleared = review!;
        const markPublished = () =>
          reviews(strapi).update({ where: { id: cleared.id }, data: { state: 'published' } });
        if (cleared.kind === 'withdraw' && cleared.withdrawal) {
          const input = cleared.withdrawal;
          const entry: HistoryEntry = {
            date: input.date,
            kind: 'withdrawn',
            changes: [],
            withdrawalKind: input.kind,
            authority: input.authority,
            note: input.reason ?? null,
          };
          await publishDraft(draft, actor, entry, {
            lifecycle: 'withdrawn',
            withdrawalKind: input.kind,
            withdrawnOn: input.date,
            withdrawalAuthority: input.authority,
            withdrawalReason: input.reason ?? null,
          });
          await markPublished();
          await record(strapi, draft, 'service_item_withdrawn', actor, {
            toState: 'withdrawn',
            reason: `${WITHDRAWAL_KINDS[input.kind]}（${input.authority}，${input.date}）`,
            contentHash: cleared.contentHash,
          });
          return showItem(strapi, documentId, viewer);
        }
        const changes = published ? changedGuideFields(guideOf(published), guideOf(draft)) : [];
        const entry: HistoryEntry | null = !published
          ? { date: on, kind: 'published', changes: [] }
          : changes.length
            ? { date: on, kind: 'adjusted', changes }
            : null;
        const lifecycle: Lifecycle =
          published && (changes.length || draft.lifecycle === 'adjusted') ? 'adjusted' : 'in_force';
        await publishDraft(draft, actor, entry, { lifecycle });
        await markPublished();
        await record(strapi, draft, 'service_item_published', actor, {
          toState: lifecycle,
          reason: changes.length ? `调整：${changes.join('、')}` : null,
          contentHash: cleared.contentHash,
        });
        return showItem(strapi, documentId, viewer);
      });
    },

    /**
     * Submits the withdrawal of a published item (取消 / 下放 / 上级收回) on `date` by `authority`
     * for review: it is public text too. Once approved and cleared, publishing carries it out (the
     * website keeps showing the item, marked withdrawn, with the withdrawal in its history).
     * Refused while the draft holds changes not yet published (they would be published with it).
     */
    async withdraw(
      documentId: string,
      input: WithdrawInput,
      viewer: Viewer
    ): Promise<ServiceItemAdminView> {
      return locked(strapi, documentId, async () => {
        const draft = await editable(strapi, documentId, viewer.division);
        const published = await publishedOf(strapi, documentId);
        if (!published) {
          throw new errors.ValidationError(
            'Only a published service item is withdrawn; a draft is simply deleted.'
          );
        }
        if (draft.lifecycle === 'withdrawn') {
          throw new errors.ValidationError(
            `This service item was already withdrawn on ${toDateOnly(draft.withdrawnOn)}.`
          );
        }
        const pending = changedGuideFields(guideOf(published), guideOf(draft));
        if (pending.length) {
          throw new errors.ValidationError(
            `This item has changes not yet published (${pending.join('、')}): publish or discard them before withdrawing it.`
          );
        }
        const withdrawal: WithdrawInput = {
          kind: input.kind,
          date: input.date,
          authority: input.authority,
          reason: input.reason ?? null,
        };
        const review = await latestReview(strapi, documentId);
        check(
          'submit',
          review,
          {
            ...factsOf(draft, published, review),
            currentHash: guideHash(draft, withdrawal),
            unchanged: false,
          },
          viewer
        );
        await submitReview(draft, viewer, withdrawal);
        return showItem(strapi, documentId, viewer);
      });
    },
  };
};
