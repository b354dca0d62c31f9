import request from 'supertest';
import type { Knex } from 'knex';
import { buildColumnTree, type ColumnRow } from '../../src/catalogue/column-tree';
import { DEFAULT_ITEM_SORT } from '../../src/constants';
import { BULK_NEVER_PUBLISHED, insertBulkArticles } from '../helpers/bulk-articles';
import { columnId, createDraft, createPublished } from '../helpers/content';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

/**
 * Cheaper cold reads (issue #15, decision 0035): the website's lists in index order, in as few
 * statements as plain Strapi, with the same answers as before, on thousands of rows.
 */
const ARTICLE = 'api::article.article';
const PUBLISHED = 5000;

let app: TestApp;
let knex: Knex;
let pg: boolean;

/** The SQL statements (BEGIN/COMMIT included) one request runs. */
async function statementsOf(url: string): Promise<string[]> {
  const seen: string[] = [];
  const listener = (query: { sql: string }) => seen.push(query.sql);
  knex.on('query', listener);
  try {
    await request(app.http).get(url).expect(200);
  } finally {
    knex.off('query', listener);
  }
  return seen;
}

/** The plan of the list statement a request runs (the one that orders by first publication). */
async function planOf(url: string, statement = /order by .*first_published_at/i): Promise<string> {
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listener = (query: { sql: string; bindings: unknown[] }) => seen.push(query);
  knex.on('query', listener);
  try {
    await request(app.http).get(url).expect(200);
  } finally {
    knex.off('query', listener);
  }
  const list = seen.find((query) => statement.test(query.sql));
  if (!list) throw new Error(`no list statement for ${url}`);
  const explained = await knex.raw(
    // The query event shows PostgreSQL's $n placeholders; knex.raw takes ?.
    `${pg ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${list.sql.replace(/\$\d+/g, '?')}`,
    list.bindings as never
  );
  return pg
    ? (explained.rows as Array<Record<string, string>>).map((row) => row['QUERY PLAN']).join('\n')
    : (explained as Array<{ detail: string }>).map((row) => row.detail).join('\n');
}

const SORT_NODE = /^\s*(->\s*)?(Incremental )?Sort\b/m;

/** What the list answered before #15: the Document Service with a documentId filter. */
async function oldList(
  columnCodes: string[] | null,
  {
    page = 1,
    pageSize = 25,
    locale = 'zh-Hans',
    sort = DEFAULT_ITEM_SORT,
  }: { page?: number; pageSize?: number; locale?: string; sort?: string[] } = {}
): Promise<string[]> {
  const documentIds = columnCodes
    ? await Promise.all(columnCodes.map((code) => columnId(app.strapi, code)))
    : null;
  const found = await app.strapi.documents(ARTICLE).findMany({
    status: 'published',
    locale,
    filters: documentIds ? { column: { documentId: { $in: documentIds } } } : {},
    sort,
    start: (page - 1) * pageSize,
    limit: pageSize,
    fields: ['title'],
  } as never);
  return (found as Array<{ documentId: string }>).map((item) => item.documentId);
}

const ids = (body: { data: Array<{ documentId: string }> }) =>
  body.data.map((item) => item.documentId);

// Cold reads: what the database does for an answer the response cache does not hold.
const COLD = { RESPONSE_CACHE: 'off' };

