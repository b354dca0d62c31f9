import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { DisclosureConfig } from '../config';
import { beijingDate } from '../domain/beijing-time';
import type { Deadline } from '../domain/deadlines/request-deadline';
import type { WorkingDayCalendar } from '../domain/deadlines/calendar';
import { toDateOnly } from '../statistics/sql';
import { CLOSED_STATES, DUE_SOON_WORKING_DAYS } from '../domain/requests/handling';
import { outcomeLabel } from '../domain/requests/reply-templates';
import { currentActor } from './actor';
import { serialize } from './locks';

const HANDLER_ROLE = 'disclosure-coordinator';

interface OpenRequest {
  id: number;
  trackingNumber: string;
  title: string;
  state: string;
  dueDate: unknown;
  deadline: Deadline | null;
  remindedDueSoonOn: unknown;
  remindedOverdueOn: unknown;
}

interface Mail {
  subject: string;
  text: string;
}

/**
 * The daily job of the request office: reminds the handlers of requests due within 3 working days
 * and of overdue ones, and closes requests whose correction or fee was not received in time
 * (（六）1, 2). Runs under a database lock and marks what it did, so with several app processes
 * each reminder is sent once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Runs the job for `today` (Beijing date); returns what it did. */
  async run(today = beijingDate(new Date())) {
    const calendar: WorkingDayCalendar = await strapi
      .plugin(PLUGIN_ID)
      .service('calendar')
      .current();
    const requests = strapi.db.query(UID.disclosureRequest);
    const mails: Mail[] = [];
    const abandoned: string[] = [];
    await serialize(strapi, 'disclosure-request-reminders', async () => {
      const open = (await requests.findMany({
        where: { state: { $notIn: CLOSED_STATES } },
      })) as OpenRequest[];
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
          await strapi
            .plugin(PLUGIN_ID)
            .service('requests')
            .record(request, 'closed_lapsed', currentActor(strapi), {
              toState: 'closed',
              reason: outcomeLabel(lapsed),
            });
          abandoned.push(request.trackingNumber);
          continue;
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
    });
    // After the marks are committed: a failed mail is logged, not sent twice.
    const { emailNotifications } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
    const handlers: string[] = emailNotifications
      ? await strapi.plugin(PLUGIN_ID).service('notifications').emailsOfRole(HANDLER_ROLE)
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
