/**
 * The transition table of a suggestion or proposal (建议提案): for a case as it stands and an
 * action, the state it moves to or the sentence refusing it. The same table refuses steps on the
 * server and picks the buttons of the case page (`allowedActions`), so the two cannot disagree.
 * Who may act on which case (lead, co-handler, coordinator, reviewer) is the viewer's part; the
 * division scoping (a division neither lead nor co-handler does not see the case) is the
 * service's. Pure.
 */
import { firstRefusal, type Decision as KernelDecision } from '../../kernel/domain/transitions';
import {
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  type Feedback,
  type ProposalAction,
  type ProposalReplyState,
  type ProposalState,
} from '../../../../shared/proposals/contracts';

export { PROPOSAL_ACTIONS, PROPOSAL_STATES, type ProposalAction, type ProposalState };

/** Where every case starts: registered and assigned at once (交办). */
export const INITIAL_STATE: ProposalState = 'assigned';

/** Who takes an action: the lead division, a co-handler, the coordinator or a 保密审查员. */
export type Part = 'lead' | 'co_handler' | 'coordinator' | 'reviewer';

export const PARTS_OF: Record<ProposalAction, readonly Part[]> = {
  assign: ['coordinator'],
  submit_opinion: ['co_handler'],
  draft_reply: ['lead'],
  clear_reply: ['reviewer'],
  return_reply: ['reviewer'],
  send_reply: ['lead'],
  record_feedback: ['lead', 'coordinator'],
  decide_publication: ['lead', 'coordinator'],
};

/** What the table reads of a case. */
export interface ProposalFacts {
  label: string;
  state: ProposalState;
  /** 1 for the first reply, 2 after a 不满意 reopened the case. */
  round: number;
  /** Co-handler divisions and whether each has submitted its opinion. */
  coHandlers: ReadonlyArray<{ division: string; submitted: boolean }>;
  /** The reply of the current round, if drafted. */
  reply: {
    state: ProposalReplyState;
    draftedById: number | null;
    publicationDecided: boolean;
  } | null;
}

/** The state after the action, or why not: a 400 sentence, or a 403 one when `forbidden`. */
export type Decision = KernelDecision<ProposalState>;

type Refusal = Exclude<Decision, { next: ProposalState }>;
type Rule = (facts: ProposalFacts, actorId: number | null) => string | Refusal | null;

const first = firstRefusal;

const inHandling = (facts: ProposalFacts) =>
  facts.state === 'assigned' || facts.state === 'reopened';

const notInHandling = (facts: ProposalFacts, what: string) =>
  !inHandling(facts) &&
  `${facts.label} is ${facts.state === 'closed' ? 'closed (办结)' : 'replied and awaits the feedback'}: ${what}.`;

const pending = (facts: ProposalFacts) =>
  facts.coHandlers.filter((co) => !co.submitted).map((co) => co.division);

/** Clearing or returning the reply: a draft awaiting review, read by someone else (four eyes). */
const review =
  (verb: 'clear' | 'return'): Rule =>
  (facts, actorId) =>
    first(
      notInHandling(facts, 'its reply was already sent'),
      facts.reply?.state !== 'draft' && `${facts.label} has no reply awaiting review.`
    ) ??
    (facts.reply?.draftedById === actorId
      ? {
          refusal: `The person who drafted a reply cannot ${verb} it: another confidentiality reviewer must (four eyes).`,
          forbidden: true,
        }
      : null);

const RULES: Record<ProposalAction, Rule> = {
  assign: (facts) => first(notInHandling(facts, 'it can no longer be reassigned')),
  submit_opinion: (facts) =>
    first(
      notInHandling(facts, 'co-handlers can no longer send opinions'),
      facts.coHandlers.length === 0 && `${facts.label} has no co-handler division (协办).`,
      facts.reply?.state === 'cleared' &&
        `The reply to ${facts.label} is already cleared: an opinion can no longer change it.`
    ),
  draft_reply: (facts) =>
    first(
      notInHandling(facts, 'a new reply needs the deputy’s 不满意 first'),
      pending(facts).length > 0 &&
        `${facts.label} awaits the opinion of its co-handler division(s) ${pending(facts).join(', ')} (协办意见): the lead replies once they have sent it.`
    ),
  clear_reply: review('clear'),
  return_reply: review('return'),
  send_reply: (facts) =>
    first(
      notInHandling(facts, 'its reply was already sent'),
      facts.reply?.state !== 'cleared' &&
        `The reply to ${facts.label} has not passed the confidentiality review (保密审查): it cannot be sent.`
    ),
  record_feedback: (facts) =>
    first(
      facts.state !== 'replied' &&
        `${facts.label} is ${facts.state}: only a replied case awaits the feedback (满意 / 基本满意 / 不满意).`
    ),
  decide_publication: (facts) =>
    first(
      (facts.reply?.state !== 'sent' || inHandling(facts)) &&
        `The reply to ${facts.label} has not been sent: only a sent reply is published (or not).`,
      Boolean(facts.reply?.publicationDecided) &&
        `The publication of the reply to ${facts.label} was already decided.`
    ),
};

/** The state each action leads to; absent: the case stays where it is. */
const NEXT: Partial<Record<ProposalAction, ProposalState>> = {
  send_reply: 'replied',
  record_feedback: 'closed',
};

/**
 * Where a feedback leads: 不满意 on the first reply reopens the case for a second reply; any other
 * rating, and 不满意 on a second reply (the office has answered twice), closes it (办结).
 */
export const afterFeedback = (facts: ProposalFacts, feedback: Feedback): ProposalState =>
  feedback === 'dissatisfied' && facts.round === 1 ? 'reopened' : 'closed';

/**
 * Whether `action` may be taken on the case (by `actorId`, for the four-eyes rule of the reply's
 * review): the state it leads to, or the sentence refusing it.
 */
export function decide(
  facts: ProposalFacts,
  action: ProposalAction,
  actorId: number | null = null
): Decision {
  const refusal = RULES[action](facts, actorId);
  if (refusal === null) return { next: NEXT[action] ?? facts.state };
  return typeof refusal === 'string' ? { refusal } : refusal;
}

/** The parts the viewer plays on this case. */
export type Viewer = { parts: readonly Part[]; userId: number };

/** The buttons the case page shows this viewer: the actions the table allows them. */
export function allowedActions(facts: ProposalFacts, viewer: Viewer): ProposalAction[] {
  return PROPOSAL_ACTIONS.filter(
    (action) =>
      PARTS_OF[action].some((part) => viewer.parts.includes(part)) &&
      'next' in decide(facts, action, viewer.userId)
  );
}
