/**
 * Who gets which mail about a public inquiry (the kernel mailer sends them, only when e-mail
 * notifications are on; never with the person's name, contacts or message):
 *
 * - the coordinators: a message came in through the website;
 * - the confidentiality reviewers (保密审查员), one mail each: a reply awaits their review;
 * - the reply's drafter: it was cleared or returned, with the reason;
 * - the assigned division's staff and the coordinators: the daily job's overdue reminders and
 *   the 2-month warning of the 3-month rule.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import { divisionType } from '../kernel/config';
import { PLUGIN_ID, ROLES, UID } from '../kernel/constants';
import type { Mail } from '../kernel/services/mailer';
import { labelOf, type InquiryRow } from './domain/inquiry';

/** A reminder of the daily job: to the division's staff (if assigned) and the coordinators. */
export interface InquiryReminder extends Pick<Mail, 'subject' | 'text'> {
  division: string | null;
}

export const inquiryMail = (strapi: Core.Strapi) => {
  const mailer = () => getService(strapi, 'mailer');
  const page = (id: number) => {
    const base = String(strapi.config.get('server.url', '') || '').replace(/\/$/, '');
    return `${base}/admin/plugins/${PLUGIN_ID}/inquiries/${id}`;
  };
  const coordinators = async () =>
    (await mailer().usersWithRole(ROLES.coordinator)).map((user) => user.email);
  /** The addresses of a division's staff (by the division's code). */
  const divisionStaff = async (code: string | null): Promise<string[]> => {
    const type = divisionType(strapi);
    const department =
      type && code
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
    /** A message from the website: the coordinators assign it. */
    async received(row: InquiryRow) {
      await mailer().notify(
        async () => ({
          to: await coordinators(),
          subject: `【新留言】${labelOf(row)} 待交办`,
          text: [`《${row.subject}》`, `答复期限 ${row.dueDate}`, page(row.id)].join('\n'),
        }),
        { audience: 'staff' }
      );
    },

    /** A reply drafted (to the reviewers), cleared or returned (to its drafter). */
    async replyStep(step: 'drafted' | 'cleared' | 'returned', row: InquiryRow, reason?: string) {
      const label = labelOf(row);
      await mailer().notify(
        async () => {
          const to =
            step === 'drafted'
              ? (await mailer().usersWithRole(ROLES.confidentialityReviewer)).map((u) => u.email)
              : await mailer().addressOf(row.reply?.draftedBy.id ?? null);
          if (to.length === 0) return null;
          const subject = {
            drafted: `【待保密审查】${label} 答复`,
            cleared: `【已通过保密审查】${label} 答复`,
            returned: `【答复被退回】${label}`,
          }[step];
          return {
            to,
            subject,
            text: [`《${row.subject}》`, reason ? `退回理由：${reason}` : '', page(row.id)]
              .filter(Boolean)
              .join('\n'),
          };
        },
        { audience: 'staff', separately: step === 'drafted' }
      );
    },

    /** The daily job's reminders, each one mail to the division and the coordinators. */
    async reminders(reminders: readonly InquiryReminder[]): Promise<void> {
      if (reminders.length === 0) return;
      const office = await coordinators();
      for (const { division, ...reminder } of reminders) {
        const to = [...new Set([...(await divisionStaff(division)), ...office])];
        if (to.length === 0) continue;
        await mailer().notify(() => ({ to, ...reminder }), { audience: 'staff' });
      }
    },
  };
};
