import type { Core } from '@strapi/strapi';
import { ROLES, UID } from '../../kernel/constants';
import { coversDivision } from '../../kernel/domain/divisions';
import { WITHHOLD_LABELS } from '../../../../shared/review/workflow';
import type { ReviewRow } from './review-state';
import type { Mail } from '../../kernel/services/mailer';
import { getService } from '../../get-service';

/**
 * Who hears of each step, by email: on submission the division's reviewers, on division approval
 * the confidentiality reviewers, on return, withholding and publication the author. Sent after
 * the transaction commits; a failed mail is logged and never undoes or blocks the step.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const mailer = () => getService(strapi, 'mailer');
  const usersWithRole = (roleCode: string) => mailer().usersWithRole(roleCode);

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

  const emailOf = (userId: number | null) => mailer().addressOf(userId);

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

  /** A committed step's mail, one per recipient, through the kernel mailer (never undoes it). */
  const deliver = (mail: () => Promise<Mail | null>) =>
    mailer().notify(mail, { audience: 'staff', separately: true });

  return {
    /** Sends the mail for a review step that has been committed. */
    async afterStep(action: string, review: ReviewRow, reason: string | null): Promise<void> {
      await deliver(() => compose(action, review, reason));
    },
  };
};
