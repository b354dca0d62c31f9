import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { STATES, WITHHOLD_REASONS, type Action, type State } from '../domain/workflow';
import type { Ability, AdminUser } from '../../kernel/services/actor';
import { getService } from '../../get-service';

export interface AdminContext {
  request: { body?: unknown };
  query: Record<string, unknown>;
  params: Record<string, string>;
  state: { user: AdminUser; userAbility: Ability };
}

const itemSchema = {
  contentType: yup.string().required(),
  documentId: yup.string().required(),
  locale: yup.string().required(),
};

const stepSchema = yup
  .object({
    ...itemSchema,
    reason: yup.string().max(2000),
    category: yup.string().oneOf([...WITHHOLD_REASONS]),
  })
  .noUnknown()
  .strict();

const validateStep = validateYupSchema(stepSchema, { strict: true });

const validateQueue = validateYupSchema(
  yup
    .object({
      state: yup.string().oneOf([...STATES]),
      column: yup.string().max(64),
      department: yup.string().max(64),
      page: yup.number().integer().min(1),
      pageSize: yup.number().integer().min(1).max(100),
    })
    .noUnknown()
    .strict()
);

/** Query strings arrive as text: whole numbers become numbers, anything else stays and fails. */
const withNumbers = (query: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      keys.includes(key) && typeof value === 'string' && /^-?\d+$/.test(value)
        ? Number(value)
        : value,
    ])
  );

const validateShow = validateYupSchema(yup.object({ locale: yup.string().max(16) }).noUnknown());

const step =
  (strapi: Core.Strapi, action: Exclude<Action, 'edit'>) => async (ctx: AdminContext) => {
    const body = (await validateStep(ctx.request.body ?? {})) as {
      contentType: string;
      documentId: string;
      locale: string;
      reason?: string;
      category?: string;
    };
    const review = await getService(strapi, 'reviews').transition({
      uid: body.contentType,
      documentId: body.documentId,
      locale: body.locale,
      action,
      user: ctx.state.user,
      ability: ctx.state.userAbility,
      reason: body.reason,
      category: body.category,
    });
    return { data: review };
  };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  submit: step(strapi, 'submit'),
  approve: step(strapi, 'approve'),
  return: step(strapi, 'return'),
  clear: step(strapi, 'clear'),
  withhold: step(strapi, 'withhold'),
  publish: step(strapi, 'publish'),
  unpublish: step(strapi, 'unpublish'),

  /** GET /disclosure/queue — 审核任务: what waits for this user, filterable. */
  async queue(ctx: AdminContext) {
    const query = (await validateQueue(withNumbers(ctx.query, ['page', 'pageSize']))) as {
      state?: State;
      column?: string;
      department?: string;
      page?: number;
      pageSize?: number;
    };
    return getService(strapi, 'queue').forUser(ctx.state.user, ctx.state.userAbility, {
      ...query,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  },

  /**
   * GET /disclosure/reviews/:contentType/:documentId?locale= — the state per locale, the 索引号,
   * the history, and the steps this user may take in `locale`. Scoped like the queue: another
   * division's item answers the same 404 as an item that does not exist.
   */
  async show(ctx: AdminContext) {
    const { contentType, documentId } = ctx.params;
    const { locale } = (await validateShow(ctx.query)) as { locale?: string };
    const reviews = getService(strapi, 'reviews');
    if (!(await reviews.canSeeRecord(ctx.state.user, contentType, documentId))) {
      throw reviews.unseen(contentType, documentId);
    }
    const rows = await strapi.db.query('plugin::disclosure.review').findMany({
      where: { itemUid: contentType, itemDocumentId: documentId },
      orderBy: { itemLocale: 'asc' },
    });
    const history = await getService(strapi, 'audit').history(contentType, documentId);
    const indexNumber = reviews.isGated(contentType)
      ? await getService(strapi, 'index-numbers').find(contentType, documentId)
      : null;
    const allowedActions = locale
      ? await reviews.allowedActions(
          contentType,
          documentId,
          locale,
          ctx.state.user,
          ctx.state.userAbility
        )
      : [];
    return { data: { states: rows, indexNumber, history, allowedActions } };
  },
});
