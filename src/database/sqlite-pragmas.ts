import type { Core } from '@strapi/strapi';

/**
 * SQLite as a web app's database wants: write-ahead logging, so another process reading the file
 * (a backup, an operator's query) never blocks the app's writes nor waits for them, and
 * `synchronous = NORMAL`, which in WAL mode cannot corrupt the file and syncs at checkpoints
 * instead of at every commit (the rollback journal's full sync cost ~1.5 ms a commit here: a
 * tenth of the demo seed). A commit survives a crash of the app; only a power cut may lose the
 * last moments. Knex keeps one SQLite connection for the app's life, so setting them once at
 * bootstrap holds. PostgreSQL: nothing to do.
 */
export async function tuneSqlite(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
  await strapi.db.connection.raw('PRAGMA synchronous = NORMAL');
}
