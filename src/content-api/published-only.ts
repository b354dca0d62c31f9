import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { knownLocaleCodes } from '../i18n/locales';
import { checkFields, checkFilters, checkPopulate, checkSort, type Schema } from './query-guard';

/** Document Service actions that read content. */
const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

export interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string }; credentials?: { type?: string } | null };
}

/**
 * Drafts never leave the content API. Strapi 5.54 lets anyone with `find` add `?status=draft`
 * (strapi-notes §8.3); this Document Service middleware closes that for every caller of the
 * public REST API except full-access API tokens (trusted integrations such as a preview site).
 * It runs below the controllers, so custom routes and populated relations are covered too.
 * Also rejects a locale that does not exist, instead of answering with an empty list, and checks
 * filters, sorts and populate against the schema (query-guard.ts): no `localizations` oracle, no
 * operator value the database cannot take.
 */
export const publishedOnlyForContentApi =
  (strapi: Core.Strapi): Middleware =>
  async (ctx, next) => {
    const request = strapi.requestContext.get();
    const state = (request?.state ?? {}) as RequestState;
    if (state.route?.info?.type !== 'content-api') return next();
    const hasDraftAndPublish = ctx.contentType?.options?.draftAndPublish === true;
    if (!READ_ACTIONS.has(ctx.action)) {
      // A write answers with the draft it wrote, and a refused publish names it: on the public API
      // only a full-access token (a trusted integration) writes content; people write in the admin,
      // where the review is.
      if (hasDraftAndPublish && !isTrustedIntegration(state)) {
        throw new errors.PolicyError(
          'Content is written in the admin panel, where it goes through review: the public API only reads it.'
        );
      }
      return next();
    }
    if (!['GET', 'HEAD'].includes(request?.method ?? '')) return next();

    const params = (ctx.params ?? {}) as {
      status?: unknown;
      locale?: unknown;
      fields?: unknown;
      filters?: unknown;
      sort?: unknown;
      populate?: unknown;
    };
    if (ctx.contentType) {
      const schema = ctx.contentType as unknown as Schema;
      const lookup = (uid: string) =>
        (strapi.contentTypes[uid as never] ?? strapi.components[uid as never]) as
          Schema | undefined;
      checkFields(params.fields);
      checkFilters(params.filters, schema, lookup);
      checkSort(params.sort, schema, lookup);
      checkPopulate(params.populate, schema, lookup);
    }
    if (typeof params.locale === 'string' && params.locale !== '*') {
      const locales = await knownLocaleCodes(strapi);
      if (!locales.includes(params.locale)) {
        throw new errors.ValidationError(
          `Unknown locale "${params.locale}". Available locales: ${locales.join(', ')}.`
        );
      }
    }

    if (!hasDraftAndPublish || isTrustedIntegration(state)) return next();
    if (params.status !== undefined && params.status !== 'published') {
      // A PolicyError keeps its message: Strapi turns any other ForbiddenError into a bare "Forbidden".
      throw new errors.PolicyError(
        'Drafts are not available through the public API: only published content can be read.'
      );
    }
    ctx.params = { ...ctx.params, status: 'published' };
    return next();
  };

/** A full-access API token: a trusted integration (a preview site) that may read and write drafts. */
export function isTrustedIntegration(state: RequestState): boolean {
  return (
    state.auth?.strategy?.name === 'content-api-token' &&
    state.auth.credentials?.type === 'full-access'
  );
}
