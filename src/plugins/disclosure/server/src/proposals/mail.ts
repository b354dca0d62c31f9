/**
 * Who gets which mail about a suggestion or proposal (the kernel mailer sends them, only when
 * e-mail notifications are on):
 *
 * - the confidentiality reviewers (保密审查员), one mail each: a reply awaits their review;
 * - the reply's drafter: it was cleared or returned, with the reason;
 * - the lead division's staff and the coordinators: the daily reminders (due soon, overdue,
 *   publication due).
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { divisionType } from '../kernel/config';
import { PLUGIN_ID, ROLES, UID } from '../kernel/constants';
import type { Mail } from '../kernel/services/mailer';
import { labelOf, type ProposalRow } from './domain/proposal';

/** A reminder of the daily job: to the lead division's staff and the coordinators. */
export interface ProposalReminder extends Pick<Mail, 'subject' | 'text'> {
  lead: string;
}

export const proposalMail = (strapi: Core.Strapi) => {
  const mailer = () => getService(strapi, 'mailer');
  const page = (id: number) => {
    const base = String(strapi.config.get('server.url', '') || '').replace(/\/$/, '');
    return `${base}/admin/plugins/${PLUGIN_ID}/proposals/${id}`;
  };
  /** The addresses of a division's staff (by the division's code). */
  const divisionStaff = async (code: string): Promise<string[]> => {
    const type = divisionType(strapi);
    const department = type
      ? await strapi.documents(type).findFirst({ filters: { code }, status: 'draft' })
      : null;
    if (!department) return [];
    const staff = (await strapi.db
      .query(UID.staff)
      .findMany({ where: { department: department.documentId } })) as Array<{
      adminUserId: number;
    }>;
    const addresses = await Promise.all(
      staff.map((member) => mailer().addressOf(Number(member.adminUserId)))
    );
    return addresses.flat();
  };

  return {
    /** A reply drafted (to the reviewers), cleared or returned (to its drafter). */
    async replyStep(step: 'drafted' | 'cleared' | 'returned', row: ProposalRow, reason?: string) {
      const label = labelOf(row);
      await mailer().notify(
        async () => {
          const to =
            step === 'drafted'
              ? (await mailer().usersWithRole(ROLES.confidentialityReviewer)).map((u) => u.email)
              : await mailer().addressOf(row.reply?.draftedBy.id ?? null);
          if (to.length === 0) return null;
          const subject = {
            drafted: `【待保密审查】${label} 答复函`,
            cleared: `【已通过保密审查】${label} 答复函`,
            returned: `【答复函被退回】${label}`,
          }[step];
          return {
            to,
            subject,
            text: [`《${row.title}》`, reason ? `退回理由：${reason}` : '', page(row.id)]
              .filter(Boolean)
              .join('\n'),
          };
        },
        { audience: 'staff', separately: step === 'drafted' }
      );
    },

    /** The daily job's reminders, each one mail to the lead division and the coordinators. */
    async reminders(reminders: readonly ProposalReminder[]): Promise<void> {
      if (reminders.length === 0) return;
      const coordinators = (await mailer().usersWithRole(ROLES.coordinator)).map((u) => u.email);
      for (const { lead, ...reminder } of reminders) {
        const to = [...new Set([...(await divisionStaff(lead)), ...coordinators])];
        if (to.length === 0) continue;
        await mailer().notify(() => ({ to, ...reminder }), { audience: 'staff' });
      }
    },
  };
};
