import type { Core } from '@strapi/strapi';
import type { Audience } from '../sdk/types';
import { getService } from '../../get-service';
import { validateRecordsQuery, validateStatisticsQuery, type Locales } from '../validation';

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

  const locales = async (): Promise<Locales> => {
    const i18n = strapi.plugin('i18n').service('locales');
    const known = ((await i18n.find()) as Array<{ code: string }>).map((entry) => entry.code);
    return { known, defaultLocale: await i18n.getDefaultLocale() };
  };

  return {
    /** GET /statistics?year=YYYY[&locale=][&providers=a,b] — every figure of a Beijing year. */
    async find(ctx: Context) {
      const { year, locale, providers } = validateStatisticsQuery(ctx.query, await locales());
      return { data: await service().yearly(year, locale, providers, audience) };
    },

    /** GET /statistics/records?year=&figure=&page=&pageSize= — the records behind one figure. */
    async records(ctx: Context) {
      const query = validateRecordsQuery(ctx.query, await locales());
      const { year, locale, figure, page, pageSize } = query;
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
