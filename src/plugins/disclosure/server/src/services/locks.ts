import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';

/**
 * Runs `fn` in a transaction that holds a lock named `name`, so that writers in every app process
 * sharing the database take turns. PostgreSQL: a transaction-scoped advisory lock. SQLite: a
 * write transaction is already exclusive. Joins the caller's transaction when there is one.
 */
export async function serialize<T>(
  strapi: Core.Strapi,
  name: string,
  fn: () => Promise<T>
): Promise<T> {
  return strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      const key = createHash('sha256').update(name).digest().readBigInt64BE(0);
      await strapi.db.connection
        .raw('SELECT pg_advisory_xact_lock(?)', [key.toString()])
        .transacting(trx);
    }
    return fn();
  });
}
