/**
 * With `future.experimental_firstPublishedAt`, Strapi 5.54 registers a `content-types.afterSync`
 * hook (`@strapi/core` dist/migrations/index.js `enable`) that runs on every boot of an existing
 * database. Two of its steps act only on content types whose i18n or Draft & Publish setting
 * changed; the third backfills `firstPublishedAt` by reading every row of every Draft & Publish
 * table into memory (`SELECT *`), whether anything is missing or not: at a million items a boot
 * took 30–36 s and 2.4 GB (docs/decisions/0008). This swaps the handler for one that runs the
 * first two unchanged and backfills with one UPDATE per table, touching only rows that lack the
 * date — same result: a row without it gets the publication date of its published version.
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

interface SyncContext {
  oldContentTypes?: Record<string, unknown>;
  contentTypes: Record<
    string,
    { attributes?: Record<string, unknown>; options?: Record<string, unknown> }
  >;
}
type Migration = (context: SyncContext) => Promise<void>;

/** Marks the replacement handler, so a test can tell it is the one registered. */
export const REPLACES_STRAPI_MIGRATION = 'replacesStrapiFirstPublishedAtMigration';

/** Strapi's own migration modules, by file (the package's exports map hides them). */
const coreMigration = (file: string): { enable: Migration } =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(path.dirname(require.resolve('@strapi/core')), 'migrations', file));

export function replaceFirstPublishedAtBackfill(strapi: Core.Strapi): boolean {
  const original = coreMigration('index.js').enable;
  const hook = strapi.hook('strapi::content-types.afterSync') as unknown as {
    getHandlers(): unknown[];
    delete(handler: unknown): void;
    register(handler: Migration): void;
  };
  if (!hook.getHandlers().includes(original)) {
    strapi.log.warn(
      '[database] Strapi’s firstPublishedAt migration hook was not found: its full-table backfill runs as shipped'
    );
    return false;
  }
  const i18n = coreMigration('i18n.js');
  const draftPublish = coreMigration('draft-publish.js');
  hook.delete(original);
  const handler: Migration = async (context) => {
    await i18n.enable(context);
    await draftPublish.enable(context);
    if (context.oldContentTypes) {
      await backfillFirstPublishedAt(strapi, Object.keys(context.contentTypes));
    }
  };
  hook.register(Object.assign(handler, { [REPLACES_STRAPI_MIGRATION]: true }));
  return true;
}

/** Sets `firstPublishedAt` where it is missing on rows whose document has a published version. */
export async function backfillFirstPublishedAt(
  strapi: Core.Strapi,
  uids: string[]
): Promise<number> {
  const knex = strapi.db.connection as unknown as Knex;
  let updated = 0;
  await knex.transaction(async (trx) => {
    for (const uid of uids) {
      const meta = strapi.db.metadata.get(uid as never) as unknown as
        { tableName: string; attributes: Record<string, { columnName?: string }> } | undefined;
      const first = meta?.attributes.firstPublishedAt?.columnName;
      const published = meta?.attributes.publishedAt?.columnName;
      if (!meta || !first || !published) continue;
      const documentId = meta.attributes.documentId?.columnName ?? 'document_id';
      const locale = meta.attributes.locale?.columnName;
      // The published sibling: same document, same locale (null for types without i18n).
      const sibling = (query: Knex.QueryBuilder) =>
        query
          .from({ p: meta.tableName })
          .whereRaw(`?? = ??`, [`p.${documentId}`, `${meta.tableName}.${documentId}`])
          .whereNotNull(`p.${published}`)
          .modify((builder) => {
            if (locale) {
              builder.whereRaw(`COALESCE(??, '') = COALESCE(??, '')`, [
                `p.${locale}`,
                `${meta.tableName}.${locale}`,
              ]);
            }
          });
      updated += await trx(meta.tableName)
        .whereNull(first)
        .whereExists((query) => sibling(query.select(trx.raw('1'))))
        .update({ [first]: sibling(trx.queryBuilder().min(`p.${published}`)) });
    }
  });
  return updated;
}
