import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { WITHHOLD_REASONS, type Action } from '../domain/workflow';
import type { AdminUser, Ability } from '../services/reviews';

interface AdminContext {
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

const step =
  (strapi: Core.Strapi, action: Exclude<Action, 'edit'>) => async (ctx: AdminContext) => {
    const body = (await validateStep(ctx.request.body ?? {})) as {
      contentType: string;
      documentId: string;
      locale: string;
      reason?: string;
      category?: string;
    };
    const review = await strapi.plugin(PLUGIN_ID).service('reviews').transition({
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

  /** GET /disclosure/reviews/:contentType/:documentId — state per locale and the history. */
  async show(ctx: AdminContext) {
    const { contentType, documentId } = ctx.params;
    const reviews = strapi.plugin(PLUGIN_ID).service('reviews');
    const rows = await strapi.db.query('plugin::disclosure.review').findMany({
      where: { itemUid: contentType, itemDocumentId: documentId },
      orderBy: { itemLocale: 'asc' },
    });
    const history = await strapi
      .plugin(PLUGIN_ID)
      .service('audit')
      .history(contentType, documentId);
    const indexNumber = reviews.isGated(contentType)
      ? await strapi.plugin(PLUGIN_ID).service('index-numbers').find(contentType, documentId)
      : null;
    return { data: { states: rows, indexNumber, history } };
  },
});
