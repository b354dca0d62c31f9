import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { beijingYear } from '../domain/beijing-time';
import { withStatisticsContext } from '../statistics/sql';
import type { Page, RecordPage, StatisticsProvider } from '../statistics/types';

/** The earliest year statistics are asked for: the 条例 took effect on 2008-05-01. */
export const FIRST_STATISTICS_YEAR = 2008;

export interface YearlyStatistics {
  year: number;
  locale: string;
  timeZone: 'Asia/Shanghai';
  from: string;
  to: string;
  generatedAt: string;
  providers: Array<{ name: string; label: StatisticsProvider['label'] }>;
  sections: Record<string, Record<string, unknown>>;
}

/**
 * The registry of statistics providers and the yearly figures they compute. Later modules
 * (requests, proposals, inquiries, service cases) add theirs with `register()` from their own
 * bootstrap; the endpoints and the annual report pick them up by name.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<string, StatisticsProvider>();

  const checkYear = (year: number) => {
    const current = beijingYear(new Date());
    if (!Number.isInteger(year) || year < FIRST_STATISTICS_YEAR || year > current) {
      throw new errors.ValidationError(
        `Unknown year "${year}": give a calendar year from ${FIRST_STATISTICS_YEAR} to ${current}.`,
        { key: 'year' }
      );
    }
  };

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

    list(): StatisticsProvider[] {
      return [...providers.values()];
    },

    /** Every provider's figures for a Beijing calendar year (400 for a year out of range). */
    async yearly(year: number, locale: string, only?: string[]): Promise<YearlyStatistics> {
      checkYear(year);
      const chosen = [...providers.values()].filter(
        (provider) => !only || only.includes(provider.name)
      );
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
     * provider knows the figure key.
     */
    async records(year: number, locale: string, figure: string, page: Page): Promise<RecordPage> {
      checkYear(year);
      const provider = providers.get(figure.split(/[.:]/, 1)[0]);
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
