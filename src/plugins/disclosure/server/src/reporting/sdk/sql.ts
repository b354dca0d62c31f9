/**
 * Dialect-aware pieces of aggregate SQL. Statistics run as GROUP BY queries over indexed columns
 * (knex, not the document service) so that a year of a million items is counted by the database,
 * not loaded into JavaScript.
 *
 * Datetimes: Strapi creates `timestamp` (without time zone, holding UTC: Node binds Dates in UTC)
 * on PostgreSQL, and stores epoch milliseconds on SQLite (knex's better-sqlite3 client binds a
 * Date as its number). Comparing with a bound instant is therefore
 * the same SQL on both, with the binding converted here; months are assigned by comparing with
 * the 12 bound Beijing month starts, so no time-zone function of either database is needed.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { beijingMonthStarts, beijingYearRange } from '../../../../shared/kernel/dates';
import type { Page, StatisticsContext } from './types';

export type Dialect = StatisticsContext['dialect'];

export const dialectOf = (strapi: Core.Strapi): Dialect => {
  const client = strapi.db.dialect.client;
  if (client === 'postgres' || client === 'sqlite') return client;
  throw new Error(`Statistics support SQLite and PostgreSQL, not ${client}`);
};

/**
 * Runs the statistics of one request with their own planner settings. On PostgreSQL, in a
 * transaction with JIT off (compiling the UNION ALL's few hundred expressions costs more than it
 * saves) and `random_page_cost` for cached or SSD storage, so that the link tables are probed by
 * index rather than hashed whole; measured in docs/decisions/0008. SQLite: as it is.
 */
export async function withStatisticsContext<T>(
  strapi: Core.Strapi,
  year: number,
  locale: string,
  run: (context: StatisticsContext) => Promise<T>
): Promise<T> {
  const dialect = dialectOf(strapi);
  const connection = strapi.db.connection as unknown as Knex;
  const context = (knex: Knex): StatisticsContext => ({
    strapi,
    knex,
    dialect,
    year,
    locale,
    ...beijingYearRange(year),
  });
  if (dialect !== 'postgres') return run(context(connection));
  return connection.transaction(async (trx) => {
    await trx.raw('SET LOCAL jit = off');
    await trx.raw('SET LOCAL random_page_cost = 1.1');
    return run(context(trx));
  });
}

/** An instant as the database compares it in a datetime column. */
export const instant = (context: Pick<StatisticsContext, 'dialect'>, value: Date) =>
  context.dialect === 'sqlite' ? value.getTime() : value;

/**
 * `CASE WHEN <column> < <Feb 1> THEN 1 … ELSE 12 END`: the Beijing month of a datetime known to be
 * in the context's year.
 */
export const monthOf = (context: StatisticsContext, column: string): Knex.Raw => {
  const starts = beijingMonthStarts(context.year).slice(1, 12);
  const whens = starts.map((_, index) => `WHEN ${column} < ? THEN ${index + 1}`).join(' ');
  return context.knex.raw(
    `CASE ${whens} ELSE 12 END`,
    starts.map((start) => instant(context, start))
  );
};

/** Milliseconds from `start` to `end` (two datetime columns). */
export const millisecondsBetween = (context: StatisticsContext, start: string, end: string) =>
  context.dialect === 'sqlite'
    ? `(${end} - ${start})`
    : `(EXTRACT(EPOCH FROM (${end} - ${start})) * 1000)`;

/** A row count from knex, which PostgreSQL returns as a string (bigint). */
export const toCount = (value: unknown): number => Number(value ?? 0);

/** Physical names of a content type, from Strapi's metadata. */
export interface TableNames {
  table: string;
  column(attribute: string): string;
  /** A manyToOne relation's link table: [table, owner column, target column]. */
  link(attribute: string): { table: string; owner: string; target: string };
  /** A single component attribute's join table and the component's table. */
  component(attribute: string): {
    table: string;
    owner: string;
    target: string;
    field: string;
    componentTable: string;
    componentType: string;
  };
}

interface AttributeMeta {
  columnName?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
    on?: Record<string, string>;
  };
  /** The component UID (component attributes become relations to it). */
  target?: string;
}

export const namesOf = (strapi: Core.Strapi, uid: string): TableNames => {
  const meta = strapi.db.metadata.get(uid as never) as unknown as {
    tableName: string;
    attributes: Record<string, AttributeMeta>;
  };
  const attribute = (name: string) => {
    const found = meta.attributes[name];
    if (!found) throw new Error(`${uid} has no attribute ${name}`);
    return found;
  };
  return {
    table: meta.tableName,
    column: (name) => attribute(name).columnName ?? name,
    link(name) {
      const join = attribute(name).joinTable!;
      return {
        table: join.name,
        owner: join.joinColumn.name,
        target: join.inverseJoinColumn.name,
      };
    },
    component(name) {
      const found = attribute(name);
      const join = found.joinTable!;
      const componentType = found.target!;
      const componentMeta = strapi.db.metadata.get(componentType as never) as unknown as {
        tableName: string;
      };
      return {
        table: join.name,
        owner: join.joinColumn.name,
        target: join.inverseJoinColumn.name,
        field: join.on?.field ?? name,
        componentTable: componentMeta.tableName,
        componentType,
      };
    },
  };
};

/**
 * One page of a drill-down query and the number of rows it pages through (the figure). `query`
 * has its filters and columns; the order must be total so pages do not overlap.
 */
export async function pageOf(
  query: Knex.QueryBuilder,
  orderBy: Array<{ column: string; order: 'asc' | 'desc' }>,
  page: Page
): Promise<{ total: number; rows: Array<Record<string, unknown>> }> {
  const [{ n }] = (await query.clone().clearSelect().count({ n: '*' })) as Array<{ n: unknown }>;
  const rows = (await query
    .clone()
    .orderBy(orderBy)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)) as Array<Record<string, unknown>>;
  return { total: toCount(n), rows };
}

export { toDateOnly, toIso } from '../../../../shared/kernel/dates';
