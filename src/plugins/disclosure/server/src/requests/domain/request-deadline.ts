/**
 * The answer deadline of a disclosure request (依申请公开, 条例 Art. 30–33, 45), with the
 * explanation a person can check: 20 working days after receipt (the day of receipt not counted);
 * a correction request (补正) at most once and within 7 working days of receipt stops the clock and
 * the 20 days start again from the corrected application; consultation of a third party or
 * another agency pauses it for at most their 15 working days to reply (Art. 32, 34: silence ends
 * the consultation); a fee notice pauses it until paid, payable within 20 working days of the day
 * the applicant received the notice (国办函〔2020〕109号); one extension of at most 20 working
 * days, approved, with a reason, decided before the due date. Pure: the calendar is given.
 */
import { WorkingDayCalendar, isDate, nextDate, type Day } from '../../kernel/domain/calendar';
import { FEE_NOTICE_ROUTES, type FeeNoticeRoute } from '../../../../shared/requests/fees';
import type {
  ClockStatus,
  Deadline,
  DeadlineStep as Step,
  RequestEvent,
} from '../../../../shared/requests/contracts';

// The events and the deadline are answered as they are (a request's page): their shapes are the API's.
export {
  FEE_NOTICE_ROUTES,
  type ClockStatus,
  type Deadline,
  type FeeNoticeRoute,
  type RequestEvent,
  type Step,
};

export const ANSWER_WORKING_DAYS = 20;
export const CORRECTION_WINDOW_WORKING_DAYS = 7;
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** A consulted third party (Art. 32) or agency (Art. 34) replies within this many working days. */
export const THIRD_PARTY_REPLY_WORKING_DAYS = 15;
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** A rule of the 条例 the events break (a second correction, a late one, a second extension …). */
export class DeadlineRuleError extends Error {
  constructor(
    message: string,
    readonly event: RequestEvent
  ) {
    super(message);
  }
}

const ORDER: Record<RequestEvent['type'], number> = {
  received: 0,
  correction_requested: 1,
  corrected: 2,
  consultation_started: 3,
  fee_notice: 3,
  consultation_ended: 4,
  fee_notice_delivered: 4,
  fee_paid: 5,
  extended: 6,
};

interface Pause {
  from: string;
  to: string | null;
  why: 'correction' | 'consultation' | 'fee';
  /** A consultation without its reply recorded yet (it ends by itself at `to`). */
  awaitingReply?: 'third_party' | 'agency';
  /** A posted fee notice whose delivery date is not recorded yet. */
  awaitingDelivery?: boolean;
}

const describeDays = (days: Day[]) => {
  const byHoliday = new Map<string, number>();
  for (const day of days) {
    const name = day.holiday ?? '节假日';
    byHoliday.set(name, (byHoliday.get(name) ?? 0) + 1);
  }
  return [...byHoliday].map(([name, count]) => `${name}${count}天`).join('、');
};

/** The deadline the events imply today (events after `today` are ignored). */
export function computeDeadline(
  events: readonly RequestEvent[],
  calendar: WorkingDayCalendar
): Deadline {
  const sorted = inOrder(events);
  const clock = startClock(sorted[0]);
  for (let index = 1; index < sorted.length; index++) {
    const event = sorted[index];
    applyEvent(clock, event.type, event, { calendar, earlier: sorted.slice(0, index) });
  }
  return deadlineOf(clock, calendar);
}

/** The events by date (same-day events in ORDER), checked to start with the receipt. */
const inOrder = (events: readonly RequestEvent[]): RequestEvent[] => {
  for (const event of events) {
    if (!isDate(event.date)) throw new DeadlineRuleError(`"${event.date}" is not a date`, event);
  }
  const sorted = [...events].sort(
    (a, b) => a.date.localeCompare(b.date) || ORDER[a.type] - ORDER[b.type]
  );
  const received = sorted.find((event) => event.type === 'received');
  if (!received || sorted[0] !== received) {
    throw new DeadlineRuleError('A request starts with the date it was received.', sorted[0]);
  }
  return sorted;
};

