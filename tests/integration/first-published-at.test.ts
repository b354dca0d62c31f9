import path from 'path';
import type { Knex } from 'knex';
import { REPLACES_STRAPI_MIGRATION } from '../../src/database/first-published-at-backfill';
import { columnId, createDraft, createPublished } from '../helpers/content';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';

/**
 * Strapi's own firstPublishedAt migration reads every row of every Draft & Publish table on each
 * boot; the app replaces it with an UPDATE of the rows that lack the date (decision 0008).
 */
describe('the firstPublishedAt backfill at boot', () => {
  let app: TestApp;
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('replaces Strapi’s full-table handler and fills only what is missing', async () => {
    app = await bootApp();
    const column = await columnId(app.strapi, 'work-news');
    const kept = await createPublished(
      app.strapi,
      ARTICLE,
      { title: '保留首次发布时间', column },
      { firstPublishedAt: new Date('2018-03-01T02:00:00Z') }
    );
    const missing = await createPublished(app.strapi, ARTICLE, {
      title: '缺少首次发布时间',
      column,
    });
    const draft = await createDraft(app.strapi, ARTICLE, { title: '从未发布', column });
    const knex = app.strapi.db.connection as unknown as Knex;
    // As in a database from before the flag was enabled.
    await knex('articles').where({ document_id: missing }).update({ first_published_at: null });
    const { database } = app;
    await stopApp(app, { keepDatabase: true });

    app = await bootApp({ database });
    const rows = async (documentId: string) =>
      (await app.strapi.db.query(ARTICLE).findMany({ where: { documentId } })) as Array<{
        publishedAt: string | null;
        firstPublishedAt: string | null;
      }>;
    const filled = await rows(missing);
    const publishedAt = filled.find((row) => row.publishedAt)!.publishedAt;
    expect(filled).toHaveLength(2);
    for (const row of filled) expect(row.firstPublishedAt).toBe(publishedAt);
    for (const row of await rows(kept)) {
      expect(row.firstPublishedAt).toBe('2018-03-01T02:00:00.000Z');
    }
    expect((await rows(draft))[0].firstPublishedAt).toBeNull();

    const strapiMigration = require(
      path.join(path.dirname(require.resolve('@strapi/core')), 'migrations', 'index.js')
    ).enable;
    const handlers = (
      app.strapi.hook('strapi::content-types.afterSync') as unknown as { getHandlers(): unknown[] }
    ).getHandlers();
    expect(handlers).not.toContain(strapiMigration);
    expect(
      handlers.filter(
        (handler) => (handler as Record<string, unknown>)[REPLACES_STRAPI_MIGRATION] === true
      )
    ).toHaveLength(1);
  });
});
