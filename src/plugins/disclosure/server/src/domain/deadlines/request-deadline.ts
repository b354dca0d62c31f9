/**
 * The answer deadline of a disclosure request (依申请公开, 条例 Art. 30–33, 45), with the
 * explanation a person can check: 20 working days after receipt (the day of receipt not counted);
 * a correction request (补正) at most once and within 7 working days of receipt stops the clock and
 * the 20 days start again from the corrected application; consultation of a third party (15
 * working days to reply) or another agency and a fee notice (20 working days to pay) pause it;
 * one extension of at most 20 working days, approved, with a reason. Pure: the calendar is given.
 */
import { WorkingDayCalendar, isDate, nextDate, type Day } from './calendar';

export const ANSWER_WORKING_DAYS = 20;
export const CORRECTION_WINDOW_WORKING_DAYS = 7;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const THIRD_PARTY_REPLY_WORKING_DAYS = 15;
export const FEE_PAYMENT_WORKING_DAYS = 20;

export type RequestEvent =
  | { type: 'received'; date: string }
  | { type: 'correction_requested'; date: string; dueBy?: string }
  | { type: 'corrected'; date: string }
  | { type: 'consultation_started'; date: string; party: 'third_party' | 'agency' }
  | { type: 'consultation_ended'; date: string }
  | {
      type: 'fee_notice';
      date: string;
      /** What was charged and how it was computed (the requests domain fills it; the clock ignores it). */
      fee?: { basis: string; units: number; amount: number; text: string };
    }
  | { type: 'fee_paid'; date: string }
  | { type: 'extended'; date: string; days: number; approver: string; reason: string };

export type ClockStatus = 'running' | 'awaiting_correction' | 'consulting' | 'awaiting_payment';

export interface Step {
  date: string;
  /** What happened and what it did to the clock, in Chinese. */
  text: string;
}

export interface Deadline {
  status: ClockStatus;
  /** The last day to answer, or null while the clock is stopped. */
  dueDate: string | null;
  /** Working days the answer period has (20, plus an extension). */
  allowedWorkingDays: number;
  /** Working days counted so far towards it (all of them once due). */
  countedWorkingDays: number;
  /** Working days that fell in a pause and were not counted. */
  pausedWorkingDays: number;
  /** Holidays and 调休 working days inside the counted period. */
  holidays: Day[];
  adjustedWorkingDays: Day[];
  /** The applicant's correction deadline, a third party's reply deadline, the payment deadline. */
  correctionDueDate?: string | null;
  thirdPartyDueDate?: string | null;
  feeDueDate?: string | null;
  steps: Step[];
}

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
  fee_paid: 4,
  extended: 5,
};

interface Pause {
  from: string;
  to: string | null;
  why: 'correction' | 'consultation' | 'fee';
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

  const open = (why: Pause['why']) => pauses.find((pause) => pause.why === why && !pause.to);

  for (const event of sorted.slice(1)) {
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
        if (open('consultation'))
          throw new DeadlineRuleError('A consultation is already open.', event);
        pauses.push({ from: event.date, to: null, why: 'consultation' });
        if (event.party === 'third_party') {
          thirdPartyDueDate = calendar.addWorkingDays(event.date, THIRD_PARTY_REPLY_WORKING_DAYS);
        }
        steps.push({
          date: event.date,
          text:
            event.party === 'third_party'
              ? `书面征求第三方意见（第三方应于${thirdPartyDueDate}前提出意见），征求意见时间不计算在期限内。`
              : '征求其他行政机关意见，征求意见时间不计算在期限内。',
        });
        break;
      }
      case 'consultation_ended': {
        const pause = open('consultation');
        if (!pause) throw new DeadlineRuleError('No consultation is open.', event);
        pause.to = event.date;
        const paused = calendar.daysAfter(pause.from, pause.to).filter((day) => day.isWorking);
        steps.push({
          date: event.date,
          text: `征求意见结束，期限自次日起继续计算（其间${paused.length}个工作日不计）。`,
        });
        break;
      }
      case 'fee_notice': {
        if (open('fee')) throw new DeadlineRuleError('A fee notice is already open.', event);
        feeDueDate = calendar.addWorkingDays(event.date, FEE_PAYMENT_WORKING_DAYS);
        pauses.push({ from: event.date, to: null, why: 'fee' });
        steps.push({
          date: event.date,
          text: `发出收费通知，申请人应于${feeDueDate}前缴费，逾期视为放弃申请；缴费期间不计算在期限内。`,
        });
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

  const status: ClockStatus = !stoppedBy
    ? 'running'
    : stoppedBy.why === 'correction'
      ? 'awaiting_correction'
      : stoppedBy.why === 'consultation'
        ? 'consulting'
        : 'awaiting_payment';
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
    ...(feeDueDate !== undefined ? { feeDueDate } : {}),
    steps,
  };
}
