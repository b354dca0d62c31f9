import type { Core } from '@strapi/strapi';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import {
  CLOSED_CASE_STATES,
  CASE_DUE_SOON_WORKING_DAYS,
} from '../../../../shared/service-items/cases';
import { getService } from '../../get-service';
import { ROLES, UID } from '../../kernel/constants';
import { serialize } from '../../kernel/services/locks';
import { caseDeadlines, urgencyOf } from '../domain/deadlines';
import type { CaseRow } from './service-cases';

interface Reminder {
  subject: string;
  text: string;
}

/**
 * The daily job of the service cases: recomputes open cases' due dates on the current calendar,
 * and reminds the coordinators of open cases due within 3
 * working days of their promised date (承诺时限) and of overdue ones (past the promised date, or
 * past the legal limit 法定时限). Runs under a database lock and marks each reminder on its case
 * before the mail goes, so with several app processes each reminder is sent once; the mails go
 * after the marks are committed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.serviceCase);

  const sweep = async (today: string): Promise<Reminder[]> => {
    const calendar = await getService(strapi, 'calendar').current();
    const open = (await rows().findMany({
      where: { state: { $notIn: [...CLOSED_CASE_STATES] }, acceptedOn: { $notNull: true } },
      orderBy: [{ acceptedOn: 'asc' }, { id: 'asc' }],
    })) as CaseRow[];
    const reminders: Reminder[] = [];
    for (const row of open) {
      // Due dates on the current calendar: an override entered since 受理 moves them.
      const deadlines = caseDeadlines(
        calendar,
        toDateOnly(row.acceptedOn),
        row.promisedDays ?? null,
        row.legalDays ?? null
      );
      if (
        deadlines.promisedDue !== toDateOnly(row.promisedDue) ||
        deadlines.legalDue !== toDateOnly(row.legalDue)
      ) {
        await rows().update({ where: { id: row.id }, data: deadlines });
      }
      const urgency = urgencyOf(calendar, today, row.state, deadlines);
      const due = deadlines.promisedDue ?? deadlines.legalDue;
      const about = `办件 ${row.caseNumber}（${row.itemName}）`;
      if ((urgency === 'overdue' || urgency === 'beyond_legal') && !row.remindedOverdueOn) {
        await rows().update({ where: { id: row.id }, data: { remindedOverdueOn: today } });
        reminders.push({
          subject: `【办件已逾期】${row.caseNumber} ${row.itemName}`,
          text:
            urgency === 'beyond_legal'
              ? `${about}已超过法定时限（${deadlines.legalDue}），请立即办结并登记。`
              : `${about}已超过承诺时限（${due}）${deadlines.legalDue ? `，法定时限为 ${deadlines.legalDue}` : ''}，请尽快办结。`,
        });
      } else if (urgency === 'due_soon' && !row.remindedDueSoonOn) {
        await rows().update({ where: { id: row.id }, data: { remindedDueSoonOn: today } });
        reminders.push({
          subject: `【办件即将到期】${row.caseNumber} 应于 ${due} 前办结`,
          text: `${about}应于 ${due} 前办结（${CASE_DUE_SOON_WORKING_DAYS}个工作日内到期）。`,
        });
      }
    }
    return reminders;
  };

  return {
    /** Runs the job for `today` (Beijing date); returns the subjects of the reminders sent. */
    async run(today = beijingDate(new Date())): Promise<{ reminders: string[] }> {
      const reminders = await serialize(strapi, 'disclosure-service-case-reminders', () =>
        sweep(today)
      );
      const mailer = getService(strapi, 'mailer');
      const coordinators = reminders.length
        ? (await mailer.usersWithRole(ROLES.coordinator)).map((user) => user.email)
        : [];
      for (const reminder of reminders) {
        await mailer.notify(() => ({ to: coordinators, ...reminder }), { audience: 'staff' });
      }
      return { reminders: reminders.map((reminder) => reminder.subject) };
    },
  };
};
