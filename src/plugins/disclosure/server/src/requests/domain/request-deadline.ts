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

  const steps: Step[] = [
    {
      date: received.date,
      text: `收到申请（当日不计），自次一工作日起计算${ANSWER_WORKING_DAYS}个工作日。`,
    },
  ];
  let clockStart = received.date;
  let pauses: Pause[] = [];
  let extension = 0;
  let correctionDueDate: string | null | undefined;
  let thirdPartyDueDate: string | null | undefined;
  let feeDueDate: string | null | undefined;
  let corrections = 0;

  let consultationDueDate: string | null | undefined;
  const open = (why: Pause['why']) => pauses.find((pause) => pause.why === why && !pause.to);
  const openConsultation = () => pauses.find((pause) => pause.awaitingReply);
  const feeDue = (receivedOn: string, sentOn: string, event: RequestEvent) => {
    if (!isDate(receivedOn)) {
      throw new DeadlineRuleError(`"${receivedOn}" is not a date (YYYY-MM-DD).`, event);
    }
    if (receivedOn < sentOn) {
      throw new DeadlineRuleError(
        `A fee notice cannot be received (${receivedOn}) before it was sent (${sentOn}).`,
        event
      );
    }
    feeDueDate = calendar.addWorkingDays(receivedOn, FEE_PAYMENT_WORKING_DAYS);
    return {
      date: receivedOn,
      text: `申请人收到收费通知（邮寄送达），应于${feeDueDate}前缴费，逾期视为放弃申请。`,
    };
  };

  for (const [index, event] of sorted.entries()) {
    if (index === 0) continue;
    switch (event.type) {
      case 'received':
        throw new DeadlineRuleError('A request is received once.', event);
      case 'correction_requested': {
        corrections++;
        if (corrections > 1) {
          throw new DeadlineRuleError('补正 may be requested only once (条例 Art. 30).', event);
        }
        const latest = calendar.addWorkingDays(received.date, CORRECTION_WINDOW_WORKING_DAYS);
        if (event.date > latest) {
          throw new DeadlineRuleError(
            `补正 must be requested within ${CORRECTION_WINDOW_WORKING_DAYS} working days of receipt, by ${latest}.`,
            event
          );
        }
        correctionDueDate = event.dueBy ?? null;
        pauses.push({ from: event.date, to: null, why: 'correction' });
        steps.push({
          date: event.date,
          text: `一次性告知补正（收到申请后${CORRECTION_WINDOW_WORKING_DAYS}个工作日内，最迟${latest}），期限中止${event.dueBy ? `；申请人应于${event.dueBy}前补正，逾期视为放弃申请` : ''}。`,
        });
        break;
      }
      case 'corrected': {
        const pause = open('correction');
        if (!pause) throw new DeadlineRuleError('No correction was requested.', event);
        pause.to = event.date;
        // The 20 working days start again from the corrected application.
        clockStart = event.date;
        pauses = pauses.filter((candidate) => candidate.to === null || candidate.to > event.date);
        correctionDueDate = undefined;
        steps.push({
          date: event.date,
          text: `收到补正后的申请，重新计算${ANSWER_WORKING_DAYS}个工作日（当日不计）。`,
        });
        break;
      }
      case 'consultation_started': {
        if (openConsultation())
          throw new DeadlineRuleError('A consultation is already open.', event);
        // Art. 32/34: the consulted party has 15 working days; after them the consultation no
        // longer needs time (Art. 33 para. 3 leaves out only the time it needs), so the pause
        // ends there unless their reply came earlier.
        const replyDue = calendar.addWorkingDays(event.date, THIRD_PARTY_REPLY_WORKING_DAYS);
        const party = event.party === 'agency' ? 'agency' : 'third_party';
        pauses.push({ from: event.date, to: replyDue, why: 'consultation', awaitingReply: party });
        consultationDueDate = replyDue;
        if (party === 'third_party') thirdPartyDueDate = replyDue;
        steps.push({
          date: event.date,
          text:
            party === 'third_party'
              ? `书面征求第三方意见（第三方应于${replyDue}前提出意见），征求意见时间不计算在期限内。`
              : `征求其他行政机关意见（被征求意见机关应于${replyDue}前提出意见），征求意见时间不计算在期限内。`,
        });
        break;
      }
      case 'consultation_ended': {
        const pause = openConsultation();
        if (!pause) throw new DeadlineRuleError('No consultation is open.', event);
        const late = event.date > pause.to!;
        if (!late) pause.to = event.date;
        pause.awaitingReply = undefined;
        consultationDueDate = undefined;
        const paused = calendar.daysAfter(pause.from, pause.to!).filter((day) => day.isWorking);
        steps.push({
          date: event.date,
          text: late
            ? `征求意见结束（意见在${pause.to}的期限后收到；征求意见时间计至该日，其间${paused.length}个工作日不计）。`
            : `征求意见结束，期限自次日起继续计算（其间${paused.length}个工作日不计）。`,
        });
        break;
      }
      case 'fee_notice': {
        if (open('fee')) throw new DeadlineRuleError('A fee notice is already open.', event);
        if (event.via !== undefined && !FEE_NOTICE_ROUTES.includes(event.via)) {
          throw new DeadlineRuleError(
            `A fee notice goes by ${FEE_NOTICE_ROUTES.join(' or ')}.`,
            event
          );
        }
        const posted = event.via === 'post';
        const pause: Pause = { from: event.date, to: null, why: 'fee', awaitingDelivery: posted };
        pauses.push(pause);
        if (!posted) {
          // E-mail: received the day it was sent.
          feeDueDate = calendar.addWorkingDays(event.date, FEE_PAYMENT_WORKING_DAYS);
          steps.push({
            date: event.date,
            text: `发出收费通知，申请人应于${feeDueDate}前缴费，逾期视为放弃申请；缴费期间不计算在期限内。`,
          });
          break;
        }
        feeDueDate = null;
        steps.push({
          date: event.date,
          text: `邮寄发出收费通知，缴费期间不计算在期限内；缴费期限自申请人收到通知次日起计算${FEE_PAYMENT_WORKING_DAYS}个工作日${event.deliveredOn ? '' : '，送达日期待登记'}。`,
        });
        if (event.deliveredOn !== undefined) {
          pause.awaitingDelivery = false;
          steps.push(feeDue(event.deliveredOn, event.date, event));
        }
        break;
      }
      case 'fee_notice_delivered': {
        const pause = open('fee');
        if (!pause?.awaitingDelivery) {
          throw new DeadlineRuleError('No posted fee notice awaits its delivery date.', event);
        }
        pause.awaitingDelivery = false;
        steps.push(feeDue(event.date, pause.from, event));
        break;
      }
      case 'fee_paid': {
        const pause = open('fee');
        if (!pause) throw new DeadlineRuleError('No fee notice is open.', event);
        pause.to = event.date;
        feeDueDate = undefined;
        steps.push({ date: event.date, text: '申请人已缴费，期限自次日起继续计算。' });
        break;
      }
      case 'extended': {
        if (extension > 0) throw new DeadlineRuleError('The deadline may be extended once.', event);
        if (
          !Number.isInteger(event.days) ||
          event.days < 1 ||
          event.days > MAX_EXTENSION_WORKING_DAYS
        ) {
          throw new DeadlineRuleError(
            `An extension is 1 to ${MAX_EXTENSION_WORKING_DAYS} working days.`,
            event
          );
        }
        if (!event.approver.trim() || !event.reason.trim()) {
          throw new DeadlineRuleError('An extension needs its approver and a reason.', event);
        }
        // Art. 33: an extension is decided within the answer period (a stopped clock has not run out).
        const before = computeDeadline(sorted.slice(0, index), calendar).dueDate;
        if (before && event.date > before) {
          throw new DeadlineRuleError(
            `An extension must be decided within the answer period: the answer was due on ${before}, and ${event.date} is after it (条例 Art. 33).`,
            event
          );
        }
        extension = event.days;
        steps.push({
          date: event.date,
          text: `经${event.approver}同意延长${event.days}个工作日（理由：${event.reason}），并告知申请人。`,
        });
        break;
      }
    }
  }

  const allowed = ANSWER_WORKING_DAYS + extension;
  const pausedOn = (date: string) =>
    pauses.find((pause) => date > pause.from && (pause.to === null || date <= pause.to));
  let counted = 0;
  let paused = 0;
  const holidays: Day[] = [];
  const adjusted: Day[] = [];
  let current = clockStart;
  let stoppedBy: Pause | undefined;
  while (counted < allowed) {
    current = nextDate(current);
    const pause = pausedOn(current);
    if (pause && pause.to === null) {
      stoppedBy = pause;
      break;
    }
    const day = calendar.day(current);
    if (pause) {
      if (day.isWorking) paused++;
      continue;
    }
    if (day.isWorking) counted++;
    if (day.kind === 'holiday') holidays.push(day);
    if (day.kind === 'adjusted_working_day') adjusted.push(day);
  }

  const consultation = openConsultation();
  if (consultation) {
    steps.push({
      date: consultation.to!,
      text:
        consultation.awaitingReply === 'third_party'
          ? `第三方未在${consultation.to}前提出意见的，征求意见时间计至该日，期限自次日起继续计算，由本机关依照条例规定决定是否公开（条例第三十二条）。`
          : `被征求意见机关未在${consultation.to}前提出意见的，视为同意公开（条例第三十四条），期限自次日起继续计算。`,
    });
  }
  const status: ClockStatus = stoppedBy
    ? stoppedBy.why === 'correction'
      ? 'awaiting_correction'
      : 'awaiting_payment'
    : consultation
      ? 'consulting'
      : 'running';
  const dueDate = stoppedBy ? null : current;
  if (dueDate) {
    const inside = [
      holidays.length ? `其间法定节假日${describeDays(holidays)}不计` : '',
      adjusted.length
        ? `调休上班${adjusted.length}天（${adjusted.map((day) => day.date).join('、')}）计入`
        : '',
      paused ? `中止期间${paused}个工作日不计` : '',
    ].filter(Boolean);
    steps.push({
      date: dueDate,
      text: `答复期限届满日：共${allowed}个工作日${inside.length ? `；${inside.join('；')}` : ''}。`,
    });
  } else {
    steps.push({
      date: stoppedBy!.from,
      text: `期限自${stoppedBy!.from}起中止，已计${counted}个工作日，尚余${allowed - counted}个工作日。`,
    });
  }
  const uncoveredYears = uncoveredYearsOf(
    received.date,
    { dueDate, correctionDueDate, consultationDueDate, feeDueDate },
    calendar
  );
  if (uncoveredYears.length) {
    steps.push({
      date: `${uncoveredYears[0]}-01-01`,
      text: `注意：${uncoveredYears.map((year) => `${year}年`).join('、')}的法定节假日安排尚未收录，该年日期暂按周一至周五为工作日计算；安排公布后期限将重新计算。`,
    });
  }
  return {
    status,
    dueDate,
    allowedWorkingDays: allowed,
    countedWorkingDays: counted,
    pausedWorkingDays: paused,
    holidays,
    adjustedWorkingDays: adjusted,
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
