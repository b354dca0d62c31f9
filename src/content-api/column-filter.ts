import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { DEFAULT_ITEM_SORT, UID } from '../constants';
import { columnOf, metaOf } from '../database/metadata';

/** Query parameters the catalogue lists accept besides Strapi's own. */
export interface ColumnFilterParams {
  /** A column's code; lists only its items. */
  column?: string;
  /** With `column`: also list the items of its sub-columns. */
  includeSubColumns: boolean;
}

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Takes `column` and `includeSubColumns` out of a raw query, validated, and returns them with the
 * rest of the query untouched; a malformed value is a 400 that names the parameter.
 */
export function takeColumnParams(query: Record<string, unknown>): {
  params: ColumnFilterParams;
  rest: Record<string, unknown>;
} {
  const { column, includeSubColumns, ...rest } = query;
  if (column !== undefined && (typeof column !== 'string' || !CODE.test(column))) {
    throw new errors.ValidationError(
      'Invalid "column": give one column code, e.g. column=work-news.',
      { key: 'column' }
    );
  }
  if (
    includeSubColumns !== undefined &&
    includeSubColumns !== 'true' &&
    includeSubColumns !== 'false'
  ) {
    throw new errors.ValidationError('Invalid "includeSubColumns": use true or false.', {
      key: 'includeSubColumns',
    });
  }
  if (includeSubColumns !== undefined && column === undefined) {
    throw new errors.ValidationError('"includeSubColumns" needs a "column".', {
      key: 'includeSubColumns',
    });
  }
  return { params: { column, includeSubColumns: includeSubColumns === 'true' }, rest };
}

/** What a list by column is narrowed to: set around the list's queries (withColumnFilter). */
interface ColumnScope {
  uid: string;
  column: string;
  includeSubColumns: boolean;
  /**
   * A read of published rows. Strapi 5 links a published item row to its column's published
   * row (and a draft to the draft), so only those links can match (used by the count).
   */
  published: boolean;
}

const scope = new AsyncLocalStorage<ColumnScope>();

/**
 * Runs `read` (a catalogue list) narrowed to the items of a column. The narrowing is added to the
 * list's own SQL and to its count as a semi-join (narrowToColumn), so the column is resolved in
 * the same statement rather than looked up first, and no join multiplies rows (Strapi answers a
 * relation filter with `SELECT DISTINCT … JOIN`, which no index can deliver in order).
 */
export function withColumnFilter<T>(filter: ColumnScope, read: () => Promise<T>): Promise<T> {
  return scope.run(filter, read);
}

interface ColumnNames {
  table: string;
  documentId: string;
  locale: string;
  publishedAt: string;
  code: string;
  parentLink: { table: string; child: string; parent: string };
}

function columnNames(strapi: Core.Strapi): ColumnNames {
  const meta = metaOf(strapi, UID.column);
  const parent = meta.attributes.parent.joinTable!;
  return {
    table: meta.tableName,
    documentId: columnOf(meta, 'documentId'),
    locale: columnOf(meta, 'locale'),
    publishedAt: columnOf(meta, 'publishedAt'),
    code: columnOf(meta, 'code'),
    parentLink: {
      table: parent.name,
      child: parent.joinColumn.name,
      parent: parent.inverseJoinColumn.name,
    },
  };
}

/**
 * The documentIds of the published columns (in the default locale, as the old lookup read them)
 * with this code and, when asked, of the published columns whose parent has it: a subquery.
 */
function columnDocuments(
  knex: Knex,
  names: ColumnNames,
  { column, includeSubColumns }: ColumnScope,
  defaultLocale: string
): Knex.QueryBuilder {
  const { table, documentId, locale, publishedAt, code, parentLink } = names;
  return knex
    .from({ d: table })
    .select(`d.${documentId}`)
    .where(`d.${locale}`, defaultLocale)
    .whereNotNull(`d.${publishedAt}`)
    .where((where) => {
      where.where(`d.${code}`, column);
      if (includeSubColumns) {
        where.orWhereIn(
          `d.id`,
          knex
            .from({ pl: parentLink.table })
            .join({ p: table }, `p.id`, `pl.${parentLink.parent}`)
            .select(`pl.${parentLink.child}`)
            .where(`p.${code}`, column)
            // The parent itself must be public, or its code is unknown (a 400), as before.
            .whereIn(
              `p.${documentId}`,
              knex
                .from({ pd: table })
                .select(`pd.${documentId}`)
                .where(`pd.${code}`, column)
                .where(`pd.${locale}`, defaultLocale)
                .whereNotNull(`pd.${publishedAt}`)
            )
        );
      }
    });
}

