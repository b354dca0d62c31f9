import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CATALOGUE_ITEM_UIDS } from '../constants';

/** The index's name on a table: `<table>_published_order_idx`. */
export const publishedOrderIndexName = (table: string): string => `${table}_published_order_idx`;

/**
 * The catalogue lists' default order (DEFAULT_ITEM_SORT: firstPublishedAt, publishedAt, id, all
 * descending) as a partial index on the published rows of each catalogue item table:
 * `(locale, first_published_at DESC, published_at DESC, id DESC) WHERE published_at IS NOT NULL`.
 * Strapi adds `published_at IS NOT NULL` to every public read, so both SQLite and PostgreSQL walk
 * it in order and stop at the page's end: no sort, and never-published drafts (whose NULL
 * first_published_at PostgreSQL puts first in a descending walk) are not in it at all.
 *
 * Strapi's schema `indexes` cannot say `WHERE` nor `DESC`, so it is created here, at every boot,
 * if missing. Strapi's schema sync leaves it alone (it drops only indexes it created itself:
 * @strapi/database schema/diff.js diffTableIndexes removes a database index only when its stored
 * previous schema had it), and a table Strapi rebuilds (SQLite rebuilds a table to alter a column)
 * gets it back at the next boot.
 */
export async function ensurePublishedOrderIndexes(strapi: Core.Strapi): Promise<string[]> {
  const knex = strapi.db.connection as unknown as Knex;
  const created: string[] = [];
  for (const uid of CATALOGUE_ITEM_UIDS) {
    const meta = strapi.db.metadata.get(uid as never) as unknown as {
      tableName: string;
      attributes: Record<string, { columnName?: string } | undefined>;
    };
    const column = (name: string) => meta.attributes[name]?.columnName;
    const [locale, first, published] = ['locale', 'firstPublishedAt', 'publishedAt'].map(column);
    if (!first || !published) continue;
    const name = publishedOrderIndexName(meta.tableName);
    const keys = [locale, `${first} DESC`, `${published} DESC`, 'id DESC'].filter(Boolean);
    const exists = await indexExists(knex, strapi.db.dialect.client, meta.tableName, name);
    if (exists) continue;
    // Identifiers come from Strapi's metadata (snake_case names), never from a request.
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${name} ON ${meta.tableName} (${keys.join(', ')}) WHERE ${published} IS NOT NULL`
    );
    // SQLite: statistics for the new index, if the database keeps any (PostgreSQL's autovacuum
    // analyses on its own).
    if (strapi.db.dialect.client === 'sqlite') await knex.raw(`ANALYZE ${name}`);
    created.push(name);
  }
  return created;
}

async function indexExists(
  knex: Knex,
  client: string,
  table: string,
  name: string
): Promise<boolean> {
  if (client === 'sqlite') {
    const rows = await knex('sqlite_master').where({ type: 'index', tbl_name: table, name });
    return rows.length > 0;
  }
  const rows = await knex('pg_indexes').where({ tablename: table, indexname: name });
  return rows.length > 0;
}
