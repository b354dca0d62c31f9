import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  UPDATE_CLASSES,
  type ColumnYear,
  type MonitorColumn,
  type MonitorThresholds,
  type SiteVerdict,
  type UpdateClass,
} from '../../../../shared/monitor/contracts';
import { beijingDate, beijingMidnight } from '../../../../shared/kernel/dates';
import type { DisclosureConfig } from '../../kernel/config';
import { PLUGIN_ID } from '../../kernel/constants';
import { defaultLocale } from '../../kernel/i18n';
import { dialectOf, draftProblems, namesOf } from '../../reporting/sdk';
import {
  assessColumn,
  DEFAULT_THRESHOLDS,
  limitOf,
  siteVerdict,
  staleDaysIn,
} from '../domain/timeliness';
import { monitorFigures } from '../domain/year-figures';
import type { ColumnYearDetail, YearColumns } from '../domain/year-figures';

/** A catalogue column as the monitor reads it (the published version, default locale). */
interface ColumnRow {
  documentId: string;
  code: string;
  name: string;
  kind?: string | null;
  updateClass?: string | null;
  parent?: { name: string } | null;
  children?: Array<{ code: string }>;
  department?: { documentId: string; name: string } | null;
  sortOrder?: number | null;
}

/** A column with everything the monitor tells of it. */
export interface WatchedColumn extends MonitorColumn {
  hasChildren: boolean;
}

/** Epoch day of a datetime column, in Beijing time: the same integer on both databases. */
const beijingDayOf = (knex: Knex, dialect: 'sqlite' | 'postgres', column: string) =>
  dialect === 'sqlite'
    ? // SQLite keeps epoch milliseconds.
      knex.raw(`CAST((${column} + 28800000) / 86400000 AS INTEGER)`)
    : // PostgreSQL: a timestamp without time zone holding UTC.
      knex.raw(`FLOOR((EXTRACT(EPOCH FROM ${column}) + 28800) / 86400)`);

const dateOfEpochDay = (day: unknown) =>
  new Date(Number(day) * 86_400_000).toISOString().slice(0, 10);

