import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { beijingDate, toDateOnly, toIso } from '../../../../shared/kernel/dates';
import {
  GUIDE_FIELD_NAMES,
  LIFECYCLES,
  ONLINE_DEPTHS,
  REQUIRED_GUIDE_FIELDS,
  SERVICE_ITEM_TYPES,
  WITHDRAWAL_KINDS,
  type HistoryEntry,
  type Lifecycle,
  type OnlineDepth,
  type ServiceItemType,
  type WithdrawalKind,
} from '../../../../shared/service-items/catalogue';
import type {
  PublicServiceItem,
  PublicServiceItemList,
  ServiceItemAdminView,
  ServiceItemChoice,
  ServiceItemInput,
  WithdrawInput,
  Withdrawal,
} from '../../../../shared/service-items/contracts';
import { getService } from '../../get-service';
import { divisionType } from '../../kernel/config';
import { UID } from '../../kernel/constants';
import {
  REVIEW_STATES,
  type ReviewAction,
  type ServiceItemReviewView,
} from '../../../../shared/service-items/review';
import { coversDivision } from '../../kernel/domain/divisions';
import { ACTIONS } from '../../kernel/constants';
import type { Ability, Actor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { changedGuideFields, guideRefusal, missingGuideFields } from '../domain/guide';
import type { CatalogueEntry } from '../domain/csv-import';
import { latestReview, REVIEW_UID, serviceItemContext, type ReviewRow } from '../publication-guard';
import {
  allowedReviewActions,
  guideHash,
  isPending,
  refusal,
  type ItemFacts,
  type Reviewer,
} from '../domain/review';

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

type Division = { documentId: string; name: string; code: string };

/** Who acts on the catalogue: their audit identity, division and RBAC ability. */
export interface Viewer {
  actor: Actor;
  division: string | null;
  ability: Ability;
}

const reviewerOf = (viewer: Viewer): Reviewer => ({
  id: viewer.actor.id,
  division: viewer.division,
  canManage: viewer.ability.can(ACTIONS.manageServiceItems),
  canApproveDivision: viewer.ability.can(ACTIONS.approveDivision),
  canClear: viewer.ability.can(ACTIONS.approveConfidentiality),
});

const iso = (value: string | Date | null) => (value ? toIso(value) : null);

const reviewView = (review: ReviewRow, matchesDraft: boolean): ServiceItemReviewView => ({
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

const withdrawalOf = (row: ItemRow): Withdrawal | null =>
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
const guideOf = (row: ItemRow): Record<string, unknown> =>
  Object.fromEntries(GUIDE_FIELD_NAMES.map((field) => [field, row[field]]));

/**
 * The service catalogue (政务服务事项): staff keep each item's 办事指南 as a draft and publish it
 * (a guide lacking a required field is refused, naming the fields); publishing again records what
 * changed, and a withdrawal (取消 / 下放 / 上级收回) keeps the item on the website, marked, with
 * its history. The website reads published versions only.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID.serviceItem);
  const audit = () => getService(strapi, 'audit');

  const draftOf = async (documentId: string): Promise<ItemRow | null> =>
    (await documents().findOne({ documentId, status: 'draft' })) as unknown as ItemRow | null;
  const publishedOf = async (documentId: string): Promise<ItemRow | null> =>
    (await documents().findOne({ documentId, status: 'published' })) as unknown as ItemRow | null;

  /** The divisions by documentId (published and draft alike: staff name them). */
  const divisions = async (): Promise<Map<string, Division>> => {
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

  const record = (
    row: Pick<ItemRow, 'documentId' | 'lifecycle'>,
    action: string,
    actor: Actor,
    extra: { toState?: string; reason?: string | null; contentHash?: string | null } = {}
  ) =>
    audit().append({
      contentType: UID.serviceItem,
      documentId: row.documentId,
      locale: '-',
      action,
      fromState: row.lifecycle,
      toState: extra.toState ?? row.lifecycle,
      actorId: actor.id,
      actorName: actor.name,
      actorRoles: actor.roles,
      reason: extra.reason ?? null,
      category: null,
      contentHash: extra.contentHash ?? null,
    });

  /** The item's draft, or 404; 403 when the acting staff member's division does not carry it out. */
  const editable = async (documentId: string, division: string | null): Promise<ItemRow> => {
    const draft = await draftOf(documentId);
    if (!draft) throw new errors.NotFoundError(`No service item ${documentId}.`);
    if (!coversDivision(division, draft.division)) {
      throw new errors.PolicyError(
        'This service item is carried out by another division: only its staff or the coordinator can change it.'
      );
    }
    return draft;
  };

  const checkDivision = async (division: string | null | undefined) => {
    if (!division) return;
    if (!(await divisions()).has(division)) {
      throw new errors.ValidationError(`"division": no published division (处室) ${division}.`, {
        key: 'division',
      });
    }
  };

  /**
   * Who wrote the draft since its last publication (the audit trail's creations, edits and
   * discards after the last publication or withdrawal): they do not review it (four eyes).
   */
  const authorsOf = async (documentId: string): Promise<number[]> => {
    const authors = new Set<number>();
    for (const entry of await audit().history(UID.serviceItem, documentId)) {
      if (entry.action === 'service_item_published' || entry.action === 'service_item_withdrawn') {
        authors.clear();
      } else if (
        ['service_item_created', 'service_item_edited', 'service_item_discarded'].includes(
          entry.action
        ) &&
        entry.actorId !== null
      ) {
        authors.add(entry.actorId);
      }
    }
    return [...authors];
  };

  /** The facts the review rules need about an item's draft, against its review. */
  const factsOf = (
    draft: ItemRow,
    published: ItemRow | null,
    review: ReviewRow | null,
    authorIds: number[] = []
  ): ItemFacts => ({
    authorIds,
    division: draft.division ?? null,
    currentHash:
      review?.kind === 'withdraw' ? guideHash(draft, review.withdrawal) : guideHash(draft),
    withdrawn: draft.lifecycle === 'withdrawn',
    unchanged:
      published !== null && changedGuideFields(guideOf(published), guideOf(draft)).length === 0,
  });

  const adminView = (
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

  const guideView = (
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

  const publicView = (row: ItemRow, names: Map<string, Division>): PublicServiceItem => {
    const division = row.division ? names.get(row.division) : undefined;
    return {
      documentId: row.documentId,
      name: row.name ?? '',
      itemType: row.itemType,
      itemTypeLabel: SERVICE_ITEM_TYPES[row.itemType],
      division: division ? { name: division.name, code: division.code } : null,
      legalBasis: row.legalBasis ?? '',
      conditions: row.conditions ?? '',
      materials: row.materials ?? '',
      location: row.location ?? '',
      hours: row.hours ?? '',
      phone: row.phone ?? '',
      process: row.process ?? '',
      legalDays: row.legalDays ?? null,
      promisedDays: row.promisedDays ?? null,
      fees: row.fees ?? null,
      onlineUrl: row.onlineUrl ?? null,
      onlineDepth: row.onlineDepth ?? null,
      onlineDepthLabel: row.onlineDepth ? ONLINE_DEPTHS[row.onlineDepth] : null,
      lifecycle: row.lifecycle,
      lifecycleLabel: LIFECYCLES[row.lifecycle],
      isWithdrawn: row.lifecycle === 'withdrawn',
      withdrawal: withdrawalOf(row),
      history: row.history ?? [],
      publishedAt: toIso(row.publishedAt),
    };
  };

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
      await documents().update({
        documentId: draft.documentId,
        status: 'draft',
        data: { ...data, history } as never,
      });
      await documents().publish({ documentId: draft.documentId });
    });
  };

  const locked = <T>(documentId: string, fn: () => Promise<T>) =>
    serialize(strapi, `disclosure-service-item:${documentId}`, fn);

  const reviews = () => strapi.db.query(REVIEW_UID as never);

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

  /** The draft, for a reviewer (any division may be read; the rules say who may act), or 404. */
  const existing = async (documentId: string): Promise<ItemRow> => {
    const draft = await draftOf(documentId);
    if (!draft) throw new errors.NotFoundError(`No service item ${documentId}.`);
    return draft;
  };

  /** Voids a pending review whose text the draft no longer is (an edit restarts the review). */
  const voidIfEdited = async (documentId: string, actor: Actor) => {
    const review = await latestReview(strapi, documentId);
    if (!review || !isPending(review.state)) return;
    const draft = await existing(documentId);
    const hash =
      review.kind === 'withdraw' ? guideHash(draft, review.withdrawal) : guideHash(draft);
    if (hash === review.contentHash) return;
    await reviews().update({ where: { id: review.id }, data: { state: 'voided' } });
    await record(draft, 'service_item_review_voided', actor, {
      reason: '送审后修改了草稿，审核作废，须重新送审。',
      contentHash: review.contentHash,
    });
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
      await reviews().update({ where: { id: review.id }, data: { state: 'voided' } });
    }
    await reviews().create({
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
    await record(draft, 'service_item_submitted', viewer.actor, {
      reason: withdrawal
        ? `送审撤销：${WITHDRAWAL_KINDS[withdrawal.kind]}（${withdrawal.authority}，${withdrawal.date}）`
        : '送审发布',
      contentHash,
    });
  };

  /** The draft, its published version and review, for a review step under the item's lock. */
  const reviewState = async (documentId: string) => {
    const draft = await existing(documentId);
    const published = await publishedOf(documentId);
    const review = await latestReview(strapi, documentId);
    const authorIds = await authorsOf(documentId);
    return { draft, published, review, facts: factsOf(draft, published, review, authorIds) };
  };

  return {
    /** Every item, drafts included, for the staff's catalogue page (ordered by name). */
    async list(viewer: Viewer | null = null): Promise<ServiceItemAdminView[]> {
      const drafts = (await documents().findMany({
        status: 'draft',
        sort: ['name:asc', 'id:asc'],
      })) as unknown as ItemRow[];
      const published = (await documents().findMany({
        status: 'published',
      })) as unknown as ItemRow[];
      const byId = new Map(published.map((row) => [row.documentId, row]));
      // The latest review of each item (ascending ids: the last one wins).
      const latest = new Map<string, ReviewRow>();
      for (const review of (await reviews().findMany({ orderBy: { id: 'asc' } })) as ReviewRow[]) {
        latest.set(review.item, review);
      }
      const names = await divisions();
      // The authors matter only while a review waits (a few items), so only those are read.
      const authors = new Map<string, number[]>();
      for (const [item, review] of latest) {
        if (isPending(review.state)) authors.set(item, await authorsOf(item));
      }
      return drafts.map((draft) =>
        adminView(
          draft,
          byId.get(draft.documentId) ?? null,
          names,
          latest.get(draft.documentId) ?? null,
          viewer,
          authors.get(draft.documentId) ?? []
        )
      );
    },

    /** The divisions an item may be carried out by (published), by code. */
    async divisionChoices(): Promise<Division[]> {
      return [...(await divisions()).values()].sort((a, b) => a.code.localeCompare(b.code));
    },

    /** One item as staff see it (with its review and the steps `viewer` may take), or 404. */
    async show(documentId: string, viewer: Viewer | null = null): Promise<ServiceItemAdminView> {
      const draft = await existing(documentId);
      return adminView(
        draft,
        await publishedOf(documentId),
        await divisions(),
        await latestReview(strapi, documentId),
        viewer,
        await authorsOf(documentId)
      );
    },

    /** A new item, as a draft; it belongs to the creator's division unless another is named. */
    async create(input: ServiceItemInput, viewer: Viewer): Promise<ServiceItemAdminView> {
      const { division, actor } = viewer;
      const data = { ...input, division: input.division ?? division };
      if (division && data.division !== division) {
        throw new errors.PolicyError('You can add service items of your own division only.');
      }
      await checkDivision(data.division);
      const created = (await documents().create({
        data: { ...data, lifecycle: 'in_force', history: [] } as never,
        status: 'draft',
      })) as unknown as ItemRow;
      await record(created, 'service_item_created', actor);
      return this.show(created.documentId, viewer);
    },

    /**
     * Saves the draft's guide (the website keeps the published version until it is published). A
     * review under way of another text is void: the edited draft must be submitted again.
     */
    async update(
      documentId: string,
      input: ServiceItemInput,
      viewer: Viewer
    ): Promise<ServiceItemAdminView> {
      const { division, actor } = viewer;
      return locked(documentId, async () => {
        const draft = await editable(documentId, division);
        if (draft.lifecycle === 'withdrawn') {
          throw new errors.ValidationError(
            'A withdrawn service item is kept as it was withdrawn: it cannot be edited.'
          );
        }
        if (division && input.division && input.division !== division) {
          throw new errors.PolicyError(
            'You cannot hand a service item to another division: ask the coordinator.'
          );
        }
        await checkDivision(input.division);
        await documents().update({ documentId, status: 'draft', data: input as never });
        await record(draft, 'service_item_edited', actor, {
          contentHash: guideHash({ ...draft, ...input }),
        });
        await voidIfEdited(documentId, actor);
        return this.show(documentId, viewer);
      });
    },

    /**
     * Submits the draft for publication (先审查、后公开): refused (400, in Chinese) while a required
     * guide field is missing, or when the draft is what the website already shows. Starts a new
     * review bound to the draft's hash (a review under way of another text is void).
     */
    async submit(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(documentId, async () => {
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
        return this.show(documentId, viewer);
      });
    },

    /** 发布审核: the reviewer of the item's division approves the submitted version. */
    async approve(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        check('approve', review, facts, viewer);
        await reviews().update({
          where: { id: review!.id },
          data: {
            state: 'approved',
            approvedById: viewer.actor.id,
            approvedByName: viewer.actor.name,
            approvedAt: new Date(),
          },
        });
        await record(draft, 'service_item_approved', viewer.actor, {
          reason: '发布审核通过',
          contentHash: review!.contentHash,
        });
        return this.show(documentId, viewer);
      });
    },

    /** 保密审查: the 保密审查员 clears the approved version; it may then be published. */
    async clear(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        check('clear', review, facts, viewer);
        await reviews().update({
          where: { id: review!.id },
          data: {
            state: 'cleared',
            clearedById: viewer.actor.id,
            clearedByName: viewer.actor.name,
            clearedAt: new Date(),
          },
        });
        await record(draft, 'service_item_cleared', viewer.actor, {
          reason: '保密审查通过',
          contentHash: review!.contentHash,
        });
        return this.show(documentId, viewer);
      });
    },

    /** Returns the version under review to its editors, with a reason (either review stage). */
    async returnItem(
      documentId: string,
      reason: string,
      viewer: Viewer
    ): Promise<ServiceItemAdminView> {
      return locked(documentId, async () => {
        const { draft, review, facts } = await reviewState(documentId);
        check('return', review, facts, viewer);
        const stage = review!.state === 'submitted' ? 'division' : 'confidentiality';
        await reviews().update({
          where: { id: review!.id },
          data: {
            state: 'returned',
            returnedByName: viewer.actor.name,
            returnedAt: new Date(),
            returnStage: stage,
            returnReason: reason,
          },
        });
        await record(draft, 'service_item_returned', viewer.actor, {
          reason: `${stage === 'division' ? '发布审核' : '保密审查'}退回：${reason}`,
          contentHash: review!.contentHash,
        });
        return this.show(documentId, viewer);
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
      return locked(documentId, async () => {
        const draft = await editable(documentId, division);
        if (draft.lifecycle === 'withdrawn') {
          throw new errors.ValidationError(
            'This service item has been withdrawn: it is not published again.'
          );
        }
        const published = await publishedOf(documentId);
        const review = await latestReview(strapi, documentId);
        check('publish', review, factsOf(draft, published, review), viewer);
        const cleared = review!;
        const markPublished = () =>
          reviews().update({ where: { id: cleared.id }, data: { state: 'published' } });
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
          await record(draft, 'service_item_withdrawn', actor, {
            toState: 'withdrawn',
            reason: `${WITHDRAWAL_KINDS[input.kind]}（${input.authority}，${input.date}）`,
            contentHash: cleared.contentHash,
          });
          return this.show(documentId, viewer);
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
        await record(draft, 'service_item_published', actor, {
          toState: lifecycle,
          reason: changes.length ? `调整：${changes.join('、')}` : null,
          contentHash: cleared.contentHash,
        });
        return this.show(documentId, viewer);
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
      return locked(documentId, async () => {
        const draft = await editable(documentId, viewer.division);
        const published = await publishedOf(documentId);
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
        return this.show(documentId, viewer);
      });
    },

    /** Puts the published version back into the draft (drops changes not yet published). */
    async discard(documentId: string, viewer: Viewer): Promise<ServiceItemAdminView> {
      return locked(documentId, async () => {
        const draft = await editable(documentId, viewer.division);
        if (!(await publishedOf(documentId))) {
          throw new errors.ValidationError(
            'This item was never published: there is nothing to go back to.'
          );
        }
        await documents().discardDraft({ documentId });
        await record(draft, 'service_item_discarded', viewer.actor);
        await voidIfEdited(documentId, viewer.actor);
        return this.show(documentId, viewer);
      });
    },

    /** Deletes an item never published (a published one is withdrawn instead, never deleted). */
    async remove(documentId: string, viewer: Viewer): Promise<void> {
      return locked(documentId, async () => {
        const draft = await editable(documentId, viewer.division);
        if (await publishedOf(documentId)) {
          throw new errors.ValidationError(
            'A published service item is withdrawn, not deleted: its history stays on the website.'
          );
        }
        await documents().delete({ documentId });
        await record(draft, 'service_item_deleted', viewer.actor);
      });
    },

    /** The items staff choose from: every item with a published version, by name. */
    async choices(): Promise<ServiceItemChoice[]> {
      const rows = (await documents().findMany({
        status: 'published',
        fields: ['name', 'itemType', 'lifecycle'],
        sort: ['name:asc'],
      })) as unknown as ItemRow[];
      return rows.map((row) => ({
        documentId: row.documentId,
        name: row.name ?? '',
        itemType: row.itemType,
        isPublished: true,
        lifecycle: row.lifecycle,
      }));
    },

    /** The published version of an item, or null (never published, or deleted). */
    published: publishedOf,

    /** The published items by name, for the import: whose division the importer's covers. */
    async catalogue(
      division: string | null
    ): Promise<Map<string, CatalogueEntry & { row: ItemRow }>> {
      const rows = (await documents().findMany({ status: 'published' })) as unknown as ItemRow[];
      return new Map(
        rows.map((row) => [
          row.name ?? '',
          {
            documentId: row.documentId,
            name: row.name ?? '',
            withdrawnOn: row.lifecycle === 'withdrawn' ? toDateOnly(row.withdrawnOn) : null,
            isOwn: coversDivision(division, row.division ?? null),
            row,
          },
        ])
      );
    },

    /**
     * The website's service guide: published versions only, so a draft, an item never published
     * and changes not yet published cannot be found, filtered, sorted or counted.
     */
    async publicList(query: {
      type?: ServiceItemType;
      division?: string;
      lifecycle?: Lifecycle;
      q?: string;
      page: number;
      pageSize: number;
    }): Promise<PublicServiceItemList> {
      const names = await divisions();
      const filters: Record<string, unknown> = {};
      if (query.type) filters.itemType = query.type;
      if (query.lifecycle) filters.lifecycle = query.lifecycle;
      if (query.q) filters.name = { $containsi: query.q };
      const pagination = (total: number) => ({
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total,
          pageCount: Math.ceil(total / query.pageSize),
        },
      });
      if (query.division) {
        const division = [...names.values()].find((entry) => entry.code === query.division);
        // An unknown division has no items (the filter must not fall away).
        if (!division) return { data: [], meta: pagination(0) };
        filters.division = division.documentId;
      }
      const [rows, total] = await Promise.all([
        documents().findMany({
          status: 'published',
          filters: filters as never,
          sort: ['name:asc', 'id:asc'],
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        documents().count({ status: 'published', filters: filters as never }),
      ]);
      return {
        data: (rows as unknown as ItemRow[]).map((row) => publicView(row, names)),
        meta: pagination(total),
      };
    },

    /** One published item for the website, or 404 (also for drafts and items never published). */
    async publicShow(documentId: string): Promise<PublicServiceItem> {
      const row = await publishedOf(documentId);
      if (!row) throw new errors.NotFoundError('No such service item.');
      return publicView(row, await divisions());
    },
  };
};
