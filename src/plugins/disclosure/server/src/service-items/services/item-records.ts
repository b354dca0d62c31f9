import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toDateOnly, toIso } from '../../../../shared/kernel/dates';
import {
  GUIDE_FIELD_NAMES,
  REQUIRED_GUIDE_FIELDS,
  WITHDRAWAL_KINDS,
  type HistoryEntry,
  type Lifecycle,
  type OnlineDepth,
  type ServiceItemType,
  type WithdrawalKind,
} from '../../../../shared/service-items/catalogue';
import type { ServiceItemAdminView, Withdrawal } from '../../../../shared/service-items/contracts';
import { REVIEW_STATES, type ServiceItemReviewView } from '../../../../shared/service-items/review';
import type { CaseStepDetails } from '../../kernel/services/audit';
import { getService } from '../../get-service';
import { divisionType } from '../../kernel/config';
import { ACTIONS, UID } from '../../kernel/constants';
import { coversDivision } from '../../kernel/domain/divisions';
import type { Ability, Actor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { changedGuideFields, missingGuideFields } from '../domain/guide';
import { latestReview, REVIEW_UID, type ReviewRow } from '../publication-guard';
import {
  allowedReviewActions,
  guideHash,
  isPending,
  type ItemFacts,
  type Reviewer,
} from '../domain/review';

/*
 * What the service catalogue's services share (service-items, service-item-reviews, service-guide):
 * reading an item's versions, the divisions, the audit trail, the item's lock and the row → view
 * mappers. Plain functions of `strapi`, not a service.
 */

/** A row of the service item type as the Document Service returns it. */
export interface ItemRow {
  id: number;
  documentId: string;
  name: string | null;
  itemType: ServiceItemType;
  division: string | null;
  legalBasis: string | null;
  conditions: string | null;
  materials: string | null;
  location: string | null;
  hours: string | null;
  phone: string | null;
  process: string | null;
  legalDays: number | null;
  promisedDays: number | null;
  fees: string | null;
  onlineUrl: string | null;
  onlineDepth: OnlineDepth | null;
  lifecycle: Lifecycle;
  withdrawalKind: WithdrawalKind | null;
  withdrawnOn: string | null;
  withdrawalAuthority: string | null;
  withdrawalReason: string | null;
  history: HistoryEntry[] | null;
  publishedAt: string | null;
}

/** A division (处室) as the catalogue names it. */
export type Division = { documentId: string; name: string; code: string };

/** Who acts on the catalogue: their audit identity, division and RBAC ability. */
export interface Viewer {
  actor: Actor;
  division: string | null;
  ability: Ability;
}

/** What the review rules know of who acts. */
export const reviewerOf = (viewer: Viewer): Reviewer => ({
  id: viewer.actor.id,
  division: viewer.division,
  canManage: viewer.ability.can(ACTIONS.manageServiceItems),
  canApproveDivision: viewer.ability.can(ACTIONS.approveDivision),
  canClear: viewer.ability.can(ACTIONS.approveConfidentiality),
});

export const iso = (value: string | Date | null) => (value ? toIso(value) : null);

export const reviewView = (review: ReviewRow, matchesDraft: boolean): ServiceItemReviewView => ({
  state: review.state,
  stateLabel: REVIEW_STATES[review.state],
  kind: review.kind,
  withdrawal: review.withdrawal ?? null,
  contentHash: review.contentHash,
  matchesDraft,
  submittedBy: review.submittedByName ?? null,
  submittedAt: iso(review.submittedAt),
  approvedBy: review.approvedByName ?? null,
  approvedAt: iso(review.approvedAt),
  clearedBy: review.clearedByName ?? null,
  clearedAt: iso(review.clearedAt),
  returnedBy: review.returnedByName ?? null,
  returnedAt: iso(review.returnedAt),
  returnStage: review.returnStage ?? null,
  returnReason: review.returnReason ?? null,
});

export const withdrawalOf = (row: ItemRow): Withdrawal | null =>
  row.lifecycle === 'withdrawn' && row.withdrawalKind
    ? {
        kind: row.withdrawalKind,
        label: WITHDRAWAL_KINDS[row.withdrawalKind],
        date: toDateOnly(row.withdrawnOn) ?? '',
        authority: row.withdrawalAuthority ?? '',
        reason: row.withdrawalReason ?? null,
      }
    : null;

/** The fields a guide's version carries, for comparing two versions. */
export const guideOf = (row: ItemRow): Record<string, unknown> =>
  Object.fromEntries(GUIDE_FIELD_NAMES.map((field) => [field, row[field]]));

/** The service items through the Document Service. */
export const documents = (strapi: Core.Strapi) => strapi.documents(UID.serviceItem);

/** The review rows (发布审核, 保密审查) of the service items. */
export const reviews = (strapi: Core.Strapi) => strapi.db.query(REVIEW_UID as never);

/** The item's draft, or null. */
export const draftOf = async (strapi: Core.Strapi, documentId: string): Promise<ItemRow | null> =>
  (await documents(strapi).findOne({ documentId, status: 'draft' })) as unknown as ItemRow | null;

/** The item's published version, or null. */
export const publishedOf = async (
  strapi: Core.Strapi,
  documentId: string
): Promise<ItemRow | null> =>
  (await documents(strapi).findOne({
    documentId,
    status: 'published',
  })) as unknown as ItemRow | null;

/** The divisions by documentId (published and draft alike: staff name them). */
export const divisions = async (strapi: Core.Strapi): Promise<Map<string, Division>> => {
  const type = divisionType(strapi);
  if (!type) return new Map();
  const rows = await strapi
    .documents(type)
    .findMany({ status: 'published', fields: ['name', 'code'] });
  return new Map(
    rows.map((row) => [
      row.documentId,
      { documentId: row.documentId, name: String(row.name), code: String(row.code) },
    ])
  );
};

/** Appends what happened to the item to the audit trail. */
export const record = (
  strapi: Core.Strapi,
  row: Pick<ItemRow, 'documentId' | 'lifecycle'>,
  action: string,
  actor: Actor,
  extra: CaseStepDetails = {}
) =>
  getService(strapi, 'audit').caseStep(
    { contentType: UID.serviceItem, id: row.documentId, state: row.lifecycle },
    action,
    actor,
    extra
  );

/** Runs `fn` under the item's lock (one change of an item at a time). */
export const locked = <T>(strapi: Core.Strapi, documentId: string, fn: () => Promise<T>) =>
  serialize(strapi, `disclosure-service-item:${documentId}`, fn);

/** The item's draft, or 404; 403 when the acting staff member's division does not carry it out. */
export const editable = async (
  strapi: Core.Strapi,
  documentId: string,
  division: string | null
): Promise<ItemRow> => {
  const draft = await draftOf(strapi, documentId);
  if (!draft) throw new errors.NotFoundError(`No service item ${documentId}.`);
  if (!coversDivision(division, draft.division)) {
    throw new errors.PolicyError(
      'This service item is carried out by another division: only its staff or the coordinator can change it.'
    );
  }
  return draft;
};

/** The draft, for a reviewer (any division may be read; the rules say who may act), or 404. */
export const existing = async (strapi: Core.Strapi, documentId: string): Promise<ItemRow> => {
  const draft = await draftOf(strapi, documentId);
  if (!draft) throw new errors.NotFoundError(`No service item ${documentId}.`);
  return draft;
};

/**
 * Who wrote the draft since its last publication (the audit trail's creations, edits and
 * discards after the last publication or withdrawal): they do not review it (four eyes).
 */
export const authorsOf = async (strapi: Core.Strapi, documentId: string): Promise<number[]> => {
  const authors = new Set<number>();
  const entries = await getService(strapi, 'audit').history(UID.serviceItem, documentId);
  // The trail keeps the id each author had then; their e-mail says who they are now.
  const actorIds = await getService(strapi, 'staffIdentity').currentIds(entries);
  for (const [index, entry] of entries.entries()) {
    const actorId = actorIds[index];
    if (entry.action === 'service_item_published' || entry.action === 'service_item_withdrawn') {
      authors.clear();
    } else if (
      ['service_item_created', 'service_item_edited', 'service_item_discarded'].includes(
        entry.action
      ) &&
      actorId !== null
    ) {
      authors.add(actorId);
    }
  }
  return [...authors];
};

/** The facts the review rules need about an item's draft, against its review. */
export const factsOf = (
  draft: ItemRow,
  published: ItemRow | null,
  review: ReviewRow | null,
  authorIds: number[] = []
): ItemFacts => ({
  authorIds,
  division: draft.division ?? null,
  currentHash: review?.kind === 'withdraw' ? guideHash(draft, review.withdrawal) : guideHash(draft),
  withdrawn: draft.lifecycle === 'withdrawn',
  unchanged:
    published !== null && changedGuideFields(guideOf(published), guideOf(draft)).length === 0,
});

/** The item as staff see it, with its review and the steps `viewer` may take. */
export const adminView = (
  draft: ItemRow,
  published: ItemRow | null,
  names: Map<string, Division>,
  review: ReviewRow | null,
  viewer: Viewer | null,
  authorIds: number[]
): ServiceItemAdminView => {
  const facts = factsOf(draft, published, review, authorIds);
  return {
    ...guideView(draft, published, names),
    review: review ? reviewView(review, review.contentHash === facts.currentHash) : null,
    allowedActions: viewer ? allowedReviewActions(review, facts, reviewerOf(viewer)) : [],
  };
};

/** The draft's guide as staff see it, against the published version. */
export const guideView = (
  draft: ItemRow,
  published: ItemRow | null,
  names: Map<string, Division>
): Omit<ServiceItemAdminView, 'review' | 'allowedActions'> => ({
  documentId: draft.documentId,
  name: draft.name ?? null,
  itemType: draft.itemType,
  division: draft.division ?? null,
  divisionName: draft.division ? (names.get(draft.division)?.name ?? null) : null,
  legalBasis: draft.legalBasis ?? null,
  conditions: draft.conditions ?? null,
  materials: draft.materials ?? null,
  location: draft.location ?? null,
  hours: draft.hours ?? null,
  phone: draft.phone ?? null,
  process: draft.process ?? null,
  legalDays: draft.legalDays ?? null,
  promisedDays: draft.promisedDays ?? null,
  fees: draft.fees ?? null,
  onlineUrl: draft.onlineUrl ?? null,
  onlineDepth: draft.onlineDepth ?? null,
  lifecycle: draft.lifecycle,
  withdrawal: withdrawalOf(draft),
  history: draft.history ?? [],
  isPublished: published !== null,
  hasPendingEdits:
    published === null || changedGuideFields(guideOf(published), guideOf(draft)).length > 0,
  missingGuideFields: missingGuideFields(draft).map((field) => REQUIRED_GUIDE_FIELDS[field]),
  publishedAt: published ? toIso(published.publishedAt) : null,
});

/** One item as staff see it (with its review and the steps `viewer` may take), or 404. */
export const showItem = async (
  strapi: Core.Strapi,
  documentId: string,
  viewer: Viewer | null
): Promise<ServiceItemAdminView> => {
  const draft = await existing(strapi, documentId);
  return adminView(
    draft,
    await publishedOf(strapi, documentId),
    await divisions(strapi),
    await latestReview(strapi, documentId),
    viewer,
    await authorsOf(strapi, documentId)
  );
};

/** Voids a pending review whose text the draft no longer is (an edit restarts the review). */
export const voidIfEdited = async (strapi: Core.Strapi, documentId: string, actor: Actor) => {
  const review = await latestReview(strapi, documentId);
  if (!review || !isPending(review.state)) return;
  const draft = await existing(strapi, documentId);
  const hash = review.kind === 'withdraw' ? guideHash(draft, review.withdrawal) : guideHash(draft);
  if (hash === review.contentHash) return;
  await reviews(strapi).update({ where: { id: review.id }, data: { state: 'voided' } });
  await record(strapi, draft, 'service_item_review_voided', actor, {
    reason: '送审后修改了草稿，审核作废，须重新送审。',
    contentHash: review.contentHash,
  });
};