/** The clock as the events so far have set it; the handlers below move it on, one per event. */
interface Clock {
  readonly receivedOn: string;
  /** The day the answer period counts from (the day itself not counted). */
  start: string;
  pauses: Pause[];
  extension: number;
  corrections: number;
  correctionDueDate: string | null | undefined;
  thirdPartyDueDate: string | null | undefined;
  consultationDueDate: string | null | undefined;
  feeDueDate: string | null | undefined;
  steps: Step[];
}

interface EventContext {
  calendar: WorkingDayCalendar;
  /** The events before this one, in order (an extension checks the deadline they imply). */
  earlier: readonly RequestEvent[];
}

type EventsByType = { [T in RequestEvent['type']]: Extract<RequestEvent, { type: T }> };
type EventOf<T extends RequestEvent['type']> = EventsByType[T];

const startClock = (received: RequestEvent): Clock => ({
  receivedOn: received.date,
  start: received.date,
  pauses: [],
  extension: 0,
  corrections: 0,
  correctionDueDate: undefined,
  thirdPartyDueDate: undefined,
  consultationDueDate: undefined,
  feeDueDate: undefined,
  steps: [
    {
      date: received.date,
      text: `收到申请（当日不计），自次一工作日起计算${ANSWER_WORKING_DAYS}个工作日。`,
    },
  ],
});

const openPause = (clock: Clock, why: Pause['why']) =>
  clock.pauses.find((pause) => pause.why === why && !pause.to);
const openConsultation = (clock: Clock) => clock.pauses.find((pause) => pause.awaitingReply);

/** One handler per event type: each checks the event against the clock and moves it on. */
const HANDLERS: {
  [T in RequestEvent['type']]: (clock: Clock, event: EventOf<T>, context: EventContext) => void;
} = {
  received: (_clock, event) => {
    throw new DeadlineRuleError('A request is received once.', event);
  },
  correction_requested: requestCorrection,
  corrected: receiveCorrection,
  consultation_started: startConsultation,
  consultation_ended: endConsultation,
  fee_notice: sendFeeNotice,
  fee_notice_delivered: recordFeeNoticeDelivery,
  fee_paid: recordPayment,
  extended: extend,
};

// The type beside its event lets the compiler pair the two without a cast.
function applyEvent<T extends RequestEvent['type']>(
  clock: Clock,
  type: T,
  event: EventOf<T>,
  context: EventContext
): void {
  HANDLERS[type](clock, event, context);
}

function requestCorrection(
  clock: Clock,
  event: EventOf<'correction_requested'>,
  { calendar }: EventContext
): void {
  clock.corrections++;
  if (clock.corrections > 1) {
    throw new DeadlineRuleError('补正 may be requested only once (条例 Art. 30).', event);
  }
  const latest = calendar.addWorkingDays(clock.receivedOn, CORRECTION_WINDOW_WORKING_DAYS);
  if (event.date > latest) {
    throw new DeadlineRuleError(
      `补正 must be requested within ${CORRECTION_WINDOW_WORKING_DAYS} working days of receipt, by ${latest}.`,
      event
    );
  }
  clock.correctionDueDate = event.dueBy ?? null;
  clock.pauses.push({ from: event.date, to: null, why: 'correction' });
  clock.steps.push({
    date: event.date,
    text: `一次性告知补正（收到申请后${CORRECTION_WINDOW_WORKING_DAYS}个工作日内，最迟${latest}），期限中止${event.dueBy ? `；申请人应于${event.dueBy}前补正，逾期视为放弃申请` : ''}。`,
  });
}

function receiveCorrection(clock: Clock, event: EventOf<'corrected'>): void {
  const pause = openPause(clock, 'correction');
  if (!pause) throw new DeadlineRuleError('No correction was requested.', event);
  pause.to = event.date;
  // The 20 working days start again from the corrected application.
  clock.start = event.date;
  clock.pauses = clock.pauses.filter(
    (candidate) => candidate.to === null || candidate.to > event.date
  );
  clock.correctionDueDate = undefined;
  clock.steps.push({
    date: event.date,
    text: `收到补正后的申请，重新计算${ANSWER_WORKING_DAYS}个工作日（当日不计）。`,
  });
}

