import type { Core } from '@strapi/strapi';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';
import type { Step } from '../services/reviews';
import { validateQueueQuery, validateShowQuery, validateStep } from '../validation';

export interface AdminContext {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: Record<string, string>;
  state: { user: AdminUser; userAbility: Ability };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** POST /disclosure/reviews/<step> — one workflow step; answers the review state after it. */
  const step = (action: Step) => async (ctx: AdminContext) => {
    const { contentType, ...body } = await validateStep(ctx.request.body ?? {});
    const review = await getService(strapi, 'reviews').transition({
      ...body,
      uid: contentType,
      action,
      user: ctx.state.user,
      ability: ctx.state.userAbility,
    });
    return { data: review };
  };

  return {
    submit: step('submit'),
    approve: step('approve'),
    return: step('return'),
    clear: step('clear'),
    withhold: step('withhold'),
    publish: step('publish'),
    unpublish: step('unpublish'),

    /** GET /disclosure/queue — 审核任务: what waits for this user, filterable. */
    async queue(ctx: AdminContext) {
      const query = validateQueueQuery(ctx.query);
      return getService(strapi, 'queue').forUser(ctx.state.user, ctx.state.userAbility, query);
    },

    /**
     * GET /disclosure/reviews/:contentType/:documentId?locale= — the state per locale, the 索引号,
     * the history, and the steps this user may take in `locale`. Scoped like the queue: another
     * division's item answers the same 404 as an item that does not exist.
     */
    async show(ctx: AdminContext) {
      const { contentType, documentId } = ctx.params;
      const { locale } = validateShowQuery(ctx.query);
      const { user, userAbility } = ctx.state;
      const divisions = getService(strapi, 'item-divisions');
      if (!(await divisions.canSeeRecord(user, contentType, documentId))) {
        throw divisions.unseen(contentType, documentId);
      }
      const reviewState = getService(strapi, 'review-state');
      const indexNumber = reviewState.isGated(contentType)
        ? await getService(strapi, 'index-numbers').find(contentType, documentId)
        : null;
      const allowedActions = locale
        ? await getService(strapi, 'reviews').allowedActions(
            contentType,
            documentId,
            locale,
            user,
            userAbility
          )
        : [];
      return {
        data: {
          states: await reviewState.findAll(contentType, documentId),
          indexNumber,
          history: await getService(strapi, 'audit').history(contentType, documentId),
          allowedActions,
        },
      };
    },
  };
};
