import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIONS } from '../../kernel/constants';
import { coversDivision } from '../../kernel/domain/divisions';
import { actorFromUser, type Ability, type AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import {
  WITHHOLD_REASONS,
  decide,
  modeRefusal,
  type Capability,
  type State,
  type TransitionResult,
} from '../../../../shared/review/workflow';
import { workflowContext } from '../workflow-context';
import type { ContentTypeUid } from '../../kernel/config';
import type { Document, ReviewRow } from './review-state';
import type { Step, StepHook } from '../sdk';

export type { ReviewRow } from './review-state';
export type { Step, StepContext, StepHook } from '../sdk';

/** The steps in the order of the workflow, as the review panel offers them. */
const STEP_ORDER: readonly Step[] = [
  'submit',
  'approve',
  'clear',
  'withhold',
  'return',
  'publish',
  'unpublish',
];

export interface TransitionInput {
  uid: string;
  documentId: string;
  locale: string;
  action: Step;
  user: AdminUser;
  ability: Ability;
  reason?: string;
  category?: string;
}

/** A step on an item of a type under review. */
type GatedInput = TransitionInput & { uid: ContentTypeUid };

/** A reason the draft may not be submitted, with details for the client, or null when it may. */
export type SubmissionGuard = (
  draft: Document,
  locale: string
) => Promise<{ message: string; details: Record<string, unknown> } | null>;

/** An item as a step finds it: its draft, its review row and state, what the user may do. */
interface Situation {
  draft: Document;
  review: ReviewRow | null;
  state: State;
  granted: Set<Capability>;
}

/** The 公开方式 of a version's catalogue metadata, or undefined for a type without it. */
const modeOf = (version: Document) =>
  (version.metadata as { disclosureMode?: string } | null | undefined)?.disclosureMode;

/** What a step writes into the review row besides the state. */
const patchFor = (input: TransitionInput, hash: string): Partial<ReviewRow> => {
  const now = new Date().toISOString();
  const { user } = input;
  switch (input.action) {
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

/** A refusal of the transition table as Strapi answers it: 403 for rights and four eyes, else 400. */
const refusalError = (verdict: Extract<TransitionResult, { ok: false }>) =>
  verdict.refusal === 'permission' || verdict.refusal === 'four_eyes'
    ? new errors.PolicyError(verdict.reason)
    : new errors.ValidationError(verdict.reason);

/**
 * The workflow's steps (先审查、后公开), one at a time for one user: each is decided by the
 * transition table, then recorded — or, for publish and unpublish, taken through the Document
 * Service, where the publish gate records it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reviewState = () => getService(strapi, 'review-state');
  const divisions = () => getService(strapi, 'item-divisions');

  /** Checks a content type's draft must pass before it can be submitted (the annual report's 勾稽). */
  const submissionGuards = new Map<string, SubmissionGuard>();
  /** Hooks of other modules per step, in the order they were added (a declared port). */
  const stepHooks = new Map<Step, StepHook[]>();

  /** Runs the step's hooks on the draft; the first refusal stops the step (400). */
  const runStepHooks = async (input: GatedInput, { draft, state, review }: Situation) => {
    const hooks = stepHooks.get(input.action) ?? [];
    if (hooks.length === 0) return;
    const { uid, documentId, locale, action, user } = input;
    const hash = reviewState().hashOfVersion(uid, draft);
    const submittedHash = review?.submittedHash ?? null;
    const context = { uid, documentId, locale, action, state, draft, hash, submittedHash, user };
    for (const hook of hooks) {
      const problem = await hook(context);
      if (problem) throw new errors.ValidationError(problem.message, problem.details);
    }
  };

  /**
   * What the user may do to this item: RBAC actions, scoped to the user's division for editors
   * and division reviewers (coversDivision).
   */
  const capabilities = async (user: AdminUser, ability: Ability, uid: string, draft: Document) => {
    const division = await getService(strapi, 'staff').divisionOf(user.id);
    const owner = await divisions().divisionOfItem(uid, draft.documentId);
    const inDivision = coversDivision(division, owner?.documentId ?? null);
    const granted = new Set<Capability>();
    if (inDivision && ability.can(ACTIONS.submit)) granted.add('author');
    if (inDivision && ability.can(ACTIONS.approveDivision)) granted.add('divisionReview');
    if (ability.can(ACTIONS.approveConfidentiality)) granted.add('confidentialityReview');
    if (ability.can('plugin::content-manager.explorer.publish', uid)) granted.add('publish');
    if (ability.can(ACTIONS.unpublish)) granted.add('unpublish');
    return granted;
  };

  /** The item in `locale` as the user finds it, or null when it has no version there. */
  const situation = async (
    uid: ContentTypeUid,
    documentId: string,
    locale: string,
    user: AdminUser,
    ability: Ability
  ): Promise<Situation | null> => {
    const draft = await reviewState().load(uid, documentId, locale, 'draft');
    if (!draft) return null;
    const review = await reviewState().find(uid, documentId, locale);
    return {
      draft,
      review,
      state: await reviewState().stateOf(uid, documentId, locale, review),
      granted: await capabilities(user, ability, uid, draft),
    };
  };

  const decideFor = (
    { state, granted, review }: Situation,
    action: Step,
    user: AdminUser,
    input: { reason?: string; category?: string }
  ) =>
    decide({
      state,
      action,
      actorId: user.id,
      capabilities: granted,
      submitterId: review?.submittedById ?? null,
      reason: input.reason,
      category: input.category,
    });

  /**
   * The step's item, when its type is under review and the user may see it: checked before
   * anything about the item is looked at, so staff of another division learn nothing of it, not
   * even its state from a refusal (users without a division see every item).
   */
  const refuseUnseen = async (input: TransitionInput): Promise<GatedInput> => {
    const { uid, documentId, user } = input;
    if (!reviewState().isGated(uid)) {
      throw new errors.ValidationError(
        `${uid} is not under review (plugin setting disclosure.contentTypes).`
      );
    }
    if (!(await divisions().canSeeRecord(user, uid, documentId))) {
      throw divisions().unseen(uid, documentId);
    }
    return { ...input, uid };
  };

  /** What the draft itself must pass: its 公开方式 to be cleared, the type's guard to go on. */
  const refuseContent = async ({ uid, locale, action }: TransitionInput, draft: Document) => {
    const modeProblem = action === 'clear' ? modeRefusal(modeOf(draft), 'clear') : null;
    if (modeProblem) {
      throw new errors.ValidationError(`You cannot clear it for publication: ${modeProblem}`);
    }
    if (action === 'submit' || action === 'publish') {
      const problem = await submissionGuards.get(uid)?.(draft, locale);
      if (problem) throw new errors.ValidationError(problem.message, problem.details);
    }
  };

  /** A step within the review: recorded with the hash of the draft it was taken on. */
  const recordStep = async (input: GatedInput, { draft, review, state }: Situation, to: State) => {
    const { uid, documentId, locale, action } = input;
    const hash = reviewState().hashOfVersion(uid, draft);
    if (action !== 'submit' && action !== 'return' && hash !== review?.submittedHash) {
      throw new errors.ValidationError(
        'It changed after it was submitted, so it is back in draft: the editor submits it again.'
      );
    }
    await reviewState().record({
      uid,
      documentId,
      locale,
      action,
      from: state,
      to,
      actor: actorFromUser(input.user),
      reason: input.reason?.trim() || null,
      category: input.category ?? null,
      hash,
      patch: {
        ...patchFor(input, hash),
        title: String(draft.title ?? draft.name ?? ''),
        department: (await divisions().divisionOfItem(uid, documentId))?.documentId ?? null,
        columnCode: (draft.column as { code?: string } | null)?.code ?? null,
      },
    });
  };

  /** Publication and 撤稿 go through the Document Service: the publish gate checks and records. */
  const throughGate = async ({ uid, documentId, locale, action, reason }: GatedInput) => {
    const documents = strapi.documents(uid);
    if (action === 'publish') {
      await documents.publish({ documentId, locale });
    } else {
      await workflowContext.run({ unpublishReason: reason?.trim() }, () =>
        documents.unpublish({ documentId, locale })
      );
    }
  };

  return {
    /** Adds a check a content type's drafts must pass to be submitted or published. */
    guardSubmission(uid: string, guard: SubmissionGuard): void {
      submissionGuards.set(uid, guard);
    },

    /**
     * Adds work or a check to a step, run after the transition table allowed it and before it is
     * recorded (the pre-screen: scan at submit, open findings refuse clear).
     */
    addStepHook(action: Step, hook: StepHook): void {
      stepHooks.set(action, [...(stepHooks.get(action) ?? []), hook]);
    },

    /**
     * The steps this user may take on the item now, in the order of the workflow: what the review
     * panel offers as buttons ([] for a type not under review or a locale without a version).
     * Reasons are asked for when a step is taken.
     */
    async allowedActions(
      uid: string,
      documentId: string,
      locale: string,
      user: AdminUser,
      ability: Ability
    ): Promise<Step[]> {
      if (!reviewState().isGated(uid)) return [];
      const found = await situation(uid, documentId, locale, user, ability);
      if (!found) return [];
      const unpublishable = modeRefusal(modeOf(found.draft), 'clear') !== null;
      const given = { reason: 'given when the step is taken', category: WITHHOLD_REASONS[0] };
      return STEP_ORDER.filter(
        (action) =>
          !(unpublishable && (action === 'clear' || action === 'publish')) &&
          decideFor(found, action, user, given).ok
      );
    },

    /**
     * Takes one workflow step for a user. Refusals: 400 for the item's state or missing input,
     * 403 for missing rights and four eyes, 404 when the document or locale does not exist — and,
     * for staff with a division, the same 404 as for an unknown item when the item is another
     * division's, whatever its state. Returns the review state after the step.
     */
    async transition(input: TransitionInput): Promise<ReviewRow> {
      const step = await refuseUnseen(input);
      const { uid, documentId, locale, action, user } = step;
      const found = await situation(uid, documentId, locale, user, step.ability);
      if (!found) throw new errors.NotFoundError(`No ${locale} version of ${uid} ${documentId}.`);
      const verdict = decideFor(found, action, user, step);
      if (!verdict.ok) throw refusalError(verdict);
      await refuseContent(step, found.draft);
      await runStepHooks(step, found);
      if (action === 'publish' || action === 'unpublish') await throughGate(step);
      else await recordStep(step, found, verdict.to);
      return (await reviewState().find(uid, documentId, locale))!;
    },
  };
};
