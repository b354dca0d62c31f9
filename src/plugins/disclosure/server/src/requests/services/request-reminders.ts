import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, ROLES, UID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { uncoveredYearsOf, type Deadline, type RequestEvent } from '../domain/request-deadline';
import { nextDate, type WorkingDayCalendar } from '../../kernel/domain/calendar';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { CLOSED_STATES, DUE_SOON_WORKING_DAYS } from '../../../../shared/requests/states';
import { outcomeLabel } from '../../../../shared/requests/reply-templates';
import { currentActor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { getService } from '../../get-service';

const HANDLER_ROLE = ROLES.coordinator;
/** The plugin store's list of years the coordinators were warned the calendar does not cover. */
const WARNED_YEARS_KEY = 'calendar-uncovered-years-warned';

interface OpenRequest {
  id: number;
  trackingNumber: string;
  title: string;
  state: string;
  receivedOn: unknown;
  dueDate: unknown;
  events: RequestEvent[] | null;
  deadline: Deadline | null;
  remindedDueSoonOn: unknown;
  remindedOverdueOn: unknown;
  remindedConsultationFor: unknown;
}

interface Mail {
  subject: string;
  text: string;
}

/** The mail that a consulted party's 15 working days have passed without a reply recorded. */
const consultationOver = (request: OpenRequest, replyDue: string): Mail => {
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
const calendarMissing = (
  year: number,
  affected: Array<{ trackingNumber: string; title: string; dueDate: string | null }>
): Mail => ({
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

/**
 * The daily job of the request office: reminds the handlers of requests due within 3 working days
 * and of overdue ones, of consultations whose 15 working days passed without a reply (the office
 * now decides, the clock runs again), and — once per year — of deadlines that run into a year the
 * calendar does not know; closes requests whose correction or fee was not received in time
 * (（六）1, 2). Runs under a database lock and marks what it did, so with several app processes
 * each reminder is sent once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs the job for `today` (Beijing date); returns what it did. */
  async run(today = beijingDate(new Date())) {
    const calendar: WorkingDayCalendar = await getService(strapi, 'calendar').current();
    // Deadlines as the current calendar and rules give them (each under its request's lock).
    await getService(strapi, 'requests').recomputeOpen();
    const requests = strapi.db.query(UID.disclosureRequest);
    const mails: Mail[] = [];
    const abandoned: string[] = [];
    await serialize(strapi, 'disclosure-request-reminders', async () => {
      const open = (await requests.findMany({
        where: { state: { $notIn: CLOSED_STATES } },
        orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
      })) as OpenRequest[];
      const uncovered = new Map<
        number,
        Array<{ trackingNumber: string; title: string; dueDate: string | null }>
      >();
      for (const request of open) {
        const deadline = request.deadline;
        const lapsed =
          (deadline?.status === 'awaiting_correction' &&
            deadline.correctionDueDate &&
            deadline.correctionDueDate < today &&
            'otherHandling.1') ||
          (deadline?.status === 'awaiting_payment' &&
            deadline.feeDueDate &&
            deadline.feeDueDate < today &&
            'otherHandling.2');
        if (lapsed) {
          // Only if still open: a reply or withdrawal committed meanwhile wins.
          const closed = await requests.updateMany({
            where: { id: request.id, state: { $notIn: CLOSED_STATES } },
            data: { state: 'closed', outcome: lapsed, answeredOn: today },
          });
          if (closed.count === 0) continue;
          await getService(strapi, 'requests').record(
            request,
            'closed_lapsed',
            currentActor(strapi),
            {
              toState: 'closed',
              reason: outcomeLabel(lapsed),
            }
          );
          abandoned.push(request.trackingNumber);
          continue;
        }
        const receivedOn = toDateOnly(request.receivedOn);
        for (const year of receivedOn ? uncoveredYearsOf(receivedOn, deadline, calendar) : []) {
          uncovered.set(year, [
            ...(uncovered.get(year) ?? []),
            {
              trackingNumber: request.trackingNumber,
              title: request.title,
              dueDate: toDateOnly(request.dueDate),
            },
          ]);
        }
        const replyDue = deadline?.status === 'consulting' ? deadline.consultationDueDate : null;
        // Marked with the reply date it was about, so a later consultation is reminded again.
        if (
          replyDue &&
          replyDue < today &&
          toDateOnly(request.remindedConsultationFor) !== replyDue
        ) {
          await requests.update({
            where: { id: request.id },
            data: { remindedConsultationFor: replyDue },
          });
          mails.push(consultationOver(request, replyDue));
        }
        const due = toDateOnly(request.dueDate);
        if (!due) continue;
        if (due < today) {
          if (request.remindedOverdueOn) continue;
          await requests.update({ where: { id: request.id }, data: { remindedOverdueOn: today } });
          mails.push({
            subject: `【已逾期】依申请公开 ${request.trackingNumber} 答复期限 ${due} 已过`,
            text: `申请「${request.title}」（受理编号 ${request.trackingNumber}）的答复期限 ${due} 已过，请尽快答复并登记。`,
          });
        } else if (
          !request.remindedDueSoonOn &&
          due <= calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)
        ) {
          await requests.update({ where: { id: request.id }, data: { remindedDueSoonOn: today } });
          mails.push({
            subject: `【即将到期】依申请公开 ${request.trackingNumber} 应于 ${due} 前答复`,
            text: `申请「${request.title}」（受理编号 ${request.trackingNumber}）应于 ${due} 前答复（${DUE_SOON_WORKING_DAYS}个工作日内到期）。`,
          });
        }
      }
      const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
      const warned = ((await store.get({ key: WARNED_YEARS_KEY })) as number[] | null) ?? [];
      const newlyWarned = [...uncovered.keys()].filter((year) => !warned.includes(year)).sort();
      if (newlyWarned.length) {
        await store.set({ key: WARNED_YEARS_KEY, value: [...warned, ...newlyWarned] });
        for (const year of newlyWarned) mails.push(calendarMissing(year, uncovered.get(year)!));
      }
    });
    // After the marks are committed: a failed mail is logged, not sent twice.
    const { emailNotifications } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
    const handlers: string[] = emailNotifications
      ? await getService(strapi, 'notifications').emailsOfRole(HANDLER_ROLE)
      : [];
    for (const mail of mails) {
      if (handlers.length === 0) break;
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: handlers, ...mail })
        .catch((error: Error) =>
          strapi.log.error(`[disclosure] reminder not sent (${mail.subject}): ${error.message}`)
        );
    }
    return { reminders: mails.map((mail) => mail.subject), abandoned };
  },
});