function startConsultation(
  clock: Clock,
  event: EventOf<'consultation_started'>,
  { calendar }: EventContext
): void {
  if (openConsultation(clock))
    throw new DeadlineRuleError('A consultation is already open.', event);
  // Art. 32/34: the consulted party has 15 working days; after them the consultation no
  // longer needs time (Art. 33 para. 3 leaves out only the time it needs), so the pause
  // ends there unless their reply came earlier.
  const replyDue = calendar.addWorkingDays(event.date, THIRD_PARTY_REPLY_WORKING_DAYS);
  const party = event.party === 'agency' ? 'agency' : 'third_party';
  clock.pauses.push({ from: event.date, to: replyDue, why: 'consultation', awaitingReply: party });
  clock.consultationDueDate = replyDue;
  if (party === 'third_party') clock.thirdPartyDueDate = replyDue;
  clock.steps.push({
    date: event.date,
    text:
      party === 'third_party'
        ? `书面征求第三方意见（第三方应于${replyDue}前提出意见），征求意见时间不计算在期限内。`
        : `征求其他行政机关意见（被征求意见机关应于${replyDue}前提出意见），征求意见时间不计算在期限内。`,
  });
}

function endConsultation(
  clock: Clock,
  event: EventOf<'consultation_ended'>,
  { calendar }: EventContext
): void {
  const pause = openConsultation(clock);
  if (!pause) throw new DeadlineRuleError('No consultation is open.', event);
  const late = event.date > pause.to!;
  if (!late) pause.to = event.date;
  pause.awaitingReply = undefined;
  clock.consultationDueDate = undefined;
  const paused = calendar.daysAfter(pause.from, pause.to!).filter((day) => day.isWorking);
  clock.steps.push({
    date: event.date,
    text: late
      ? `征求意见结束（意见在${pause.to}的期限后收到；征求意见时间计至该日，其间${paused.length}个工作日不计）。`
      : `征求意见结束，期限自次日起继续计算（其间${paused.length}个工作日不计）。`,
  });
}

function sendFeeNotice(
  clock: Clock,
  event: EventOf<'fee_notice'>,
  { calendar }: EventContext
): void {
  if (openPause(clock, 'fee')) throw new DeadlineRuleError('A fee notice is already open.', event);
  if (event.via !== undefined && !FEE_NOTICE_ROUTES.includes(event.via)) {
    throw new DeadlineRuleError(`A fee notice goes by ${FEE_NOTICE_ROUTES.join(' or ')}.`, event);
  }
  const posted = event.via === 'post';
  const pause: Pause = { from: event.date, to: null, why: 'fee', awaitingDelivery: posted };
  clock.pauses.push(pause);
  if (!posted) {
    // E-mail: received the day it was sent.
    clock.feeDueDate = calendar.addWorkingDays(event.date, FEE_PAYMENT_WORKING_DAYS);
    clock.steps.push({
      date: event.date,
      text: `发出收费通知，申请人应于${clock.feeDueDate}前缴费，逾期视为放弃申请；缴费期间不计算在期限内。`,
    });
    return;
  }
  clock.feeDueDate = null;
  clock.steps.push({
    date: event.date,
    text: `邮寄发出收费通知，缴费期间不计算在期限内；缴费期限自申请人收到通知次日起计算${FEE_PAYMENT_WORKING_DAYS}个工作日${event.deliveredOn ? '' : '，送达日期待登记'}。`,
  });
  if (event.deliveredOn !== undefined) {
    pause.awaitingDelivery = false;
    feeNoticeReceived(clock, event.deliveredOn, event.date, event, calendar);
  }
}

function recordFeeNoticeDelivery(
  clock: Clock,
  event: EventOf<'fee_notice_delivered'>,
  { calendar }: EventContext
): void {
  const pause = openPause(clock, 'fee');
  if (!pause?.awaitingDelivery) {
    throw new DeadlineRuleError('No posted fee notice awaits its delivery date.', event);
  }
  pause.awaitingDelivery = false;
  feeNoticeReceived(clock, event.date, pause.from, event, calendar);
}

