/**
 * The transition table of a disclosure request (依申请公开): for a request as it stands and an
 * action, the state it moves to or the sentence refusing the action. The same table refuses steps
 * on the server and picks the buttons of the request's page (`allowedActions`), so the two cannot
 * disagree. The 条例's date rules (补正 within 7 working days of receipt, an extension within the
 * answer period …) are the deadline engine's (request-deadline.ts), checked once the table allows
 * a handling event. Pure.
 */
import { firstRefusal, type Decision as KernelDecision } from '../../kernel/domain/transitions';
import {
  EVENT_TYPES,
  REQUEST_STATES,
  isClosed,
  type HandlingEventType,
  type ReplyState,
  type RequestState,
} from '../../../../shared/requests/states';
import type { RequestAction } from '../../../../shared/requests/contracts';
import type { ClockStatus, RequestEvent } from './request-deadline';

export { EVENT_TYPES, REQUEST_STATES, type HandlingEventType, type RequestState };

/** Where every request starts, whether the website or the office took it. */
export const INITIAL_STATE: RequestState = 'registered';

/** Every action on a request, in the order the request's page shows its buttons. */
export const ACTIONS = [
  'accept',
  'correction_requested',
  'corrected',
  'consultation_started',
  'consultation_ended',
  'fee_notice',
  'extended',
  'fee_notice_delivered',
  'fee_paid',
  'assign',
  'draft_reply',
  'send_reply',
  'record_delivery',
  'withdraw',
  'make_proactive',
  'clear_reply',
  'return_reply',
  'lapse',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who takes an action: the disclosure office (requests.handle), a confidentiality reviewer
 * (保密审查员), or the daily job alone (a correction or fee not received in time).
 */
export const ACTOR_OF: Record<Action, 'handler' | 'reviewer' | 'system'> = {
  accept: 'handler',
  correction_requested: 'handler',
  corrected: 'handler',
  consultation_started: 'handler',
  consultation_ended: 'handler',
  fee_notice: 'handler',
  extended: 'handler',
  fee_notice_delivered: 'handler',
  fee_paid: 'handler',
  assign: 'handler',
  draft_reply: 'handler',
  send_reply: 'handler',
  record_delivery: 'handler',
  withdraw: 'handler',
  make_proactive: 'handler',
  clear_reply: 'reviewer',
  return_reply: 'reviewer',
  lapse: 'system',
};

/** What the table reads of a request. */
export interface RequestFacts {
  trackingNumber: string;
  state: RequestState;
  outcome: string | null;
  events: readonly RequestEvent[];
  /** The deadline's clock: running, or stopped for a correction, a consultation or a fee. */
  clockStatus?: ClockStatus;
  reply: { state: ReplyState; draftedBy: { id: number | null } } | null;
  /** The draft item the released information became (Art. 44), once it has. */
  proactiveItem?: { documentId: string } | null;
  /** Whether the applicant gave an e-mail address (the reply can be e-mailed). */
  applicantHasEmail: boolean;
}

/** The state after the action, or why not: a 400 sentence, or a 403 one when `forbidden`. */
export type Decision = KernelDecision<RequestState>;

/** The outcomes that release information (予以公开, 部分公开): only those can become proactive. */
export const RELEASING_OUTCOMES: readonly string[] = ['disclosed', 'partly'];

/** Where the clock stands decides which handling events may come next. */
const EVENTS_IN: Record<RequestState, readonly HandlingEventType[]> = {
  registered: ['correction_requested', 'consultation_started', 'fee_notice', 'extended'],
  accepted: ['correction_requested', 'consultation_started', 'fee_notice', 'extended'],
  correction_requested: ['corrected'],
  corrected: ['consultation_started', 'fee_notice', 'extended'],
  consulting: ['consultation_ended'],
  extended: ['consultation_started', 'fee_notice'],
  answered: [],
  closed: [],
  withdrawn: [],
};

/** Why a state takes none of the other events: what has to happen first. */
const WAITING: Partial<Record<RequestState, (trackingNumber: string) => string>> = {
  correction_requested: (tn) =>
    `Request ${tn} awaits the applicant's correction (补正): record the corrected application first.`,
  consulting: (tn) =>
    `Request ${tn} is consulting a third party or another agency: record the end of the consultation first.`,
  extended: (tn) => `Request ${tn} was extended: a correction (补正) can no longer be requested.`,
};

/** Whether the last fee notice went by post and its delivery date is not recorded yet. */
export const awaitsDelivery = (events: readonly RequestEvent[]) => {
  const notice = events.map((event) => event.type).lastIndexOf('fee_notice');
  const last = events[notice];
  return (
    last?.type === 'fee_notice' &&
    last.via === 'post' &&
    !last.deliveredOn &&
    !events.slice(notice + 1).some((event) => event.type === 'fee_notice_delivered')
  );
};

type Refusal = Exclude<Decision, { next: RequestState }>;
/** A rule gives the refusal (a sentence is a 400), or null when the action may be taken. */
type Rule = (request: RequestFacts, actorId: number | null) => string | Refusal | null;

const happened = (request: RequestFacts, type: HandlingEventType) =>
  request.events.some((event) => event.type === type);

const first = firstRefusal;

const noMoreSteps = (request: RequestFacts) =>
  isClosed(request.state) &&
  `Request ${request.trackingNumber} is ${request.state}: it takes no more steps.`;

/** A handling event: its own rule (once only, nothing open …), then the state's. */
const event =
  (type: HandlingEventType, own: (request: RequestFacts) => string | false): Rule =>
  (request) =>
    first(
      noMoreSteps(request),
      own(request),
      !EVENTS_IN[request.state].includes(type) &&
        (WAITING[request.state]?.(request.trackingNumber) ??
          `Request ${request.trackingNumber} is ${request.state}: ${type} is not a step it takes now.`)
    );

const alreadyClosed = (request: RequestFacts) =>
  isClosed(request.state) && `Request ${request.trackingNumber} is already ${request.state}.`;

const owesCorrection = (request: RequestFacts, consequence: string) =>
  request.clockStatus === 'awaiting_correction' &&
  `Request ${request.trackingNumber} awaits the applicant's correction (补正): ${consequence}.`;

/** Sending or delivering the reply: open, no correction owed, the reply cleared. */
const replyGoesOut = (request: RequestFacts) =>
  first(
    alreadyClosed(request),
    owesCorrection(request, 'the reply written before it cannot be sent'),
    request.reply?.state !== 'cleared' &&
      `The reply to ${request.trackingNumber} has not passed the confidentiality review (保密审查): it cannot be sent.`
  );

/** Clearing or returning the reply: open, a draft awaiting review, read by someone else. */
const review =
  (verb: 'clear' | 'return'): Rule =>
  (request, actorId) =>
    first(
      alreadyClosed(request),
      request.reply?.state !== 'draft' &&
        `Request ${request.trackingNumber} has no reply awaiting review.`
    ) ??
    (request.reply?.draftedBy.id === actorId
      ? {
          refusal: `The person who drafted a reply cannot ${verb} it: another confidentiality reviewer must (four eyes).`,
          forbidden: true,
        }
      : null);

const RULES: Record<Action, Rule> = {
  accept: (request) =>
    request.state === 'registered'
      ? null
      : `Only a registered request can be accepted; ${request.trackingNumber} is ${request.state}.`,
  correction_requested: event(
    'correction_requested',
    (request) =>
      happened(request, 'correction_requested') && '补正 may be requested only once (条例 Art. 30).'
  ),
  corrected: event(
    'corrected',
    (request) => request.state !== 'correction_requested' && 'No correction was requested.'
  ),
  consultation_started: event(
    'consultation_started',
    (request) => request.state === 'consulting' && 'A consultation is already open.'
  ),
  consultation_ended: event(
    'consultation_ended',
    (request) => request.state !== 'consulting' && 'No consultation is open.'
  ),
  fee_notice: event(
    'fee_notice',
    (request) => request.clockStatus === 'awaiting_payment' && 'A fee notice is already open.'
  ),
  extended: event(
    'extended',
    (request) => happened(request, 'extended') && 'The deadline may be extended once.'
  ),
  // The payment events follow a fee notice in whatever state the request is in.
  fee_notice_delivered: (request) =>
    first(
      noMoreSteps(request),
      !(request.clockStatus === 'awaiting_payment' && awaitsDelivery(request.events)) &&
        'No posted fee notice awaits its delivery date.'
    ),
  fee_paid: (request) =>
    first(
      noMoreSteps(request),
      request.clockStatus !== 'awaiting_payment' && 'No fee notice is open.',
      awaitsDelivery(request.events) &&
        'The fee notice went by post: record the day the applicant received it first.'
    ),
  assign: (request) => first(noMoreSteps(request)),
  draft_reply: (request) =>
    first(alreadyClosed(request), owesCorrection(request, 'it cannot be answered yet')),
  send_reply: (request) =>
    first(
      replyGoesOut(request) ?? false,
      !request.applicantHasEmail &&
        `The applicant of ${request.trackingNumber} gave no e-mail address: deliver the reply on paper and record its delivery.`
    ),
  record_delivery: replyGoesOut,
  withdraw: (request) => first(alreadyClosed(request)),
  make_proactive: (request) =>
    first(
      (request.state !== 'answered' ||
        !RELEASING_OUTCOMES.includes(request.outcome ?? '') ||
        !request.reply) &&
        `Only information released by an answered request (予以公开 or 部分公开) can be made proactive; ${request.trackingNumber} is ${request.state}.`,
      Boolean(request.proactiveItem) &&
        `Request ${request.trackingNumber} was already turned into a draft item (${request.proactiveItem?.documentId}).`
    ),
  clear_reply: review('clear'),
  return_reply: review('return'),
  lapse: (request) =>
    first(
      noMoreSteps(request),
      request.clockStatus !== 'awaiting_correction' &&
        request.clockStatus !== 'awaiting_payment' &&
        `Request ${request.trackingNumber} awaits neither a correction nor a fee: it cannot lapse.`
    ),
};

/** The state each action leads to; absent: the request stays where it is. */
const NEXT: Partial<Record<Action, RequestState>> = {
  accept: 'accepted',
  correction_requested: 'correction_requested',
  corrected: 'corrected',
  consultation_started: 'consulting',
  consultation_ended: 'accepted',
  fee_notice: 'accepted',
  fee_notice_delivered: 'accepted',
  fee_paid: 'accepted',
  extended: 'extended',
  send_reply: 'answered',
  record_delivery: 'answered',
  withdraw: 'withdrawn',
  lapse: 'closed',
};

/**
 * Whether `action` may be taken on the request (by `actorId`, for the four-eyes rule of the
 * reply's review): the state it leads to, or the sentence refusing it.
 */
export function decide(
  request: RequestFacts,
  action: Action,
  actorId: number | null = null
): Decision {
  const refusal = RULES[action](request, actorId);
  if (refusal === null) return { next: NEXT[action] ?? request.state };
  return typeof refusal === 'string' ? { refusal } : refusal;
}

/** The viewer of a request's page: their rights and who they are. */
export interface Viewer {
  canHandle: boolean;
  canClear: boolean;
  userId: number;
}

/** The buttons the request's page shows this viewer: the actions the table allows them. */
export function allowedActions(request: RequestFacts, viewer: Viewer): RequestAction[] {
  const holds = { handler: viewer.canHandle, reviewer: viewer.canClear, system: false };
  return ACTIONS.filter(
    (action): action is PageAction =>
      holds[ACTOR_OF[action]] && 'next' in decide(request, action, viewer.userId)
  );
}

/** The actions a person takes; the API contract lists them for the page (`REQUEST_ACTIONS`). */
type PageAction = Exclude<Action, 'lapse'>;
// Compile-time: the contract's list and the table's person actions are the same set.
export const PAGE_ACTIONS_MATCH_CONTRACT: [PageAction] extends [RequestAction]
  ? [RequestAction] extends [PageAction]
    ? true
    : never
  : never = true;
