import type { Core } from '@strapi/strapi';
import { UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { currentActor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { labelOf, ruleDatesOf, type InquiryRow } from '../domain/inquiry';
import { inquiryMail, type InquiryReminder } from '../mail';
import { getService } from '../../get-service';

/**
 * The daily job of 留言办理: for each open message, a reminder once it is past its reply deadline,
 * and the warning of the 3-month rule once it has been open `warnAfterMonths` (2) — the website
 * inspection fails the whole site when a valid message stays unanswered more than 3 months. Runs
 * under a database lock and marks what it sent, so with several app processes each goes once;
 * the mails go after the marks are committed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.inquiry);
  const inquiries = () => getService(strapi, 'inquiries');

  const sweep = async (today: string): Promise<InquiryReminder[]> => {
    const open: InquiryRow[] = await rows().findMany({
      where: { state: 'open' },
      orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
    });
    const warnAfter = inquiries().warnAfterMonths();
    const reminders: InquiryReminder[] = [];
    const remind = async (
      row: InquiryRow,
      data: Partial<InquiryRow>,
      mail: Omit<InquiryReminder, 'division'>
    ) => {
      await rows().update({ where: { id: row.id }, data });
      await inquiries().record(row, 'reminded', currentActor(strapi), { reason: mail.subject });
      reminders.push({ ...mail, division: row.division });
    };
    for (const row of open) {
      const label = labelOf(row);
      const receivedOn = toDateOnly(row.receivedOn) ?? row.receivedOn;
      const due = toDateOnly(row.dueDate) ?? row.dueDate;
      const { warnOn, limitOn } = ruleDatesOf(receivedOn, warnAfter);
      if (today >= warnOn && !row.warnedOn) {
        await remind(
          row,
          // The warning covers the overdue reminder too: one mail, not two.
          { warnedOn: today, ...(due < today ? { remindedOverdueOn: today } : {}) },
          {
            subject: `【${warnAfter}个月未答复】${label} 须于 ${limitOn} 前答复`,
            text: `《${row.subject}》于 ${receivedOn} 收到，至今未答复。留言超过3个月未答复，网站检查将判定整个网站不合格，请务必在 ${limitOn} 前答复。`,
          }
        );
      } else if (due < today && !row.remindedOverdueOn) {
        await remind(
          row,
          { remindedOverdueOn: today },
          {
            subject: `【已逾期】${label} 答复期限 ${due} 已过`,
            text: `《${row.subject}》的答复期限 ${due} 已过，请尽快答复。`,
          }
        );
      }
    }
    return reminders;
  };

  return {
    /** Runs the job for `today` (Beijing date); the subjects of the reminders it sent. */
    async run(today = beijingDate(new Date())) {
      const reminders = await serialize(strapi, 'disclosure-inquiry-reminders', () => sweep(today));
      await inquiryMail(strapi).reminders(reminders);
      return { reminders: reminders.map((reminder) => reminder.subject) };
    },
  };
};
