import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';

interface Context {
  query: Record<string, unknown>;
}

const MAX_PAGE_SIZE = 100;

const integer = (query: Record<string, unknown>, key: string, fallback?: number): number => {
  const raw = query[key];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) {
    throw new errors.ValidationError(
      raw === undefined ? `"${key}" is required.` : `"${key}" must be a whole number.`,
      { key }
    );
  }
  return Number(raw);
};

/**
 * GET /statistics and /statistics/records, for the coordinator's tools (content API, with an
 * API token) and the admin dashboard (admin API). Both answer the same JSON.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('statistics');

  const accept = (query: Record<string, unknown>, allowed: string[]) => {
    const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
    if (unknown.length > 0) {
      throw new errors.ValidationError(
        `Unknown query parameter "${unknown[0]}": this endpoint accepts ${allowed.map((key) => `"${key}"`).join(', ')}.`,
        { key: unknown[0] }
      );
    }
  };

  const localeOf = async (query: Record<string, unknown>): Promise<string> => {
    const locale =
      query.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const known = (
      (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>
    ).map((entry) => entry.code);
    if (typeof locale !== 'string' || !known.includes(locale)) {
      throw new errors.ValidationError(
        `Unknown locale "${String(locale)}": use one of ${known.join(', ')}.`,
        { key: 'locale' }
      );
    }
    return locale;
  };

  return {
    /** GET /statistics?year=YYYY[&locale=][&providers=a,b] — every figure of a Beijing year. */
    async find(ctx: Context) {
      accept(ctx.query, ['year', 'locale', 'providers']);
      const year = integer(ctx.query, 'year');
      const locale = await localeOf(ctx.query);
      let only: string[] | undefined;
      if (ctx.query.providers !== undefined) {
        only = String(ctx.query.providers).split(',');
        const unknown = only.find((name) => !service().has(name));
        if (unknown) {
          throw new errors.ValidationError(
            `Unknown statistics provider "${unknown}": use ${service()
              .list()
              .map((provider: { name: string }) => provider.name)
              .join(', ')}.`,
            { key: 'providers' }
          );
        }
      }
      return { data: await service().yearly(year, locale, only) };
    },

    /** GET /statistics/records?year=&figure=&page=&pageSize= — the records behind one figure. */
    async records(ctx: Context) {
      accept(ctx.query, ['year', 'locale', 'figure', 'page', 'pageSize']);
      const year = integer(ctx.query, 'year');
      const locale = await localeOf(ctx.query);
      const figure = ctx.query.figure;
      if (typeof figure !== 'string' || figure.length === 0 || figure.length > 200) {
        throw new errors.ValidationError('"figure" is required: a key from GET /statistics.', {
          key: 'figure',
        });
      }
      const page = integer(ctx.query, 'page', 1);
      const pageSize = integer(ctx.query, 'pageSize', 25);
      if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new errors.ValidationError(
          `"page" starts at 1 and "pageSize" is 1 to ${MAX_PAGE_SIZE}.`,
          { key: page < 1 ? 'page' : 'pageSize' }
        );
      }
      const result = await service().records(year, locale, figure, { page, pageSize });
      return {
        data: result.results,
        meta: {
          figure: result.figure,
          year,
          locale,
          pagination: {
            page,
            pageSize,
            total: result.total,
            pageCount: Math.ceil(result.total / pageSize),
          },
        },
      };
    },
  };
};
