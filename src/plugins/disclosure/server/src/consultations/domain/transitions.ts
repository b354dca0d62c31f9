/**
 * The transition table of a consultation (调查征集): for a consultation as it stands and an
 * action, the state it moves to or the sentence refusing it. The same table refuses steps on the
 * server and picks the buttons of the consultation page (`allowedActions`). Who may act (the
 * consultation's division, or staff without a division) is the service's. Pure.
 */
import { firstRefusal, type Decision as KernelDecision } from '../../kernel/domain/transitions';
import {
  CONSULTATION_ACTIONS,
  type ConsultationAction,
  type ConsultationState,
} from '../../../../shared/consultations/contracts';

export { CONSULTATION_ACTIONS, type ConsultationAction, type ConsultationState };

export const INITIAL_STATE: ConsultationState = 'draft';

/** What the table reads of a consultation. */
export interface ConsultationFacts {
  label: string;
  state: ConsultationState;
  closesOn: string;
  announcementPublished: boolean;
  /** Comments not rejected and without an adoption decision. */
  undecided: number;
  /** The summary's text was drafted before the latest adoption decision. */
  summaryStale: boolean;
}

export type Decision = KernelDecision<ConsultationState>;

type Rule = (facts: ConsultationFacts, today: string) => string | null;
const first = firstRefusal;

const STATE_TEXT: Record<ConsultationState, string> = {
  draft: 'a draft (编辑中)',
  announced: 'announced (已发布征求意见公告)',
  closed: 'closed (征集结束)',
  summarised: 'summarised (已起草意见采纳情况)',
  summary_submitted: 'summarised and its summary submitted to the review',
};

const is = (facts: ConsultationFacts, states: ConsultationState[], what: string) =>
  !states.includes(facts.state) && `${facts.label} is ${STATE_TEXT[facts.state]}: ${what}.`;

const RULES: Record<ConsultationAction, Rule> = {
  edit: (facts) => first(is(facts, ['draft'], 'its text and period are fixed once announced')),
  announce: (facts, today) =>
    first(
      is(facts, ['draft'], 'it was announced already'),
      facts.closesOn < today &&
        `The period of ${facts.label} ended on ${facts.closesOn}: change "closesOn" before announcing it.`
    ),
  // Hiding a comment already shown (it turns out to name someone) stays possible to the end.
  moderate: (facts) => first(facts.state === 'draft' && `${facts.label} has no comments yet.`),
  record_adoption: (facts) =>
    first(
      is(
        facts,
        ['announced', 'closed', 'summarised'],
        'the summary went to the review with the decisions as they are'
      )
    ),
  close: (facts) =>
    first(
      is(facts, ['announced'], 'only an announced consultation is closed'),
      !facts.announcementPublished &&
        `The announcement of ${facts.label} is not published yet: there is no consultation to close.`
    ),
  draft_summary: (facts) =>
    first(
      is(facts, ['closed', 'summarised'], 'the summary is drafted once the consultation is closed'),
      facts.undecided > 0 &&
        `${facts.undecided} comment(s) on ${facts.label} await an adoption decision (采纳 / 部分采纳 / 未采纳).`
    ),
  submit_summary: (facts) =>
    first(
      is(facts, ['summarised'], 'draft the summary first'),
      facts.undecided > 0 &&
        `${facts.undecided} comment(s) on ${facts.label} await an adoption decision (采纳 / 部分采纳 / 未采纳).`,
      facts.summaryStale &&
        `Adoption decisions on ${facts.label} changed after the summary was drafted: draft it again.`
    ),
};

/** The state each action leads to; absent: the consultation stays where it is. */
const NEXT: Partial<Record<ConsultationAction, ConsultationState>> = {
  announce: 'announced',
  close: 'closed',
  draft_summary: 'summarised',
  submit_summary: 'summary_submitted',
};

/** Whether `action` may be taken today: the state it leads to, or the sentence refusing it. */
export function decide(
  facts: ConsultationFacts,
  action: ConsultationAction,
  today: string
): Decision {
  const refusal = RULES[action](facts, today);
  return refusal === null ? { next: NEXT[action] ?? facts.state } : { refusal };
}

/** The buttons of the consultation page: the actions the table allows today. */
export function allowedActions(facts: ConsultationFacts, today: string): ConsultationAction[] {
  return CONSULTATION_ACTIONS.filter((action) => 'next' in decide(facts, action, today));
}