/**
 * The timeliness monitor (栏目更新监测): each catalogue column's newest first publication and
 * its state under the website inspection's rules, the site verdict, the publications per day and
 * the days each column spent stale in a year. Items are those of the types under review
 * (`contentTypes`) with a `column` relation, plus the types `monitor.typeColumns` places in one
 * column (the leaders in 领导之窗); an item counts from its first publication (`firstPublishedAt`,
 * else `publishedAt`) while it is published. Counting is aggregate SQL (knex) over the item
 * tables, as the statistics do; the columns come from the document service.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`);
  const knex = () => strapi.db.connection as unknown as Knex;

  /** The defaults under what the host configured (a partial `failAt` keeps the other counts). */
  const thresholds = (): MonitorThresholds => {
    const { typeColumns: _ignored, ...configured } = settings().monitor ?? { typeColumns: {} };
    return {
      ...DEFAULT_THRESHOLDS,
      ...configured,
      failAt: { ...DEFAULT_THRESHOLDS.failAt, ...configured.failAt },
    };
  };

  /** The types under review whose items name their column, and the column type they name. */
  const catalogue = () => {
    const withColumn = settings().contentTypes.filter((uid) => {
      const attribute = strapi.contentTypes[uid]?.attributes?.column as
        { type?: string; target?: string } | undefined;
      return attribute?.type === 'relation' && Boolean(attribute.target);
    });
    const columnType = withColumn.length
      ? ((strapi.contentTypes[withColumn[0]].attributes.column as { target: string })
          .target as keyof typeof strapi.contentTypes)
      : null;
    return { itemTypes: withColumn, columnType };
  };

  const publishedColumn = (uid: string) =>
    'firstPublishedAt' in
    (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {})
      ? 'firstPublishedAt'
      : 'publishedAt';

  /**
   * One row per column code and Beijing day with the number of first publications, from `from`
   * (inclusive) to `until` (exclusive) — every type's published items in `locale`.
   */
  const publicationDays = async (
    locale: string,
    range: { from?: Date; until: Date }
  ): Promise<Array<{ code: string; date: string; count: number }>> => {
    const { itemTypes, columnType } = catalogue();
    if (!columnType) return [];
    const dialect = dialectOf(strapi);
    const at = (value: Date) => (dialect === 'sqlite' ? value.getTime() : value);
    const columns = namesOf(strapi, columnType);
    const rows: Array<{ code: string; date: string; count: number }> = [];
    // Inside the digest's transaction the queries join it (SQLite has one connection).
    const trx = strapi.db.inTransaction()
      ? await strapi.db.transaction(
          async ({ trx: current }) => current as unknown as Knex.Transaction
        )
      : null;
    const collect = async (query: Knex.QueryBuilder, first: string, code: Knex.Raw | string) => {
      if (trx) query.transacting(trx);
      query.whereNotNull(first).where(first, '<', at(range.until));
      if (range.from) query.where(first, '>=', at(range.from));
      const day = beijingDayOf(knex(), dialect, first);
      const grouped = (await query
        .select({ code, day })
        .count({ n: '*' })
        .groupBy('code', 'day')) as Array<{ code: string | null; day: unknown; n: unknown }>;
      for (const row of grouped) {
        if (row.code)
          rows.push({ code: row.code, date: dateOfEpochDay(row.day), count: Number(row.n) });
      }
    };
    for (const uid of itemTypes) {
      const item = namesOf(strapi, uid);
      const link = item.link('column');
      const first = `t.${item.column(publishedColumn(uid))}`;
      const query = knex()
        .from({ t: item.table })
        .join({ cl: link.table }, `cl.${link.owner}`, 't.id')
        .join({ c: columns.table }, 'c.id', `cl.${link.target}`)
        .where('t.locale', locale)
        .whereNotNull(`t.${item.column('publishedAt')}`);
      await collect(query, first, `c.${columns.column('code')}`);
    }
    for (const [uid, code] of Object.entries(settings().monitor?.typeColumns ?? {})) {
      if (!(uid in strapi.contentTypes)) continue;
      const item = namesOf(strapi, uid);
      const localized =
        'locale' in (strapi.contentTypes[uid as keyof typeof strapi.contentTypes].attributes ?? {});
      const query = knex()
        .from({ t: item.table })
        .whereNotNull(`t.${item.column('publishedAt')}`);
      if (localized) query.where('t.locale', locale);
      await collect(query, `t.${item.column(publishedColumn(uid))}`, knex().raw('?', [code]));
    }
    return rows;
  };

  /** The catalogue's published columns (not the interaction windows), parents before children. */
  const loadColumns = async (locale: string): Promise<ColumnRow[]> => {
    const { columnType } = catalogue();
    if (!columnType) return [];
    const rows = (await strapi.documents(columnType).findMany({
      locale,
      status: 'published',
      populate: {
        parent: { fields: ['name'] },
        children: { fields: ['code'] },
        department: { fields: ['name'] },
      },
    } as never)) as unknown as ColumnRow[];
    const watched = rows.filter((row) => row.kind !== 'interaction_window');
    const order = (row: ColumnRow) => row.sortOrder ?? 0;
    const tops = watched.filter((row) => !row.parent).sort((a, b) => order(a) - order(b));
    const childrenOf = (name: string) =>
      watched.filter((row) => row.parent?.name === name).sort((a, b) => order(a) - order(b));
    const ordered = tops.flatMap((top) => [top, ...childrenOf(top.name)]);
    return [...ordered, ...watched.filter((row) => !ordered.includes(row))];
  };

  const updateClassOf = (row: ColumnRow): UpdateClass =>
    (UPDATE_CLASSES as readonly string[]).includes(row.updateClass ?? '')
      ? (row.updateClass as UpdateClass)
      : 'should_update';

  /** The columns and the site verdict on `today` (a Beijing date). */
  const assess = async (
    today: string
  ): Promise<{ columns: WatchedColumn[]; verdict: SiteVerdict; thresholds: MonitorThresholds }> => {
    const locale = await defaultLocale(strapi);
    const limits = thresholds();
    const [year, month, day] = today.split('-').map(Number);
    const until = beijingMidnight(year, month, day + 1);
    const days = await publicationDays(locale, { until });
    const last = new Map<string, string>();
    for (const row of days) {
      if ((last.get(row.code) ?? '') < row.date) last.set(row.code, row.date);
    }
    const columns = (await loadColumns(locale)).map((row): WatchedColumn => {
      const updateClass = updateClassOf(row);
      const hasChildren = (row.children ?? []).length > 0;
      const lastPublishedOn = last.get(row.code) ?? null;
      const assessed = assessColumn({ updateClass, hasChildren, lastPublishedOn }, today, limits);
      return {
        code: row.code,
        name: row.name,
        parent: row.parent?.name ?? null,
        updateClass,
        division: row.department
          ? { documentId: row.department.documentId, name: row.department.name }
          : null,
        lastPublishedOn,
        hasChildren,
        ...assessed,
      };
    });
    // The home page shows the newest items of the news columns (工作动态).
    const home = columns
      .filter((column) => column.updateClass === 'news' && !column.hasChildren)
      .map((column) => column.lastPublishedOn)
      .filter((date): date is string => date !== null)
      .sort()
      .pop();
    return {
      columns,
      verdict: siteVerdict(columns, home ?? null, today, limits),
      thresholds: limits,
    };
  };

  /**
   * The year's facts of each timed column (to today in the current year): its published
   * column's document, its first-publication dates up to the last day counted and its limit,
   * the days it spent stale and whether it was blank. For `year` and the statistics provider.
   */
  const yearColumns = async (
    year: number,
    today = beijingDate(new Date())
  ): Promise<Omit<YearColumns, 'columns'> & { columns: Array<ColumnYear & ColumnYearDetail> }> => {
    const locale = await defaultLocale(strapi);
    const limits = thresholds();
    const yearEnd = `${year}-12-31`;
    const to = today < yearEnd ? today : yearEnd;
    const [y, m, d] = to.split('-').map(Number);
    const days = await publicationDays(locale, { until: beijingMidnight(y, m, d + 1) });
    const columns: Array<ColumnYear & ColumnYearDetail> = [];
    for (const row of await loadColumns(locale)) {
      const updateClass = updateClassOf(row);
      const limit = (row.children ?? []).length ? null : limitOf(updateClass, limits);
      if (limit === null) continue;
      const dates = [
        ...new Set(days.filter((day) => day.code === row.code).map((day) => day.date)),
      ].sort();
      columns.push({
        code: row.code,
        name: row.name,
        updateClass,
        staleDays: to < `${year}-01-01` ? 0 : staleDaysIn(dates, limit, `${year}-01-01`, to),
        blank: dates.length === 0,
        documentId: row.documentId,
        locale,
        dates,
        limitDays: limit,
      });
    }
    return { year, to, columnType: catalogue().columnType as string | null, columns };
  };

  return {
    /** The inspection's thresholds in force (config `monitor` over the defaults). */
    thresholds,

    /** Every catalogue column's state and the site verdict on `today` (Beijing date; default now). */
    async columns(today = beijingDate(new Date())) {
      const { columns, verdict, thresholds: limits } = await assess(today);
      return {
        verdict,
        thresholds: limits,
        columns: columns.map(({ hasChildren: _hasChildren, ...column }) => column),
      };
    },

    /** The same with each column's sub-column flag, for the daily digest. */
    assess,

    /** First publications per column and Beijing day in `year` (columns without any included). */
    async heatMap(year: number) {
      const locale = await defaultLocale(strapi);
      const days = await publicationDays(locale, {
        from: beijingMidnight(year),
        until: beijingMidnight(year + 1),
      });
      const columns = (await loadColumns(locale)).map((row) => {
        const mine = days.filter((day) => day.code === row.code);
        return {
          code: row.code,
          name: row.name,
          days: Object.fromEntries(mine.map((day) => [day.date, day.count])),
          total: mine.reduce((sum, day) => sum + day.count, 0),
        };
      });
      return { year, columns };
    },

    /** Each timed column's year with its dates and document (the statistics provider's facts). */
    yearColumns,

    /**
     * The year's figures of each timed column (to today in the current year): days it spent
     * stale, and whether it was blank at the year's end; the draft sentence for the annual
     * report's 存在的主要问题及改进情况.
     */
    async year(year: number, today = beijingDate(new Date())) {
      const facts = await yearColumns(year, today);
      const columns: ColumnYear[] = facts.columns.map((column) => ({
        code: column.code,
        name: column.name,
        updateClass: column.updateClass,
        staleDays: column.staleDays,
        blank: column.blank,
      }));
      // The statistics provider's section, and the annual report's draft written from it.
      const section = monitorFigures(columns);
      return {
        year,
        columns,
        staleColumns: section.staleColumns.value,
        staleDays: section.staleDays.value,
        blankColumns: section.blankColumns.value,
        problemsDraft: draftProblems({ monitor: section }).text,
      };
    },
  };
};
