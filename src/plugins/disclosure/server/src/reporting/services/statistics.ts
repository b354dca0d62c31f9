import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { withStatisticsContext } from '../sdk/sql';
import type { Audience, Page, RecordPage, StatisticsProvider } from '../sdk/types';
import type { YearlyStatistics } from '../../../../shared/reporting/contracts';

/**
 * The registry of statistics providers and the yearly figures they compute. Later modules
 * (requests, proposals, inquiries, service cases) add theirs with `register()` from their own
 * bootstrap; the endpoints and the annual report pick them up by name.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<string, StatisticsProvider>();

  /** The providers an audience may read: every one for staff, the public ones for tokens. */
  const visibleTo = (audience: Audience) =>
    [...providers.values()].filter((provider) => audience === 'staff' || provider.isPublic);

  return {
    /** Adds a provider; a second provider with the same name is a programming error. */
    register(provider: StatisticsProvider): void {
      if (!/^[a-z][a-zA-Z0-9]*$/.test(provider.name)) {
        throw new Error(`Statistics provider name "${provider.name}" must be a camelCase word`);
      }
      if (providers.has(provider.name)) {
        throw new Error(`A statistics provider named "${provider.name}" is already registered`);
      }
      providers.set(provider.name, provider);
    },

    has(name: string): boolean {
      return providers.has(name);
    },

    /** The providers an audience may read: every one for staff, the public ones for tokens. */
    list(audience: Audience = 'staff'): StatisticsProvider[] {
      return visibleTo(audience);
    },

    /**
     * Every provider's figures for a Beijing calendar year, or those named in `only` (400 for an
     * unknown provider; 403 when the audience may not read one named).
     */
    async yearly(
      year: number,
      locale: string,
      only?: string[],
      audience: Audience = 'staff'
    ): Promise<YearlyStatistics> {
      const visible = visibleTo(audience);
      for (const name of only ?? []) {
        const provider = providers.get(name);
        if (!provider) {
          throw new errors.ValidationError(
            `Unknown statistics provider "${name}": use ${visible.map((known) => known.name).join(', ')}.`,
            { key: 'providers' }
          );
        }
        if (!visible.includes(provider)) {
          throw new errors.PolicyError(
            `The "${name}" statistics are internal to the office: they count items under review and disclosure requests. The admin panel shows them (统计与年报).`,
            { key: 'providers' }
          );
        }
      }
      const chosen = visible.filter((provider) => !only || only.includes(provider.name));
      const sections: YearlyStatistics['sections'] = {};
      // One provider at a time: SQLite has one connection, and PostgreSQL's pool is shared
      // with the requests the app serves meanwhile.
      const { from, to } = await withStatisticsContext(strapi, year, locale, async (context) => {
        for (const provider of chosen) sections[provider.name] = await provider.compute(context);
        return context;
      });
      return {
        year,
        locale,
        timeZone: 'Asia/Shanghai',
        from: from.toISOString(),
        to: to.toISOString(),
        generatedAt: new Date().toISOString(),
        providers: chosen.map(({ name, label }) => ({ name, label })),
        sections,
      };
    },

    /**
     * The records behind one figure, paginated; their total equals the figure. 400 when no
     * provider knows the figure key; 403 when the audience may not read the provider's records
     * (a token asking for reviews or requests: they name unpublished items and applications).
     */
    async records(
      year: number,
      locale: string,
      figure: string,
      page: Page,
      audience: Audience = 'staff'
    ): Promise<RecordPage> {
      const provider = providers.get(figure.split(/[.:]/, 1)[0]);
      if (provider && !visibleTo(audience).includes(provider)) {
        throw new errors.PolicyError(
          `The records behind "${figure}" are internal to the office: they name items under review and disclosure requests. The admin panel shows them (统计与年报).`,
          { key: 'figure' }
        );
      }
      const result = provider
        ? await withStatisticsContext(strapi, year, locale, (context) =>
            provider.records(context, figure, page)
          )
        : null;
      if (!result) {
        throw new errors.ValidationError(
          `Unknown figure "${figure}": use a "key" from GET /statistics (e.g. items.total).`,
          { key: 'figure' }
        );
      }
      return result;
    },
  };
};