/** A posted fee notice reached the applicant on `receivedOn`: the payment period starts. */
function feeNoticeReceived(
  clock: Clock,
  receivedOn: string,
  sentOn: string,
  event: RequestEvent,
  calendar: WorkingDayCalendar
): void {
  if (!isDate(receivedOn)) {
    throw new DeadlineRuleError(`"${receivedOn}" is not a date (YYYY-MM-DD).`, event);
  }
  if (receivedOn < sentOn) {
    throw new DeadlineRuleError(
      `A fee notice cannot be received (${receivedOn}) before it was sent (${sentOn}).`,
      event
    );
  }
  clock.feeDueDate = calendar.addWorkingDays(receivedOn, FEE_PAYMENT_WORKING_DAYS);
  clock.steps.push({
    date: receivedOn,
    text: `申请人收到收费通知（邮寄送达），应于${clock.feeDueDate}前缴费，逾期视为放弃申请。`,
  });
}

function recordPayment(clock: Clock, event: EventOf<'fee_paid'>): void {
  const pause = openPause(clock, 'fee');
  if (!pause) throw new DeadlineRuleError('No fee notice is open.', event);
  pause.to = event.date;
  clock.feeDueDate = undefined;
  clock.steps.push({ date: event.date, text: '申请人已缴费，期限自次日起继续计算。' });
}

function extend(clock: Clock, event: EventOf<'extended'>, context: EventContext): void {
  if (clock.extension > 0) {
    throw new DeadlineRuleError('The deadline may be extended once.', event);
  }
  if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_EXTENSION_WORKING_DAYS) {
    throw new DeadlineRuleError(
      `An extension is 1 to ${MAX_EXTENSION_WORKING_DAYS} working days.`,
      event
    );
  }
  if (!event.approver.trim() || !event.reason.trim()) {
    throw new DeadlineRuleError('An extension needs its approver and a reason.', event);
  }
  // Art. 33: an extension is decided within the answer period (a stopped clock has not run out).
  const before = computeDeadline(context.earlier, context.calendar).dueDate;
  if (before && event.date > before) {
    throw new DeadlineRuleError(
      `An extension must be decided within the answer period: the answer was due on ${before}, and ${event.date} is after it (条例 Art. 33).`,
      event
    );
  }
  clock.extension = event.days;
  clock.steps.push({
    date: event.date,
    text: `经${event.approver}同意延长${event.days}个工作日（理由：${event.reason}），并告知申请人。`,
  });
}

/** The answer period walked day by day from the clock's start, until it is used up or stops. */
interface Count {
  allowed: number;
  counted: number;
  paused: number;
  holidays: Day[];
  adjusted: Day[];
  /** The last day walked: the due date unless a pause stopped the clock. */
  reached: string;
  /** The open pause (correction or fee) the walk ran into. */
  stoppedBy: Pause | undefined;
}

function countWorkingDays(clock: Clock, calendar: WorkingDayCalendar): Count {
  const allowed = ANSWER_WORKING_DAYS + clock.extension;
  const pausedOn = (date: string) =>
    clock.pauses.find((pause) => date > pause.from && (pause.to === null || date <= pause.to));
  const count: Count = {
    allowed,
    counted: 0,
    paused: 0,
    holidays: [],
    adjusted: [],
    reached: clock.start,
    stoppedBy: undefined,
  };
  while (count.counted < allowed) {
    count.reached = nextDate(count.reached);
    const pause = pausedOn(count.reached);
    if (pause && pause.to === null) {
      count.stoppedBy = pause;
      break;
    }
    const day = calendar.day(count.reached);
    if (pause) {
      if (day.isWorking) count.paused++;
      continue;
    }
    if (day.isWorking) count.counted++;
    if (day.kind === 'holiday') count.holidays.push(day);
    if (day.kind === 'adjusted_working_day') count.adjusted.push(day);
  }
  return count;
}

const statusOf = (count: Count, consultation: Pause | undefined): ClockStatus =>
  count.stoppedBy
    ? count.stoppedBy.why === 'correction'
      ? 'awaiting_correction'
      : 'awaiting_payment'
    : consultation
      ? 'consulting'
      : 'running';

