/**
 * Who gets which mail about a disclosure request, in one place (the kernel mailer sends them):
 *
 * - the applicant, at the address they gave: the correction request, the extension and the fee
 *   notice (after the step; the timeline says when one went), and the reply letter itself (its
 *   delivery: the mail server's refusal fails the step with a 502, nothing recorded);
 * - the confidentiality reviewers (保密审查员), one mail each: a reply awaits their review;
 * - the reply's drafter: it was cleared or returned, with the reason;
 * - the coordinators (政务公开协调员), together: the daily job's reminders.
 *
 * Staff mails go only when e-mail notifications are on; the applicant is always told.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import type { DisclosureConfig } from '../kernel/config';
import { PLUGIN_ID, ROLES } from '../kernel/constants';
import type { Mail } from '../kernel/services/mailer';
import { noticeFor } from './domain/notices';
import type { RequestRow, StoredReply } from './domain/request';
import type { Deadline, RequestEvent } from './domain/request-deadline';

/** A mail of the daily job: its subject and text, to the coordinators. */
export type Reminder = Pick<Mail, 'subject' | 'text'>;

/** The reply's steps the staff hear of. */
export type ReplyStep = 'drafted' | 'cleared' | 'returned';

/** A file attached to the reply letter. */
export interface LetterFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

export const requestMail = (strapi: Core.Strapi) => {
  const mailer = () => getService(strapi, 'mailer');
  const config = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
  /** The applicant's field in clear ('' when not given). */
  const applicant = (row: RequestRow, field: 'name' | 'email') => {
    const stored = row[field];
    return stored ? getService(strapi, 'personal-data').decrypt(stored) : '';
  };
  /** The request's page in the admin, for links in staff mails. */
  const page = (trackingNumber: string) => {
    const base = String(strapi.config.get('server.url', '') || '').replace(/\/$/, '');
    return `${base}/admin/plugins/${PLUGIN_ID}/requests/${trackingNumber}`;
  };

  return {
    /**
     * Tells the applicant of a correction request, an extension or an e-mailed fee notice, when
     * they gave an address: the mail's subject once it went, else null (none due, or it failed).
     */
    async applicantNotice(
      row: RequestRow,
      event: RequestEvent,
      deadline: Deadline
    ): Promise<string | null> {
      const to = applicant(row, 'email');
      const notice = noticeFor(event, {
        trackingNumber: row.trackingNumber,
        applicantName: applicant(row, 'name'),
        title: row.title,
        bureau: config().publisherName,
        dueDate: deadline.dueDate,
        feeDueDate: deadline.feeDueDate,
        feePayment: config().feePayment,
      });
      if (!notice || !to) return null;
      const sent = await mailer().notify(() => ({ to: [to], ...notice }), {
        audience: 'applicant',
      });
      return sent ? notice.subject : null;
    },

    /**
     * E-mails the cleared reply letter with its files; the mail server's refusal throws
     * MailNotSent (the step is then not recorded, the reply stays cleared).
     */
    replyLetter(row: RequestRow, reply: StoredReply, files: readonly LetterFile[]): Promise<void> {
      return mailer().deliver(
        {
          to: [applicant(row, 'email')],
          subject: reply.subject,
          text: reply.body,
          attachments: files.map((file) => ({
            filename: file.fileName,
            content: file.content,
            contentType: file.mime,
          })),
        },
        (reason) => `The reply could not be e-mailed (${reason}); nothing was recorded, try again.`
      );
    },

    /** Drafted: every confidentiality reviewer, one mail each; cleared or returned: the drafter. */
    async replyStep(
      step: ReplyStep,
      request: { trackingNumber: string; title: string; drafterId: number | null },
      reason: string | null = null
    ): Promise<void> {
      const title = `依申请公开 ${request.trackingNumber}「${request.title}」的答复`;
      const footer = `\n\n${page(request.trackingNumber)}\n\n—— 政务公开系统`;
      await mailer().notify(
        async () => {
          if (step === 'drafted') {
            const reviewers = await mailer().usersWithRole(ROLES.confidentialityReviewer);
            return {
              to: reviewers.map((user) => user.email),
              subject: `【答复待保密审查】${request.trackingNumber}`,
              text: `${title}已起草，请进行保密审查。${footer}`,
            };
          }
          return {
            to: await mailer().addressOf(request.drafterId),
            subject:
              step === 'cleared'
                ? `【答复已通过保密审查】${request.trackingNumber}`
                : `【答复被退回】${request.trackingNumber}`,
            text:
              step === 'cleared'
                ? `${title}已通过保密审查，可以送达。${footer}`
                : `${title}被退回修改。\n理由：${reason ?? ''}${footer}`,
          };
        },
        { audience: 'staff', separately: true }
      );
    },

    /** The daily job's reminders, each one mail to all the coordinators. */
    async reminders(reminders: readonly Reminder[]): Promise<void> {
      let coordinators: Promise<string[]> | undefined;
      const to = () =>
        (coordinators ??= mailer()
          .usersWithRole(ROLES.coordinator)
          .then((users) => users.map((user) => user.email)));
      for (const reminder of reminders) {
        await mailer().notify(async () => ({ to: await to(), ...reminder }), {
          audience: 'staff',
        });
      }
    },
  };
};
