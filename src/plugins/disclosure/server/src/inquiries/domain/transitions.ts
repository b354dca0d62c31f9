/**
 * The transition table of a public inquiry (留言办理): for a case as it stands and an action, the
 * state it moves to or the sentence refusing it. The same table refuses steps on the server and
 * picks the buttons of the case page (`allowedActions`), so the two cannot disagree. Who may act
 * (the assigned division, the coordinator, a 保密审查员) is the viewer's part; the division
 * scoping (another division does not see the case) is the service's. Pure.
 *
 * A phone call is answered on the call or by a call-back (`answer`). Every written channel's
 * reply goes out in writing — to the website's status lookup, to 民心网, to the transferring
 * hotline — so it passes the confidentiality review first: drafted, cleared by a 保密审查员 other
 * than its drafter against the hash of its exact text, then sent.
 */
import { firstRefusal, type Decision as KernelDecision } from '../../kernel/domain/transitions';
import {
  INQUIRY_ACTIONS,
  SATISFACTION_CHANNELS,
  type InquiryAction,
  type InquiryChannel,
  type InquiryReplyState,
  type InquiryState,
  type Satisfaction,
} from '../../../../shared/inquiries/contracts';

export { INQUIRY_ACTIONS, type InquiryAction, type InquiryState };

/** Who takes an action: the assigned division, the coordinator or a 保密审查员. */
export type Part = 'handler' | 'coordinator' | 'reviewer';

export const PARTS_OF: Record<InquiryAction, readonly Part[]> = {
  assign: ['coordinator'],
  answer: ['handler', 'coordinator'],
  draft_reply: ['handler'],
  clear_reply: ['reviewer'],
  return_reply: ['reviewer'],
  send_reply: ['handler'],
  record_satisfaction: ['handler', 'coordinator'],
  prepare_publication: ['handler', 'coordinator'],
  dismiss: ['coordinator'],
};

/** What the table reads of a case. */
export interface InquiryFacts {
  label: string;
  channel: InquiryChannel;
  state: InquiryState;
  division: string | null;
  publicConsent: boolean;
  satisfaction: Satisfaction | null;
  /** Whether its public Q&A was already prepared. */
  published: boolean;
  reply: { state: InquiryReplyState; draftedById: number | null } | null;
}

export type Decision = KernelDecision<InquiryState>;
type Refusal = Exclude<Decision, { next: InquiryState }>;
type Rule = (facts: InquiryFacts, actorId: number | null) => string | Refusal | null;

const first = firstRefusal;

const notOpen = (facts: InquiryFacts, what: string) =>
  facts.state !== 'open' &&
  `${facts.label} is ${facts.state === 'closed' ? 'closed (已办结)' : 'dismissed (无效留言)'}: ${what}.`;

const review =
  (verb: 'clear' | 'return'): Rule =>
  (facts, actorId) =>
    first(
      notOpen(facts, 'its reply was already sent'),
      facts.reply?.state !== 'draft' && `${facts.label} has no reply awaiting review.`
    ) ??
    (facts.reply?.draftedById === actorId
      ? {
          refusal: `The person who drafted a reply cannot ${verb} it: another confidentiality reviewer must (four eyes).`,
          forbidden: true,
        }
      : null);

const RULES: Record<InquiryAction, Rule> = {
  assign: (facts) =>
    first(
      notOpen(facts, 'it can no longer be reassigned'),
      facts.reply?.state === 'cleared' &&
        `The reply to ${facts.label} is cleared and awaits sending: send it before reassigning.`
    ),
  answer: (facts) =>
    first(
      notOpen(facts, 'it was already answered'),
      facts.channel !== 'phone' &&
        `${facts.label} came in writing: its reply is drafted and passes the confidentiality review (保密审查) before it is sent.`
    ),
  draft_reply: (facts) =>
    first(
      notOpen(facts, 'its reply was already sent'),
      facts.channel === 'phone' &&
        `${facts.label} is a phone call: record the answer given on the call-back (答复).`,
      facts.division === null &&
        `${facts.label} is not assigned to a division yet: the coordinator assigns it first (交办).`
    ),
  clear_reply: review('clear'),
  return_reply: review('return'),
  send_reply: (facts) =>
    first(
      notOpen(facts, 'its reply was already sent'),
      facts.reply?.state !== 'cleared' &&
        `The reply to ${facts.label} has not passed the confidentiality review (保密审查): it cannot be sent.`
    ),
  record_satisfaction: (facts) =>
    first(
      !SATISFACTION_CHANNELS.includes(facts.channel) &&
        `${facts.label} came by a channel that reports no satisfaction (满意度): only 民心网 and the hotlines do.`,
      facts.state !== 'closed' &&
        `${facts.label} is not answered yet: the satisfaction follows the answer.`,
      facts.satisfaction !== null && `The satisfaction with ${facts.label} is already recorded.`
    ),
  prepare_publication: (facts) =>
    first(
      facts.state !== 'closed' &&
        `${facts.label} is not answered yet: only an answered message is published as a Q&A.`,
      !facts.publicConsent &&
        `The writer of ${facts.label} did not agree to publication: its Q&A is not published.`,
      facts.published && `The public Q&A of ${facts.label} was already prepared.`
    ),
  dismiss: (facts) => first(notOpen(facts, 'it can no longer be dismissed')),
};

/** The state each action leads to; absent: the case stays where it is. */
const NEXT: Partial<Record<InquiryAction, InquiryState>> = {
  answer: 'closed',
  send_reply: 'closed',
  dismiss: 'dismissed',
};

/**
 * Whether `action` may be taken on the case (by `actorId`, for the four-eyes rule of the reply's
 * review): the state it leads to, or the sentence refusing it.
 */
export function decide(
  facts: InquiryFacts,
  action: InquiryAction,
  actorId: number | null = null
): Decision {
  const refusal = RULES[action](facts, actorId);
  if (refusal === null) return { next: NEXT[action] ?? facts.state };
  return typeof refusal === 'string' ? { refusal } : refusal;
}

/** The buttons the case page shows this viewer: the actions the table allows them. */
export function allowedActions(
  facts: InquiryFacts,
  viewer: { parts: readonly Part[]; userId: number }
): InquiryAction[] {
  return INQUIRY_ACTIONS.filter(
    (action) =>
      PARTS_OF[action].some((part) => viewer.parts.includes(part)) &&
      'next' in decide(facts, action, viewer.userId)
  );
}
