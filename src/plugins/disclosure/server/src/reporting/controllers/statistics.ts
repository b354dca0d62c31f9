import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Audience } from '../sdk/types';
import { acceptOnly, integer, pageOf } from '../../kernel/controllers/query';
import { getService } from '../../get-service';

export interface Context {
  query: Record<string, unknown>;
}

/**
 * GET /statistics and /statistics/records, in the same JSON for two audiences: API tokens on the
 * content API (`public`: the figures about published items only) and the admin dashboard
 * (`staff`: every figure and its records, behind the RBAC action statistics.read).
 */
export default ({ strapi }: { strapi: Core.Strapi }, audience: Audience) => {
  const service = () => getService(strapi, 'statistics');

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
      acceptOnly(ctx.query, ['year', 'locale', 'providers']);
      const year = integer(ctx.query, 'year');
      const locale = await localeOf(ctx.query);
      const only =
        ctx.query.providers === undefined ? undefined : String(ctx.query.providers).split(',');
      return { data: await service().yearly(year, locale, only, audience) };
    },

    /** GET /statistics/records?year=&figure=&page=&pageSize= — the records behind one figure. */
    async records(ctx: Context) {
      acceptOnly(ctx.query, ['year', 'locale', 'figure', 'page', 'pageSize']);
      const year = integer(ctx.query, 'year');
      const locale = await localeOf(ctx.query);
      const figure = ctx.query.figure;
      if (typeof figure !== 'string' || figure.length === 0 || figure.length > 200) {
        throw new errors.ValidationError('"figure" is required: a key from GET /statistics.', {
          key: 'figure',
        });
      }
      const { page, pageSize } = pageOf(ctx.query);
      const result = await service().records(year, locale, figure, { page, pageSize }, audience);
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
