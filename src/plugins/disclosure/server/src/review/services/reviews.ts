import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS, PLUGIN_ID, UID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { contentHash, type Attributes } from '../domain/content-hash';
import {
  WITHHOLD_REASONS,
  decide,
  modeRefusal,
  type Action,
  type Capability,
  type State,
} from '../../../../shared/review/workflow';

const ACTION_ORDER: Array<Exclude<Action, 'edit'>> = [
  'submit',
  'approve',
  'clear',
  'withhold',
  'return',
  'publish',
  'unpublish',
];
import { workflowContext } from '../workflow-context';
import { actorFromUser, type Actor } from '../../kernel/services/actor';
import { getService } from '../../get-service';

import type { ReviewRow } from '../../../../shared/review/contracts';

export type { ReviewRow };

import type { Ability, AdminUser } from '../../kernel/services/actor';

export interface TransitionInput {
  uid: string;
  documentId: string;
  locale: string;
  action: Exclude<Action, 'edit'>;
  user: AdminUser;
  ability: Ability;
  reason?: string;
  category?: string;
}

export interface RecordInput {
  uid: string;
  documentId: string;
  locale: string;
  action: string;
  from: State;
  to: State;
  actor: Actor;
  reason?: string | null;
  category?: string | null;
  hash?: string | null;
  patch?: Partial<ReviewRow>;
}

type Document = Record<string, unknown> & { documentId: string };

/** The division (处室) an item belongs to. */
export interface ItemDivision {
  documentId: string;
  name: string;
}

/** A reason the draft may not be submitted, with details for the client, or null when it may. */
export type SubmissionGuard = (
  draft: Document,
  locale: string
) => Promise<{ message: string; details: Record<string, unknown> } | null>;