/**
 * A `beforeFindMany` / `beforeCount` lifecycle of the catalogue item types: inside
 * withColumnFilter, narrows the query to rows linked to a row of the chosen columns, as
 * `t0.id IN (SELECT article_id FROM articles_column_lnk WHERE column_id IN (…))`.
 *
 * The planners differ. PostgreSQL weighs the semi-join by cost: for a large column it walks the
 * published-order index and probes the link table; for a column of a few hundred items it sorts
 * that column's rows, found through the link table. SQLite always drives an uncorrelated `rowid IN (…)` from the list and
 * sorts every row of the column in a temporary B-tree; a subquery correlated with the row
 * (`… WHERE article_id = t0.id`) makes it walk the published-order index instead and probe the
 * link table's unique index for each row, stopping at the page's end. Only the default order
 * has that index: a count (no order) or another `sort` keeps the uncorrelated form, the column's
 * rows looked up by rowid.
 */
export function narrowToColumn(strapi: Core.Strapi, defaultLocale: () => Promise<string>) {
  return async (event: {
    action?: string;
    model: { uid: string };
    params: { where?: unknown; orderBy?: unknown };
  }) => {
    const filter = scope.getStore();
    if (!filter || filter.uid !== event.model.uid) return;
    const knex = strapi.db.connection as unknown as Knex;
    const link = metaOf(strapi, filter.uid).attributes.column.joinTable!;
    const names = columnNames(strapi);
    const columnRows = knex
      .from({ c: names.table })
      .select('c.id')
      .whereIn(
        `c.${names.documentId}`,
        columnDocuments(knex, names, filter, await defaultLocale())
      );
    // The count walks every link of the column: of a published read, only the published
    // column row's can match, a third of them where most items have drafts (PostgreSQL, 14k items
    // of 100k: 102 → 43 ms). Not the page: told the match is rarer, PostgreSQL sorts the whole
    // column instead of walking the published-order index to the page's 20 (1 → 58 ms).
    if (filter.published && event.action === 'beforeCount') {
      columnRows.whereNotNull(`c.${names.publishedAt}`);
    }
    const linked = knex
      .from({ l: link.name })
      .select(`l.${link.joinColumn.name}`)
      .whereIn(`l.${link.inverseJoinColumn.name}`, columnRows);
    // Strapi's query builder names the queried table t0 (@strapi/database query-builder getAlias).
    if (
      strapi.db.dialect.client === 'sqlite' &&
      event.action === 'beforeFindMany' &&
      isDefaultOrder(event.params.orderBy)
    ) {
      linked.whereRaw('?? = ??', [`l.${link.joinColumn.name}`, 't0.id']);
    }
    const narrowed = { id: { $in: linked } };
    event.params.where = event.params.where ? { $and: [event.params.where, narrowed] } : narrowed;
  };
}

/** Whether a query's `orderBy` is DEFAULT_ITEM_SORT, the order of the published-order index. */
function isDefaultOrder(orderBy: unknown): boolean {
  const expected = DEFAULT_ITEM_SORT.map((entry) => {
    const [field, direction] = entry.split(':');
    return { [field]: direction };
  });
  return JSON.stringify(orderBy) === JSON.stringify(expected);
}

/**
 * Whether the column exists for the public: published in the default locale. Asked only when a
 * list by column came back empty, so an unknown code (or an unpublished column's) is a 400 and
 * not mistaken for an empty column, as before.
 */
export async function assertPublicColumn(strapi: Core.Strapi, column: string): Promise<void> {
  const found = await strapi
    .documents(UID.column)
    .findFirst({ filters: { code: column }, status: 'published', fields: ['code'] });
  if (!found) {
    throw new errors.ValidationError(`Unknown column "${column}".`, { key: 'column' });
  }
}
