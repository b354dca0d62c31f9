import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, ROLES, UID } from '../../kernel/constants';
import type { DisclosureConfig } from '../../kernel/config';
import { coversDivision } from '../../kernel/domain/divisions';
import { WITHHOLD_LABELS } from '../../../../shared/review/workflow';
import type { ReviewRow } from './review-state';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

interface AdminRow {
  id: number;
  email: string;
  isActive: boolean;
}

/**
 * Who hears of each step, by email: on submission the division's reviewers, on division approval
 * the confidentiality reviewers, on return, withholding and publication the author. Sent after
 * the transaction commits; a failed mail is logged and never undoes or blocks the step.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const usersWithRole = async (roleCode: string): Promise<AdminRow[]> =>
    (await strapi.db.query('admin::user').findMany({
      where: { roles: { code: roleCode }, isActive: true },
      select: ['id', 'email', 'isActive'],
    })) as AdminRow[];

  const divisionReviewers = async (department: string | null) => {
    const reviewers = await usersWithRole(ROLES.divisionReviewer);
    const divisions = (await strapi.db
      .query(UID.staff)
      .findMany({ where: { adminUserId: { $in: reviewers.map((user) => user.id) } } })) as Array<{
      adminUserId: number;
      department: string;
    }>;
    const divisionOf = new Map(divisions.map((row) => [Number(row.adminUserId), row.department]));
    return reviewers.filter((user) =>
      coversDivision(divisionOf.get(Number(user.id)) ?? null, department)
    );
  };

  const emailOf = async (userId: number | null) => {
    if (userId === null) return [];
    const user = (await strapi.db
      .query('admin::user')
      .findOne({ where: { id: userId }, select: ['email'] })) as { email: string } | null;
    return user ? [user.email] : [];
  };

  /** The server's public address, for links in mails ('' when unset: a relative link). */
  const serverBase = () => String(strapi.config.get('server.url', '') || '').replace(/\/$/, '');

  const link = (review: ReviewRow) => {
    const base = serverBase();
    return `${base}/admin/content-manager/collection-types/${review.itemUid}/${review.itemDocumentId}?plugins[i18n][locale]=${review.itemLocale}`;
  };

  const compose = async (
    action: string,
    review: ReviewRow,
    reason: string | null
  ): Promise<Mail | null> => {
    const title = `「${review.title ?? review.itemDocumentId}」（${review.itemLocale}）`;
    const footer = `\n\n${link(review)}\n\n—— 政务公开发布审核系统`;
    switch (action) {
      case 'submit':
        return {
          to: (await divisionReviewers(review.department)).map((user) => user.email),
          subject: `【待审核】${review.title ?? ''}`,
          text: `${title}已提交，请进行发布审核。${footer}`,
        };
      case 'approve':
        return {
          to: (await usersWithRole(ROLES.confidentialityReviewer)).map((user) => user.email),
          subject: `【待保密审查】${review.title ?? ''}`,
          text: `${title}已通过处室发布审核，请进行保密审查。${footer}`,
        };
      case 'return':
        return {
          to: await emailOf(review.submittedById),
          subject: `【退回修改】${review.title ?? ''}`,
          text: `${title}被退回修改。\n理由：${reason ?? ''}${footer}`,
        };
      case 'withhold':
        return {
          to: await emailOf(review.submittedById),
          subject: `【不予公开】${review.title ?? ''}`,
          text: `${title}经保密审查决定不予公开。\n类别：${WITHHOLD_LABELS[review.withholdCategory ?? ''] ?? ''}\n理由：${reason ?? ''}${footer}`,
        };
      case 'publish':
        return {
          to: await emailOf(review.submittedById),
          subject: `【已发布】${review.title ?? ''}`,
          text: `${title}已发布。${reason ? `\n${reason}` : ''}${footer}`,
        };
      default:
        return null;
    }
  };

  /** Mails of the reply to a disclosure request: the 保密审查员 review it, the drafter hears back. */
  const composeReply = async (
    step: 'drafted' | 'cleared' | 'returned',
    request: { trackingNumber: string; title: string; drafterId: number | null },
    reason: string | null
  ): Promise<Mail> => {
    const base = serverBase();
    const title = `依申请公开 ${request.trackingNumber}「${request.title}」的答复`;
    const footer = `\n\n${base}/admin/plugins/${PLUGIN_ID}/requests/${request.trackingNumber}\n\n—— 政务公开系统`;
    if (step === 'drafted') {
      return {
        to: (await usersWithRole(ROLES.confidentialityReviewer)).map((user) => user.email),
        subject: `【答复待保密审查】${request.trackingNumber}`,
        text: `${title}已起草，请进行保密审查。${footer}`,
      };
    }
    return {
      to: await emailOf(request.drafterId),
      subject:
        step === 'cleared'
          ? `【答复已通过保密审查】${request.trackingNumber}`
          : `【答复被退回】${request.trackingNumber}`,
      text:
        step === 'cleared'
          ? `${title}已通过保密审查，可以送达。${footer}`
          : `${title}被退回修改。\n理由：${reason ?? ''}${footer}`,
    };
  };

  /** Sends a committed step's mail when notifications are on; logs and swallows any failure. */
  const deliver = async (what: string, mail: () => Promise<Mail | null>) => {
    const { emailNotifications } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
    if (!emailNotifications) return;
    try {
      const composed = await mail();
      if (!composed || composed.to.length === 0) return;
      const email = strapi.plugin('email').service('email');
      for (const to of [...new Set(composed.to)]) {
        await email.send({ to, subject: composed.subject, text: composed.text });
      }
    } catch (error) {
      strapi.log.error(
        `[${PLUGIN_ID}] could not send the mail for ${what}: ${(error as Error).message}`
      );
    }
  };

  return {
    /** The addresses of the active users holding a role (by its code). */
    async emailsOfRole(roleCode: string): Promise<string[]> {
      return (await usersWithRole(roleCode)).map((user) => user.email);
    },

    /** Sends the mail for a review step that has been committed. */
    async afterStep(action: string, review: ReviewRow, reason: string | null): Promise<void> {
      await deliver(`"${action}" of ${review.itemUid} ${review.itemDocumentId}`, () =>
        compose(action, review, reason)
      );
    },

    /** Sends the mail for a reply step (drafted → reviewers; cleared, returned → drafter). */
    async afterReplyStep(
      step: 'drafted' | 'cleared' | 'returned',
      request: { trackingNumber: string; title: string; drafterId: number | null },
      reason: string | null = null
    ): Promise<void> {
      await deliver(`the reply to ${request.trackingNumber}`, () =>
        composeReply(step, request, reason)
      );
    },
  };
};