/**
 * Review state per document and locale (documentId + locale: Strapi gives a republished row a new
 * id), the transitions of the workflow, and the record of each in the audit trail.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  const rows = () => strapi.db.query(UID.review);
  const audit = () => getService(strapi, 'audit');

  const isGated = (uid: string) => settings().contentTypes.includes(uid);
  const attributesOf = (uid: string): Attributes =>
    strapi.contentType(uid as Parameters<Core.Strapi['contentType']>[0]).attributes as Attributes;

  /** Checks a content type's draft must pass before it can be submitted (the annual report's 勾稽). */
  const submissionGuards = new Map<string, SubmissionGuard>();

  const find = async (uid: string, documentId: string, locale: string) =>
    (await rows().findOne({
      where: { itemUid: uid, itemDocumentId: documentId, itemLocale: locale },
    })) as ReviewRow | null;

  const load = async (
    uid: string,
    documentId: string,
    locale: string,
    status: 'draft' | 'published'
  ): Promise<Document | null> =>
    (await strapi
      .documents(uid as Parameters<Core.Strapi['documents']>[0])
      .findOne({ documentId, locale, status, populate: '*' })) as Document | null;

  /** The hash of a version's reviewable content, or null when that version does not exist. */
  const hashOf = async (
    uid: string,
    documentId: string,
    locale: string,
    status: 'draft' | 'published'
  ) => {
    const version = await load(uid, documentId, locale, status);
    return version ? contentHash(version, attributesOf(uid)) : null;
  };

  /**
   * The state of a document in one locale. Without a review row it is `published` when its draft
   * equals its published version (e.g. published before the plugin was enabled), else `draft`.
   */
  const stateOf = async (
    uid: string,
    documentId: string,
    locale: string,
    known?: ReviewRow | null
  ): Promise<State> => {
    const review = known === undefined ? await find(uid, documentId, locale) : known;
    if (review) return review.state;
    const published = await hashOf(uid, documentId, locale, 'published');
    return published && published === (await hashOf(uid, documentId, locale, 'draft'))
      ? 'published'
      : 'draft';
  };

  /** Writes the new state and its audit entry together, in the caller's transaction if any. */
  const record = async (input: RecordInput): Promise<void> => {
    await strapi.db.transaction(async ({ onCommit }) => {
      const existing = await find(input.uid, input.documentId, input.locale);
      const data = { ...input.patch, state: input.to };
      if (existing) await rows().update({ where: { id: existing.id }, data });
      else {
        await rows().create({
          data: {
            itemUid: input.uid,
            itemDocumentId: input.documentId,
            itemLocale: input.locale,
            ...data,
          },
        });
      }
      await audit().append({
        contentType: input.uid,
        documentId: input.documentId,
        locale: input.locale,
        action: input.action,
        fromState: input.from,
        toState: input.to,
        actorId: input.actor.id,
        actorName: input.actor.name,
        actorRoles: input.actor.roles,
        reason: input.reason ?? null,
        category: input.category ?? null,
        contentHash: input.hash ?? null,
      });
      const review = (await find(input.uid, input.documentId, input.locale))!;
      onCommit(() => {
        // After the commit, outside the request: a slow or failing mail server never holds it up.
        void getService(strapi, 'notifications').afterStep(
          input.action,
          review,
          input.reason ?? null
        );
      });
    });
  };

  const divisionOf = async (userId: number): Promise<string | null> => {
    const row = (await strapi.db.query(UID.staff).findOne({ where: { adminUserId: userId } })) as {
      department: string;
    } | null;
    return row?.department ?? null;
  };

  const hasDivisions = (uid: string) =>
    'department' in
    (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {});

  /**
   * The division of each document: a division belongs to the document, not to one language
   * version (Strapi keeps a relation per locale, and an English version cannot even link a division
   * that exists only in Chinese). Taken from the default locale's draft when it has one, else from
   * the first other locale's that does. Documents of no division are absent from the map.
   */
  const divisionsOf = async (
    uid: string,
    documentIds: string[]
  ): Promise<Map<string, ItemDivision>> => {
    const divisions = new Map<string, ItemDivision>();
    if (!hasDivisions(uid) || documentIds.length === 0) return divisions;
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const rows = (await strapi.db.query(uid as Parameters<Core.Strapi['documents']>[0]).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: null },
      select: ['documentId', 'locale'],
      populate: { department: { select: ['documentId', 'name'] } },
    })) as Array<{ documentId: string; locale: string | null; department?: ItemDivision | null }>;
    const rank = (locale: string | null) => (locale === defaultLocale ? '' : (locale ?? '~'));
    rows.sort((a, b) => rank(a.locale).localeCompare(rank(b.locale)));
    for (const row of rows) {
      if (row.department && !divisions.has(row.documentId)) {
        divisions.set(row.documentId, {
          documentId: row.department.documentId,
          name: row.department.name,
        });
      }
    }
    return divisions;
  };

  /** The division an item belongs to, in whichever of its locales it was set, or null. */
  const divisionOfItem = async (uid: string, documentId: string) =>
    (await divisionsOf(uid, [documentId])).get(documentId) ?? null;

  /**
   * Whether the user may see the item's review at all: as in the queue, a user with a division
   * sees items of that division and items of no division, and only items that exist; a user with
   * no division (coordinator, 保密审查员, super admin) sees every item of a type under review.
   */
  const canSeeRecord = async (user: AdminUser, uid: string, documentId: string) => {
    if (!isGated(uid)) return false;
    const division = await divisionOf(user.id);
    if (division === null) return true;
    const exists = await strapi.db
      .query(uid as Parameters<Core.Strapi['documents']>[0])
      .count({ where: { documentId } });
    if (!exists) return false;
    const owner = await divisionOfItem(uid, documentId);
    return owner === null || owner.documentId === division;
  };

  /**
   * The one answer for an item the user may not see and for an item that does not exist: a 403
   * would confirm that it exists and belongs to another division, and its state would tell more.
   */
  const unseen = (uid: string, documentId: string) =>
    new errors.NotFoundError(`No item ${documentId} of ${uid} under review that you can see.`);

  /**
   * What the user may do to this item: RBAC actions, scoped to the user's division for editors and
   * division reviewers. A user with no division (the coordinator) is not scoped; an item with no
   * division (leaders, the organisation profile, the guide) is open to every division.
   */
  const capabilities = async (user: AdminUser, ability: Ability, uid: string, draft: Document) => {
    const division = await divisionOf(user.id);
    const itemDivision = (await divisionOfItem(uid, draft.documentId))?.documentId ?? null;
    const inDivision = division === null || itemDivision === null || division === itemDivision;
    const granted = new Set<Capability>();
    if (inDivision && ability.can(ACTIONS.submit)) granted.add('author');
    if (inDivision && ability.can(ACTIONS.approveDivision)) granted.add('divisionReview');
    if (ability.can(ACTIONS.approveConfidentiality)) granted.add('confidentialityReview');
    if (ability.can('plugin::content-manager.explorer.publish', uid)) granted.add('publish');
    if (ability.can(ACTIONS.unpublish)) granted.add('unpublish');
    return granted;
  };

  /** The 公开方式 of a version's catalogue metadata, or undefined for a type without it. */
  const modeOf = (version: Document) =>
    (version.metadata as { disclosureMode?: string } | null | undefined)?.disclosureMode;

  const patchFor = (
    action: TransitionInput['action'],
    user: AdminUser,
    hash: string,
    input: TransitionInput
  ) => {
    const now = new Date().toISOString();
    switch (action) {
      case 'submit':
        return {
          submittedById: user.id,
          submittedAt: now,
          submittedHash: hash,
          divisionApprovedById: null,
          divisionApprovedAt: null,
          clearedById: null,
          clearedAt: null,
          clearedHash: null,
          lastReason: null,
          withholdCategory: null,
        };
      case 'approve':
        return { divisionApprovedById: user.id, divisionApprovedAt: now };
      case 'clear':
        return { clearedById: user.id, clearedAt: now, clearedHash: hash };
      case 'return':
        return { lastReason: input.reason ?? null };
      case 'withhold':
        return { lastReason: input.reason ?? null, withholdCategory: input.category ?? null };
      default:
        return {};
    }
  };

  return {
    isGated,

    /** Adds a check a content type's drafts must pass to be submitted or published. */
    guardSubmission(uid: string, guard: SubmissionGuard): void {
      submissionGuards.set(uid, guard);
    },
    find,
    hashOf,
    stateOf,
    record,
    divisionOf,
    divisionsOf,
    divisionOfItem,

    /**
     * The documents of this type that belong to `division` but have a language version carrying
     * no division of its own: what the Content Manager's 本处室 condition adds to the rows that
     * name the division themselves.
     */
    async documentsOfDivisionWithoutOwn(uid: string, division: string): Promise<string[]> {
      if (!hasDivisions(uid)) return [];
      const bare = (await strapi.db.query(uid as Parameters<Core.Strapi['documents']>[0]).findMany({
        where: { publishedAt: null, department: { id: { $null: true } } },
        select: ['documentId'],
      })) as Array<{ documentId: string }>;
      const divisions = await divisionsOf(uid, [...new Set(bare.map((row) => row.documentId))]);
      return [...divisions]
        .filter(([, owner]) => owner.documentId === division)
        .map(([documentId]) => documentId);
    },

    canSeeRecord,
    unseen,

    /**
     * Gives review rows recorded without a division (language versions reviewed before divisions
     * belonged to the document) their document's division, so division queues list them right.
     */
    async assignDocumentDivisions(): Promise<number> {
      const orphans = (await rows().findMany({
        where: { department: null },
        select: ['id', 'itemUid', 'itemDocumentId'],
      })) as Array<Pick<ReviewRow, 'id' | 'itemUid' | 'itemDocumentId'>>;
      let assigned = 0;
      for (const uid of new Set(orphans.map((row) => row.itemUid))) {
        const ofType = orphans.filter((row) => row.itemUid === uid);
        const divisions = await divisionsOf(
          uid,
          ofType.map((row) => row.itemDocumentId)
        );
        for (const row of ofType) {
          const division = divisions.get(row.itemDocumentId);
          if (!division) continue;
          await rows().update({ where: { id: row.id }, data: { department: division.documentId } });
          assigned += 1;
        }
      }
      return assigned;
    },

    /**
     * The steps this user may take on the item now, in the order of the workflow: what the review
     * panel offers as buttons. Reasons are asked for when a step is taken.
     */
    async allowedActions(
      uid: string,
      documentId: string,
      locale: string,
      user: AdminUser,
      ability: Ability
    ): Promise<Action[]> {
      if (!isGated(uid)) return [];
      const draft = await load(uid, documentId, locale, 'draft');
      if (!draft) return [];
      const review = await find(uid, documentId, locale);
      const state = await stateOf(uid, documentId, locale, review);
      const granted = await capabilities(user, ability, uid, draft);
      const unpublishable = modeRefusal(modeOf(draft), 'clear') !== null;
      return ACTION_ORDER.filter(
        (action) =>
          !(unpublishable && (action === 'clear' || action === 'publish')) &&
          decide({
            state,
            action,
            actorId: user.id,
            capabilities: granted,
            submitterId: review?.submittedById ?? null,
            reason: 'given when the step is taken',
            category: WITHHOLD_REASONS[0],
          }).ok
      );
    },

    /**
     * Takes one workflow step for a user. Refusals: 400 for the item's state or missing input,
     * 403 for missing rights and four eyes, 404 when the document or locale does not exist — and,
     * for staff with a division, the same 404 as for an unknown item when the item is another
     * division's, whatever its state.
     * `publish` and `unpublish` go through the Document Service, where the publish gate records
     * them. Returns the review state after the step.
     */
    async transition(input: TransitionInput): Promise<ReviewRow> {
      const { uid, documentId, locale, action, user } = input;
      if (!isGated(uid)) {
        throw new errors.ValidationError(
          `${uid} is not under review (plugin setting disclosure.contentTypes).`
        );
      }
      // Before anything about the item is looked at: staff of another division learn nothing of
      // it, not even its state from a refusal (users without a division see every item).
      if (!(await canSeeRecord(user, uid, documentId))) throw unseen(uid, documentId);
      const draft = await load(uid, documentId, locale, 'draft');
      if (!draft) throw new errors.NotFoundError(`No ${locale} version of ${uid} ${documentId}.`);
      const review = await find(uid, documentId, locale);
      const state = await stateOf(uid, documentId, locale, review);
      const verdict = decide({
        state,
        action,
        actorId: user.id,
        capabilities: await capabilities(user, input.ability, uid, draft),
        submitterId: review?.submittedById ?? null,
        reason: input.reason,
        category: input.category,
      });
      if (!verdict.ok) {
        throw verdict.refusal === 'permission' || verdict.refusal === 'four_eyes'
          ? new errors.PolicyError(verdict.reason)
          : new errors.ValidationError(verdict.reason);
      }

      const modeProblem = action === 'clear' ? modeRefusal(modeOf(draft), 'clear') : null;
      if (modeProblem)
        throw new errors.ValidationError(`You cannot clear it for publication: ${modeProblem}`);

      if (action === 'submit' || action === 'publish') {
        const problem = await submissionGuards.get(uid)?.(draft, locale);
        if (problem) throw new errors.ValidationError(problem.message, problem.details);
      }

      if (action === 'publish') {
        await strapi
          .documents(uid as Parameters<Core.Strapi['documents']>[0])
          .publish({ documentId, locale });
      } else if (action === 'unpublish') {
        await workflowContext.run({ unpublishReason: input.reason!.trim() }, () =>
          strapi
            .documents(uid as Parameters<Core.Strapi['documents']>[0])
            .unpublish({ documentId, locale })
        );
      } else {
        const hash = contentHash(draft, attributesOf(uid));
        if (action !== 'submit' && action !== 'return' && hash !== review?.submittedHash) {
          throw new errors.ValidationError(
            'It changed after it was submitted, so it is back in draft: the editor submits it again.'
          );
        }
        await record({
          uid,
          documentId,
          locale,
          action,
          from: state,
          to: verdict.to,
          actor: actorFromUser(user),
          reason: input.reason?.trim() || null,
          category: input.category ?? null,
          hash,
          patch: {
            ...patchFor(action, user, hash, input),
            title: String(draft.title ?? draft.name ?? ''),
            department: (await divisionOfItem(uid, documentId))?.documentId ?? null,
            columnCode: (draft.column as { code?: string } | null)?.code ?? null,
          },
        });
      }
      return (await find(uid, documentId, locale))!;
    },
  };
};
