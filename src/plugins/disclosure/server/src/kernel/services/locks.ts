import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';

const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call with the same name in this process has finished. */
async function inTurn<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(name) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined
  );
  queues.set(name, settled);
  try {
    return await run;
  } finally {
    if (queues.get(name) === settled) queues.delete(name);
  }
}

/**
 * Runs `fn` in a transaction that holds a lock named `name`, so that writers take turns: within this
 * process in order of arrival (Strapi may run several publications at once inside one transaction,
 * as bulk publish does, where a database lock alone would let them through together), and across
 * the app processes sharing the database with a transaction-scoped PostgreSQL advisory lock (SQLite
 * writes are serial already). Joins the caller's transaction when there is one.
 */
export async function serialize<T>(
  strapi: Core.Strapi,
  name: string,
  fn: () => Promise<T>
): Promise<T> {
  return inTurn(name, () =>
    strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') {
        const key = createHash('sha256').update(name).digest().readBigInt64BE(0);
        await strapi.db.connection
          .raw('SELECT pg_advisory_xact_lock(?)', [key.toString()])
          .transacting(trx);
      }
      return fn();
    })
  );
}
