/**
 * Dialect-aware pieces of aggregate SQL. Statistics run as GROUP BY queries over indexed columns
 * (knex, not the document service) so that a year of a million items is counted by the database,
 * not loaded into JavaScript.
 *
 * Datetimes: PostgreSQL stores `timestamptz`; Strapi on SQLite stores epoch milliseconds (knex's
 * better-sqlite3 client binds a Date as its number). Comparing with a bound instant is therefore
 * the same SQL on both, with the binding converted here; months are assigned by comparing with
 * the 12 bound Beijing month starts, so no time-zone function of either database is needed.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { beijingMonthStarts, beijingYearRange } from '../domain/beijing-time';
import type { Page, StatisticsContext } from './types';

export type Dialect = StatisticsContext['dialect'];

export const dialectOf = (strapi: Core.Strapi): Dialect => {
  const client = strapi.db.dialect.client;
  if (client === 'postgres' || client === 'sqlite') return client;
  throw new Error(`Statistics support SQLite and PostgreSQL, not ${client}`);
};

export const contextFor = (
  strapi: Core.Strapi,
  year: number,
  locale: string
): StatisticsContext => ({
  strapi,
  knex: strapi.db.connection as unknown as Knex,
  dialect: dialectOf(strapi),
  year,
  locale,
  ...beijingYearRange(year),
});

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

/** A datetime as the driver returns it (Date on PostgreSQL, epoch ms on SQLite), in ISO form. */
export const toIso = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : new Date(
          typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string)
        );
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
