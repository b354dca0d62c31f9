import type { Core } from '@strapi/strapi';
import { UID } from '../../kernel/constants';
import { beijingDate, toDateOnly } from '../../../../shared/kernel/dates';
import { currentActor } from '../../kernel/services/actor';
import { serialize } from '../../kernel/services/locks';
import { isDueSoon, labelOf, type ProposalRow } from '../domain/proposal';
import { proposalMail, type ProposalReminder } from '../mail';
import { getService } from '../../get-service';

/**
 * The daily job of 建议提案办理: reminds the lead division and the coordinators of cases due
 * within 10 days, of overdue ones, and of sent replies whose publication (20 working days after
 * the reply) is due within 5 working days or past, with no decision. Runs under a database lock and
 * marks what it reminded, so with several app processes each reminder goes once; the mails go
 * after the marks are committed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID.proposal);
  const proposals = () => getService(strapi, 'proposals');

  const sweep = async (today: string): Promise<ProposalReminder[]> => {
    const calendar = await getService(strapi, 'calendar').current();
    const candidates: ProposalRow[] = await rows().findMany({
      where: { state: { $in: ['assigned', 'reopened', 'replied', 'closed'] } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    });
    const reminders: ProposalReminder[] = [];
    const remind = async (
      row: ProposalRow,
      data: Partial<ProposalRow>,
      mail: Omit<ProposalReminder, 'lead'>
    ) => {
      await rows().update({ where: { id: row.id }, data });
      await proposals().record(row, 'reminded', currentActor(strapi), { reason: mail.subject });
      reminders.push({ ...mail, lead: row.lead });
    };
    for (const row of candidates) {
      const label = labelOf(row);
      const due = toDateOnly(row.dueDate) ?? row.dueDate;
      if (row.state === 'assigned' || row.state === 'reopened') {
        if (due < today && !row.remindedOverdueOn) {
          await remind(
            row,
            { remindedOverdueOn: today },
            {
              subject: `【已逾期】${label} 办理期限 ${due} 已过`,
              text: `《${row.title}》的办理期限 ${due} 已过，请尽快答复。`,
            }
          );
        } else if (isDueSoon(due, today) && !row.remindedDueSoonOn) {
          await remind(
            row,
            { remindedDueSoonOn: today },
            {
              subject: `【即将到期】${label} 应于 ${due} 前答复`,
              text: `《${row.title}》应于 ${due} 前答复代表委员。`,
            }
          );
        }
        continue;
      }
      const publicationDue = toDateOnly(row.publicationDueDate);
      if (
        publicationDue &&
        row.reply?.state === 'sent' &&
        !row.reply.publication &&
        !row.remindedPublicationOn &&
        calendar.addWorkingDays(today, 5) >= publicationDue
      ) {
        await remind(
          row,
          { remindedPublicationOn: today },
          {
            subject: `【答复公开】${label} 答复应于 ${publicationDue} 前公开或决定不公开`,
            text: `《${row.title}》已于 ${toDateOnly(row.repliedOn)} 答复，答复应在20个工作日内（${publicationDue}前）在“建议提案办理”栏目公开（全文或摘要），或登记不公开的理由。`,
          }
        );
      }
    }
    return reminders;
  };

  return {
    /** Runs the job for `today` (Beijing date); the subjects of the reminders it sent. */
    async run(today = beijingDate(new Date())) {
      const reminders = await serialize(strapi, 'disclosure-proposal-reminders', () =>
        sweep(today)
      );
      await proposalMail(strapi).reminders(reminders);
      return { reminders: reminders.map((reminder) => reminder.subject) };
    },
  };
};