beforeAll(async () => {
  app = await bootApp({ env: COLD });
  knex = app.strapi.db.connection as unknown as Knex;
  pg = app.strapi.db.dialect.client !== 'sqlite';
  await insertBulkArticles(app.strapi, { published: PUBLISHED, neverPublished: 5000 });
  const { strapi } = app;
  // A few through the Document Service: a sub-column's items, an English one, a never-published
  // one in a sub-column, an unpublished column with a published item filed before.
  await createPublished(
    strapi,
    ARTICLE,
    { title: '子栏目信息', column: await columnId(strapi, 'disclosure-rules') },
    { firstPublishedAt: new Date('2030-01-01T00:00:00Z') }
  );
  await createDraft(strapi, ARTICLE, {
    title: `${BULK_NEVER_PUBLISHED} 子栏目草稿`,
    column: await columnId(strapi, 'disclosure-rules'),
  });
  await createPublished(
    strapi,
    ARTICLE,
    { title: 'English item', column: await columnId(strapi, 'work-news') },
    { locale: 'en', firstPublishedAt: new Date('2029-01-01T00:00:00Z') }
  );
  // A warm-up read: the locale caches are filled as on a serving node.
  await request(app.http).get('/api/articles?column=work-news').expect(200);
  await request(app.http).get('/api/articles?locale=en').expect(200);
}, 180_000);

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('statements per list', () => {
  it('newest: at most plain Strapi’s 7 (permissions, the page, the count)', async () => {
    const statements = await statementsOf('/api/articles');
    expect(statements.filter((sql) => /core_store/.test(sql))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(7);
  });

  it('by column: the same 7, the column resolved inside the list’s own statements', async () => {
    const statements = await statementsOf('/api/articles?column=notices');
    expect(statements.filter((sql) => /core_store/.test(sql))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(7);
    const withSubColumns = await statementsOf(
      '/api/articles?column=government-disclosure&includeSubColumns=true'
    );
    expect(withSubColumns.length).toBeLessThanOrEqual(7);
  });

  it('a locale given: not looked up in the locale table on each call', async () => {
    const statements = await statementsOf('/api/articles?locale=en&column=work-news');
    expect(statements.filter((sql) => /i18n_locale/.test(sql))).toEqual([]);
    expect(statements.length).toBeLessThanOrEqual(7);
  });

  it('the catalogue tree: one statement besides the permissions', async () => {
    const statements = await statementsOf('/api/columns/tree');
    expect(statements.filter((sql) => !/permissions/.test(sql))).toHaveLength(1);
  });
});

describe('plans: the default order read from the published-order index', () => {
  it('newest first: no sort', async () => {
    const plan = await planOf('/api/articles');
    expect(plan).toMatch(/articles_published_order_idx/);
    expect(plan).not.toMatch(pg ? SORT_NODE : /TEMP B-TREE/);
  });

  it('page 200: no sort', async () => {
    const plan = await planOf('/api/articles?pagination[page]=200&pagination[pageSize]=10');
    expect(plan).toMatch(/articles_published_order_idx/);
    expect(plan).not.toMatch(pg ? SORT_NODE : /TEMP B-TREE/);
  });

  it('by column: a semi-join on the link table, never a DISTINCT join nor a sort of every row', async () => {
    const plan = await planOf('/api/articles?column=notices');
    // Strapi's own relation filter joins and de-duplicates whole rows (SELECT DISTINCT t0.*).
    expect(plan).not.toMatch(/DISTINCT|Unique/);
    if (!pg) {
      // SQLite: the index walked in order, each row probed in the link table, no sort at all.
      expect(plan).toMatch(/articles_published_order_idx/);
      expect(plan).toMatch(/articles_column_lnk_uq/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      return;
    }
    // PostgreSQL weighs the ordered index walk against sorting the column's own rows (found from
    // the link table) and takes the cheaper; either way it never reads and sorts every published
    // row of the table.
    if (SORT_NODE.test(plan)) {
      expect(plan).toMatch(/Index Scan using articles_column_lnk_ifk/);
      expect(plan).not.toMatch(/(Seq|Bitmap Heap) Scan on articles t0|articles_loc_pub_idx/);
    } else {
      expect(plan).toMatch(/articles_published_order_idx/);
    }
  });
});

describe('the count of a list by column', () => {
  it('finds the column’s rows through the link table, not by probing every published row', async () => {
    const plan = await planOf('/api/articles?column=notices', /count\(/i);
    expect(plan).not.toMatch(/CORRELATED|SubPlan/);
    // No de-duplication of item rows (Strapi's `SELECT DISTINCT t0.*` join); the column's own
    // rows may be (a Unique over two ids on PostgreSQL).
    expect(plan).not.toMatch(/DISTINCT|Sort Key: t0\.|Group Key: t0\./);
    expect(plan).not.toMatch(/Seq Scan on articles t0|SCAN t0\b/);
  });
});

describe('the same answers as before', () => {
  it.each([
    ['newest', '', null, 1],
    ['page 2', 'pagination[page]=2', null, 2],
    ['page 150', 'pagination[page]=150', null, 150],
    ['a column', 'column=notices', ['notices'], 1],
    ['a column, page 19', 'column=notices&pagination[page]=19', ['notices'], 19],
  ] as Array<[string, string, string[] | null, number]>)(
    '%s',
    async (_name, query, codes, page) => {
      const response = await request(app.http).get(`/api/articles?${query}`).expect(200);
      expect(response.body.data).toHaveLength(25);
      expect(ids(response.body)).toEqual(await oldList(codes, { page }));
    }
  );

  it('a column in another order (title, then id)', async () => {
    const response = await request(app.http)
      .get('/api/articles?column=notices&sort[0]=title:asc&sort[1]=id:asc&pagination[page]=3')
      .expect(200);
    expect(ids(response.body)).toEqual(
      await oldList(['notices'], { page: 3, sort: ['title:asc', 'id:asc'] })
    );
  });

  it('counts as before, never a draft', async () => {
    const all = await request(app.http).get('/api/articles').expect(200);
    expect(all.body.meta.pagination.total).toBe(PUBLISHED + 1);
    const notices = await request(app.http).get('/api/articles?column=notices').expect(200);
    expect(notices.body.meta.pagination.total).toBe(PUBLISHED / 10);
    const rules = await request(app.http).get('/api/articles?column=disclosure-rules').expect(200);
    expect(rules.body.meta.pagination.total).toBe(1);
    expect(JSON.stringify(rules.body)).not.toContain(BULK_NEVER_PUBLISHED);
  });

  it('includeSubColumns lists the sub-columns’ items too', async () => {
    const response = await request(app.http)
      .get('/api/articles?column=government-disclosure&includeSubColumns=true')
      .expect(200);
    const subColumns = (await app.strapi.documents('api::column.column').findMany({
      filters: {
        $or: [{ code: 'government-disclosure' }, { parent: { code: 'government-disclosure' } }],
      },
      status: 'published',
      fields: ['code'],
    })) as unknown as Array<{ code: string }>;
    expect(ids(response.body)).toEqual(await oldList(subColumns.map((column) => column.code)));
    expect(response.body.data.map((item: { title: string }) => item.title)).toContain('子栏目信息');
    expect(JSON.stringify(response.body)).not.toContain(BULK_NEVER_PUBLISHED);
  });

  it('a column republished (a new published row): its items are still listed by it', async () => {
    // Lists of published items follow only the links of published rows (Strapi 5 links a
    // published item to its column's published row): a republication must carry them over.
    const columns = app.strapi.documents('api::column.column');
    const [rules] = (await columns.findMany({
      filters: { code: 'disclosure-rules' },
      status: 'published',
      fields: ['name'],
    })) as unknown as Array<{ documentId: string; name: string; id: number }>;
    const before = await request(app.http).get('/api/articles?column=disclosure-rules').expect(200);
    expect(before.body.data.map((item: { title: string }) => item.title)).toContain('子栏目信息');
    await columns.update({
      documentId: rules.documentId,
      locale: 'zh-Hans',
      data: { name: rules.name } as never,
    });
    await columns.publish({ documentId: rules.documentId, locale: 'zh-Hans' });
    const [republished] = (await columns.findMany({
      filters: { code: 'disclosure-rules' },
      status: 'published',
    })) as unknown as Array<{ id: number }>;
    expect(republished.id).not.toBe(rules.id);
    const after = await request(app.http).get('/api/articles?column=disclosure-rules').expect(200);
    expect(ids(after.body)).toEqual(ids(before.body));
    expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total);
  });

  it('in English', async () => {
    const response = await request(app.http)
      .get('/api/articles?locale=en&column=work-news')
      .expect(200);
    expect(response.body.data.map((item: { title: string }) => item.title)).toEqual([
      'English item',
    ]);
    expect(ids(response.body)).toEqual(await oldList(['work-news'], { locale: 'en' }));
  });

  it('an unknown column is still a 400; an existing empty one is not', async () => {
    const unknown = await request(app.http).get('/api/articles?column=no-such-column').expect(400);
    expect(unknown.body.error.message).toBe('Unknown column "no-such-column".');
    const empty = await request(app.http).get('/api/articles?column=functions').expect(200);
    expect(empty.body.data).toEqual([]);
    const beyond = await request(app.http)
      .get('/api/articles?column=notices&pagination[page]=999')
      .expect(200);
    expect(beyond.body.data).toEqual([]);
  });

  it('an unpublished column’s code behaves as an unknown one, its items listed nowhere by it', async () => {
    const column = await columnId(app.strapi, 'surveys');
    await app.strapi.documents('api::column.column').unpublish({ documentId: column, locale: '*' });
    try {
      const response = await request(app.http).get('/api/articles?column=surveys').expect(400);
      expect(response.body.error.message).toBe('Unknown column "surveys".');
    } finally {
      await app.strapi.documents('api::column.column').publish({ documentId: column, locale: '*' });
    }
  });

  it('a parent column unpublished: its code is unknown with includeSubColumns too', async () => {
    const parent = await columnId(app.strapi, 'government-disclosure');
    await app.strapi
      .documents('api::column.column')
      .unpublish({ documentId: parent, locale: 'zh-Hans' });
    try {
      const response = await request(app.http)
        .get('/api/articles?column=government-disclosure&includeSubColumns=true')
        .expect(400);
      expect(response.body.error.message).toBe('Unknown column "government-disclosure".');
    } finally {
      await app.strapi
        .documents('api::column.column')
        .publish({ documentId: parent, locale: 'zh-Hans' });
    }
    const again = await request(app.http)
      .get('/api/articles?column=government-disclosure&includeSubColumns=true')
      .expect(200);
    expect(again.body.data.map((item: { title: string }) => item.title)).toContain('子栏目信息');
  });

  it('the catalogue tree is the one the Document Service gives', async () => {
    const department = await createPublished(app.strapi, 'api::department.department', {
      name: '办公室',
      code: 'BGS',
    });
    const notices = await columnId(app.strapi, 'notices');
    await app.strapi.documents('api::column.column').update({
      documentId: notices,
      locale: 'zh-Hans',
      data: { department } as never,
    });
    await app.strapi
      .documents('api::column.column')
      .publish({ documentId: notices, locale: 'zh-Hans' });
    for (const locale of ['zh-Hans', 'en']) {
      const rows = await app.strapi.documents('api::column.column').findMany({
        locale,
        status: 'published',
        fields: ['code', 'name', 'kind', 'sortOrder', 'updateClass', 'locale'],
        populate: { parent: { fields: ['code'] }, department: { fields: ['name', 'code'] } },
      });
      const response = await request(app.http)
        .get(`/api/columns/tree?locale=${locale}`)
        .expect(200);
      expect(response.body.data).toEqual(
        JSON.parse(JSON.stringify(buildColumnTree(rows as unknown as ColumnRow[])))
      );
    }
    const tree = await request(app.http).get('/api/columns/tree').expect(200);
    const node = tree.body.data.find((column: { code: string }) => column.code === 'notices');
    expect(node.department).toMatchObject({ name: '办公室', code: 'BGS' });
    await request(app.http).get('/api/columns/tree?locale=fr').expect(400);
  });
});

describe('the published-order index', () => {
  it('survives a restart (Strapi’s schema sync leaves it) and is recreated when missing', async () => {
    const { database } = app;
    await knex.raw('DROP INDEX policy_documents_published_order_idx');
    await stopApp(app, { keepDatabase: true });
    app = await bootApp({ database, env: COLD });
    knex = app.strapi.db.connection as unknown as Knex;
    const names = pg
      ? (await knex('pg_indexes').where('indexname', 'like', '%_published_order_idx')).map(
          (row: { indexname: string }) => row.indexname
        )
      : (await knex('sqlite_master').where('name', 'like', '%_published_order_idx')).map(
          (row: { name: string }) => row.name
        );
    expect(names.sort()).toEqual(
      [
        'annual_reports',
        'articles',
        'meetings',
        'policy_documents',
        'policy_interpretations',
        'website_reports',
      ].map((table) => `${table}_published_order_idx`)
    );
  }, 120_000);

  it('the default locale is read again once it changes', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    await request(app.http).get('/api/articles?pagination[pageSize]=1').expect(200);
    await locales.setDefaultLocale({ code: 'en' });
    try {
      const response = await request(app.http).get('/api/articles').expect(200);
      expect(response.body.data.map((item: { title: string }) => item.title)).toEqual([
        'English item',
      ]);
    } finally {
      await locales.setDefaultLocale({ code: 'zh-Hans' });
    }
    const back = await request(app.http).get('/api/articles?pagination[pageSize]=1').expect(200);
    expect(back.body.data[0].title).toBe('子栏目信息');
  });
});