/** What happens if the consulted party stays silent until its reply is due. */
const silenceStep = (consultation: Pause): Step => ({
  date: consultation.to!,
  text:
    consultation.awaitingReply === 'third_party'
      ? `第三方未在${consultation.to}前提出意见的，征求意见时间计至该日，期限自次日起继续计算，由本机关依照条例规定决定是否公开（条例第三十二条）。`
      : `被征求意见机关未在${consultation.to}前提出意见的，视为同意公开（条例第三十四条），期限自次日起继续计算。`,
});

const dueDateStep = (dueDate: string, count: Count): Step => {
  const inside = [
    count.holidays.length ? `其间法定节假日${describeDays(count.holidays)}不计` : '',
    count.adjusted.length
      ? `调休上班${count.adjusted.length}天（${count.adjusted.map((day) => day.date).join('、')}）计入`
      : '',
    count.paused ? `中止期间${count.paused}个工作日不计` : '',
  ].filter(Boolean);
  return {
    date: dueDate,
    text: `答复期限届满日：共${count.allowed}个工作日${inside.length ? `；${inside.join('；')}` : ''}。`,
  };
};

const stoppedStep = (stoppedBy: Pause, count: Count): Step => ({
  date: stoppedBy.from,
  text: `期限自${stoppedBy.from}起中止，已计${count.counted}个工作日，尚余${count.allowed - count.counted}个工作日。`,
});

const uncoveredYearsStep = (uncoveredYears: number[]): Step => ({
  date: `${uncoveredYears[0]}-01-01`,
  text: `注意：${uncoveredYears.map((year) => `${year}年`).join('、')}的法定节假日安排尚未收录，该年日期暂按周一至周五为工作日计算；安排公布后期限将重新计算。`,
});

/** The due date (or where the clock stopped) the clock implies, with the closing steps. */
function deadlineOf(clock: Clock, calendar: WorkingDayCalendar): Deadline {
  const count = countWorkingDays(clock, calendar);
  const { correctionDueDate, thirdPartyDueDate, consultationDueDate, feeDueDate } = clock;
  const steps = [...clock.steps];
  const consultation = openConsultation(clock);
  if (consultation) steps.push(silenceStep(consultation));
  const dueDate = count.stoppedBy ? null : count.reached;
  steps.push(dueDate ? dueDateStep(dueDate, count) : stoppedStep(count.stoppedBy!, count));
  const uncoveredYears = uncoveredYearsOf(
    clock.receivedOn,
    { dueDate, correctionDueDate, consultationDueDate, feeDueDate },
    calendar
  );
  if (uncoveredYears.length) steps.push(uncoveredYearsStep(uncoveredYears));
  return {
    status: statusOf(count, consultation),
    dueDate,
    allowedWorkingDays: count.allowed,
    countedWorkingDays: count.counted,
    pausedWorkingDays: count.paused,
    holidays: count.holidays,
    adjustedWorkingDays: count.adjusted,
    ...(correctionDueDate !== undefined ? { correctionDueDate } : {}),
    ...(thirdPartyDueDate !== undefined ? { thirdPartyDueDate } : {}),
    ...(consultationDueDate !== undefined ? { consultationDueDate } : {}),
    ...(feeDueDate !== undefined ? { feeDueDate } : {}),
    uncoveredYears,
    steps,
  };
}

/**
 * The years from receipt to the furthest date a deadline names (due date, correction, reply or
 * payment deadline) whose working days the calendar does not know: a warning for the office.
 */
export function uncoveredYearsOf(
  receivedOn: string,
  deadline: Pick<
    Deadline,
    'dueDate' | 'correctionDueDate' | 'consultationDueDate' | 'feeDueDate'
  > | null,
  calendar: WorkingDayCalendar
): number[] {
  const dates = [
    deadline?.dueDate,
    deadline?.correctionDueDate,
    deadline?.consultationDueDate,
    deadline?.feeDueDate,
  ].filter((date): date is string => isDate(date));
  const horizon = dates.reduce((latest, date) => (date > latest ? date : latest), receivedOn);
  return calendar.uncoveredYears(receivedOn, horizon);
}
