import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../../kernel/constants';
import { uncoveredYearsOf, type Deadline, type RequestEvent } from '../domain/request-deadline';
import { nextDate, type WorkingDayCalendar } from '../../kernel/domain/calendar';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { CLOSED_STATES, DUE_SOON_WORKING_DAYS } from '../../../../shared/requests/states';
import { outcomeLabel } from '../../../../shared/requests/reply-templates';
import { currentActor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { factsOf, type RequestRow } from '../domain/request';
import { decide } from '../domain/transitions';
import { requestMail, type Reminder } from '../mail';
import { getService } from '../../get-service';

/** The plugin store's list of years the coordinators were warned the calendar does not cover. */
const WARNED_YEARS_KEY = 'calendar-uncovered-years-warned';

/** An open request whose deadline reaches a year the calendar does not know. */
interface Uncovered {
  trackingNumber: string;
  title: string;
  dueDate: string | null;
}

/** The outcome of a correction or fee not received in time by `today` (（六）1, 2), or null. */
const lapsedOutcome = (deadline: Deadline | null, today: string): string | null => {
  if (deadline?.status === 'awaiting_correction' && deadline.correctionDueDate) {
    return deadline.correctionDueDate < today ? 'otherHandling.1' : null;
  }
  if (deadline?.status === 'awaiting_payment' && deadline.feeDueDate) {
    return deadline.feeDueDate < today ? 'otherHandling.2' : null;
  }
  return null;
};

/** The mail that a consulted party's 15 working days have passed without a reply recorded. */
const consultationOver = (request: RequestRow, replyDue: string): Reminder => {
  const started = (request.events ?? []).filter(
    (event): event is Extract<RequestEvent, { type: 'consultation_started' }> =>
      event.type === 'consultation_started'
  );
  const agency = started.at(-1)?.party === 'agency';
  const who = agency ? '被征求意见机关' : '第三方';
  const due = toDateOnly(request.dueDate);
  return {
    subject: `【征求意见期满】依申请公开 ${request.trackingNumber} ${who}未在 ${replyDue} 前提出意见`,
    text: [
      `申请「${request.title}」（受理编号 ${request.trackingNumber}）：`,
      agency
        ? `被征求意见机关应于${replyDue}前提出意见，逾期未提出的，视为同意公开（条例第三十四条）。请登记征求意见结束。`
        : `第三方应于${replyDue}前提出意见（条例第三十二条），逾期未提出。请由本机关依照条例规定决定是否公开，并登记征求意见结束。`,
      `答复期限自${nextDate(replyDue)}起继续计算${due ? `，应于${due}前答复` : ''}。`,
    ].join('\n'),
  };
};

/** The mail that open deadlines run into a year whose holidays nobody has entered. */
const calendarMissing = (year: number, affected: readonly Uncovered[]): Reminder => ({
  subject: `【日历未收录】${year}年法定节假日安排尚未录入：${affected.length}件依申请公开的期限按周一至周五为工作日计算`,
  text: [
    `日历数据（chinese-days）没有${year}年的法定节假日和调休安排，本系统也没有该年的日历调整。以下未办结申请的期限跨入${year}年，该年日期暂按周一至周五为工作日计算，期限可能不准：`,
    ...affected.map(
      (request) =>
        `- ${request.trackingNumber}（${request.title}），答复期限 ${request.dueDate ?? '中止中'}`
    ),
    `国务院办公厅公布${year}年部分节假日安排后，请逐日录入日历调整（PUT /disclosure/calendar/overrides/{日期}，放假日与调休上班日各一条）；录入后未办结申请的期限自动重新计算。`,
  ].join('\n'),
});

/** The due-soon or overdue mail of a due date, by `today`. */
const dueReminder = (request: RequestRow, due: string, overdue: boolean): Reminder =>
  overdue
    ? {
        subject: `【已逾期】依申请公开 ${request.trackingNumber} 答复期限 ${due} 已过`,
        text: `申请「${request.title}」（受理编号 ${request.trackingNumber}）的答复期限 ${due} 已过，请尽快答复并登记。`,
      }
    : {
        subject: `【即将到期】依申请公开 ${request.trackingNumber} 应于 ${due} 前答复`,
        text: `申请「${request.title}」（受理编号 ${request.trackingNumber}）应于 ${due} 前答复（${DUE_SOON_WORKING_DAYS}个工作日内到期）。`,
      };

/**
 * The daily job of the request office: reminds the coordinators of requests due within 3 working
 * days and of overdue ones, of consultations whose 15 working days passed without a reply (the
 * office now decides, the clock runs again), and — once per year — of deadlines that run into a
 * year the calendar does not know; closes requests whose correction or fee was not received in
 * time (（六）1, 2). Runs under a database lock and marks what it did, so with several app
 * processes each reminder is sent once; the mails go after the marks are committed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.disclosureRequest);
  const requests = () => getService(strapi, 'requests');

  /** Closes a lapsed request, if still open (a reply or withdrawal committed meanwhile wins). */
  const lapse = async (request: RequestRow, outcome: string, today: string) => {
    const decision = decide(factsOf(request), 'lapse');
    if (!('next' in decision)) return false;
    const closed = await rows().updateMany({
      where: { id: request.id, state: { $notIn: CLOSED_STATES } },
      data: { state: decision.next, outcome, answeredOn: today },
    });
    if (closed.count === 0) return false;
    await requests().record(request, 'closed_lapsed', currentActor(strapi), {
      toState: decision.next,
      reason: outcomeLabel(outcome),
    });
    return true;
  };

  /** The reminders an open request is due today, each marked on it so it goes once. */
  const remindersOf = async (
    request: RequestRow,
    today: string,
    calendar: WorkingDayCalendar
  ): Promise<Reminder[]> => {
    const reminders: Reminder[] = [];
    const mark = (data: Partial<RequestRow>) => rows().update({ where: { id: request.id }, data });
    const replyDue =
      request.deadline?.status === 'consulting' ? request.deadline.consultationDueDate : null;
    // Marked with the reply date it was about, so a later consultation is reminded again.
    if (replyDue && replyDue < today && toDateOnly(request.remindedConsultationFor) !== replyDue) {
      await mark({ remindedConsultationFor: replyDue });
      reminders.push(consultationOver(request, replyDue));
    }
    const due = toDateOnly(request.dueDate);
    if (!due) return reminders;
    if (due < today && !request.remindedOverdueOn) {
      await mark({ remindedOverdueOn: today });
      reminders.push(dueReminder(request, due, true));
    } else if (
      due >= today &&
      !request.remindedDueSoonOn &&
      due <= calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)
    ) {
      await mark({ remindedDueSoonOn: today });
      reminders.push(dueReminder(request, due, false));
    }
    return reminders;
  };

  /** The years not yet warned of, each once, with the requests they affect. */
  const newlyUncovered = async (uncovered: Map<number, Uncovered[]>): Promise<Reminder[]> => {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    const stored = await store.get({ key: WARNED_YEARS_KEY });
    const warned = Array.isArray(stored)
      ? stored.filter((year): year is number => typeof year === 'number')
      : [];
    const years = [...uncovered.keys()].filter((year) => !warned.includes(year)).sort();
    if (years.length) await store.set({ key: WARNED_YEARS_KEY, value: [...warned, ...years] });
    return years.map((year) => calendarMissing(year, uncovered.get(year) ?? []));
  };

  /** Goes through the open requests once: closes the lapsed, collects and marks the reminders. */
  const sweep = async (today: string, calendar: WorkingDayCalendar) => {
    const open: RequestRow[] = await rows().findMany({
      where: { state: { $notIn: CLOSED_STATES } },
      orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
    });
    const reminders: Reminder[] = [];
    const abandoned: string[] = [];
    const uncovered = new Map<number, Uncovered[]>();
    for (const request of open) {
      const outcome = lapsedOutcome(request.deadline, today);
      if (outcome) {
        if (await lapse(request, outcome, today)) abandoned.push(request.trackingNumber);
        continue;
      }
      const receivedOn = toDateOnly(request.receivedOn);
      for (const year of receivedOn
        ? uncoveredYearsOf(receivedOn, request.deadline, calendar)
        : []) {
        const { trackingNumber, title } = request;
        const entry = { trackingNumber, title, dueDate: toDateOnly(request.dueDate) };
        uncovered.set(year, [...(uncovered.get(year) ?? []), entry]);
      }
      reminders.push(...(await remindersOf(request, today, calendar)));
    }
    reminders.push(...(await newlyUncovered(uncovered)));
    return { reminders, abandoned };
  };

  return {
    /** Runs the job for `today` (Beijing date); returns what it did. */
    async run(today = beijingDate(new Date())) {
      const calendar = await getService(strapi, 'calendar').current();
      // Deadlines as the current calendar and rules give them (each under its request's lock).
      await requests().recomputeOpen();
      const { reminders, abandoned } = await serialize(strapi, 'disclosure-request-reminders', () =>
        sweep(today, calendar)
      );
      // After the marks are committed: a failed mail is logged, not sent twice.
      await requestMail(strapi).reminders(reminders);
      return { reminders: reminders.map((reminder) => reminder.subject), abandoned };
    },
  };
};
