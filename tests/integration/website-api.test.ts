import request from 'supertest';
import { columnId, createApiToken, createDraft, createPublished } from '../helpers/content';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';

let app: TestApp;
const ids: Record<string, string> = {};

const titles = (body: { data: Array<{ title: string }> }) => body.data.map((item) => item.title);

beforeAll(async () => {
  app = await bootApp();
  const { strapi } = app;
  const department = await createPublished(strapi, 'api::department.department', {
    name: '办公室',
    code: 'BGS',
  });
  const article = async (title: string, column: string, firstPublishedAt: string) =>
    createPublished(
      strapi,
      ARTICLE,
      { title, column: await columnId(strapi, column), department },
      { firstPublishedAt: new Date(firstPublishedAt) }
    );
  ids.newsOld = await article('一月动态', 'work-news', '2018-01-10T09:00:00+08:00');
  ids.newsNew = await article('三月动态', 'work-news', '2018-03-10T09:00:00+08:00');
  ids.plan = await article('年度计划', 'plans', '2018-02-01T09:00:00+08:00');
  ids.notice = await article('通知原文', 'notices', '2018-04-01T09:00:00+08:00');
  // An unreviewed edit of a published item: the draft differs from what the public sees.
  await strapi.documents(ARTICLE).update({
    documentId: ids.notice,
    locale: 'zh-Hans',
    data: { title: '未发布的修改' } as never,
  });
  ids.draft = await createDraft(strapi, ARTICLE, {
    title: '从未发布的草稿',
    column: await columnId(strapi, 'work-news'),
  });
  ids.english = await createPublished(
    strapi,
    ARTICLE,
    { title: 'English news', column: await columnId(strapi, 'work-news') },
    { locale: 'en', firstPublishedAt: new Date('2018-05-01T00:00:00Z') }
  );
  ids.policy = await createPublished(strapi, 'api::policy-document.policy-document', {
    title: '备案管理办法',
    issuingAuthority: '示范市工业和信息化局',
    dateWritten: '2018-03-12',
    documentKind: 'normative',
    column: await columnId(strapi, 'department-documents'),
  });
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('published-only reads', () => {
  it('lists only published items, newest first publication first', async () => {
    const response = await request(app.http).get('/api/articles').expect(200);
    expect(titles(response.body)).toEqual(['通知原文', '三月动态', '年度计划', '一月动态']);
    expect(response.body.data[0]).toHaveProperty('firstPublishedAt');
    expect(response.body.data[0]).not.toHaveProperty('createdBy');
  });

  it('refuses ?status=draft to the Public role with a 403 that says why, and shows no draft', async () => {
    const response = await request(app.http).get('/api/articles?status=draft').expect(403);
    expect(response.body.data).toBeNull();
    expect(response.body.error.message).toBe(
      'Drafts are not available through the public API: only published content can be read.'
    );
    expect(JSON.stringify(response.body)).not.toContain('从未发布的草稿');
  });

  it('refuses ?status=draft on a single item and on populated lists too', async () => {
    await request(app.http).get(`/api/articles/${ids.draft}?status=draft`).expect(403);
    await request(app.http).get('/api/articles?status=draft&populate=column').expect(403);
    await request(app.http).get('/api/columns/tree?status=draft').expect(400);
  });

  it('answers 404 for an item that was never published', async () => {
    await request(app.http).get(`/api/articles/${ids.draft}`).expect(404);
  });

  it('shows the published version of an item with an unpublished edit', async () => {
    const response = await request(app.http).get(`/api/articles/${ids.notice}`).expect(200);
    expect(response.body.data.title).toBe('通知原文');
  });

  it('refuses drafts to a read-only API token as well', async () => {
    const token = await createApiToken(app.strapi, 'read-only');
    await request(app.http)
      .get('/api/articles?status=draft')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    const response = await request(app.http)
      .get('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(titles(response.body)).not.toContain('从未发布的草稿');
    expect(titles(response.body)).not.toContain('未发布的修改');
  });

  it('lets a full-access token (a trusted preview integration) read drafts', async () => {
    const token = await createApiToken(app.strapi, 'full-access');
    const response = await request(app.http)
      .get('/api/articles?status=draft')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(titles(response.body)).toContain('从未发布的草稿');
  });
});

describe('lists by column', () => {
  it('filters by a column code', async () => {
    const response = await request(app.http).get('/api/articles?column=work-news').expect(200);
    expect(titles(response.body)).toEqual(['三月动态', '一月动态']);
  });

  it("includes the sub-columns' items only when asked", async () => {
    const own = await request(app.http).get('/api/articles?column=government-disclosure');
    expect(own.status).toBe(200);
    expect(own.body.data).toEqual([]);
    const withSubs = await request(app.http)
      .get('/api/articles?column=government-disclosure&includeSubColumns=true')
      .expect(200);
    expect(titles(withSubs.body)).toEqual(['年度计划']);
    const policies = await request(app.http)
      .get('/api/policy-documents?column=government-disclosure&includeSubColumns=true')
      .expect(200);
    expect(titles(policies.body)).toEqual(['备案管理办法']);
  });

  it('combines the column with other filters and a caller-given sort', async () => {
    const response = await request(app.http)
      .get('/api/articles?column=work-news&filters[title][$contains]=三月&sort=title:asc')
      .expect(200);
    expect(titles(response.body)).toEqual(['三月动态']);
  });

  it('answers an unknown column code with a 400', async () => {
    const response = await request(app.http).get('/api/articles?column=no-such-column').expect(400);
    expect(response.body.error.message).toBe('Unknown column "no-such-column".');
  });

  it('paginates', async () => {
    const response = await request(app.http)
      .get('/api/articles?pagination[page]=2&pagination[pageSize]=3')
      .expect(200);
    expect(titles(response.body)).toEqual(['一月动态']);
    expect(response.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
  });
});

describe('database indexes', () => {
  it('has the (locale, first publication) and (locale, publication) indexes on every item table', async () => {
    const knex = app.strapi.db.connection;
    const indexesOf = async (table: string): Promise<string[]> => {
      if (app.strapi.db.dialect.client === 'postgres') {
        const result = await knex.raw('SELECT indexname FROM pg_indexes WHERE tablename = ?', [
          table,
        ]);
        return result.rows.map((row: { indexname: string }) => row.indexname);
      }
      const rows = await knex.raw(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
        [table]
      );
      return rows.map((row: { name: string }) => row.name);
    };
    for (const table of [
      'articles',
      'policy_documents',
      'policy_interpretations',
      'meetings',
      'annual_reports',
      'website_reports',
    ]) {
      expect(await indexesOf(table)).toEqual(
        expect.arrayContaining([`${table}_loc_first_pub_idx`, `${table}_loc_pub_idx`])
      );
    }
    // The review figures of the yearly statistics read these by date.
    expect(await indexesOf('disclosure_audit_entries')).toContain('disclosure_audit_at_idx');
    expect(await indexesOf('disclosure_reviews')).toContain('disclosure_reviews_published_idx');
  });
});

describe('locales', () => {
  it('serves zh-Hans by default and English with ?locale=en', async () => {
    const english = await request(app.http).get('/api/articles?locale=en').expect(200);
    expect(titles(english.body)).toEqual(['English news']);
    const chinese = await request(app.http).get('/api/articles').expect(200);
    expect(titles(chinese.body)).not.toContain('English news');
  });
});

describe('bad query parameters', () => {
  it.each([
    ['/api/articles?sort=nope', 'Invalid key nope'],
    ['/api/articles?filters[nope]=1', 'Invalid key nope'],
    ['/api/articles?populate=nope', 'Invalid key nope'],
    ['/api/articles?fields=nope', 'Invalid key nope'],
    ['/api/articles?where[id][$lt]=1', 'Invalid key where'],
    ['/api/articles?locale=xx', 'Unknown locale "xx". Available locales: en, zh-Hans.'],
    [
      '/api/articles?pagination[pageSize]=-5',
      'Invalid "pagination[pageSize]": use an integer from 1 to 100.',
    ],
    [
      '/api/articles?pagination[pageSize]=500',
      'Invalid "pagination[pageSize]": use an integer from 1 to 100.',
    ],
    [
      '/api/articles?pagination[page]=abc',
      'Invalid "pagination[page]": use an integer from 1 to 1000000.',
    ],
    [
      '/api/articles?pagination=5',
      'Invalid "pagination": use pagination[page]=1&pagination[pageSize]=25.',
    ],
    ['/api/articles?column[]=a', 'Invalid "column": give one column code, e.g. column=work-news.'],
    ['/api/articles?includeSubColumns=true', '"includeSubColumns" needs a "column".'],
    [
      '/api/policy-documents?column=plans&includeSubColumns=1',
      'Invalid "includeSubColumns": use true or false.',
    ],
    ['/api/columns/tree?locale[]=en', 'Invalid "locale": give one locale code, e.g. zh-Hans.'],
  ])('GET %s is a 400: %s', async (url, message) => {
    const response = await request(app.http).get(url).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toBe(message);
  });

  it('does not let a filter reach private fields such as the author’s email', async () => {
    const response = await request(app.http).get(
      '/api/articles?filters[createdBy][email][$startsWith]=a'
    );
    expect(response.status).toBe(400);
  });
});

describe('the Public role', () => {
  const TYPES = [
    'column',
    'department',
    'article',
    'policy-document',
    'policy-interpretation',
    'meeting',
    'leader',
    'annual-report',
    'website-report',
  ];
  const EXPECTED = [
    ...TYPES.flatMap((type) => [`api::${type}.${type}.find`, `api::${type}.${type}.findOne`]),
    'api::organisation-profile.organisation-profile.find',
    'api::disclosure-guide.disclosure-guide.find',
    // The service guide (办事指南) of the disclosure plugin: published items only.
    'plugin::disclosure.service-guide.find',
    'plugin::disclosure.service-guide.findOne',
  ].sort();

  it('holds exactly the read actions of the public types', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = (role.permissions as Array<{ action: string }>).map((p) => p.action).sort();
    expect(actions).toEqual(EXPECTED);
  });

  it.each([
    ['post', '/api/articles'],
    ['put', '/api/articles/x'],
    ['delete', '/api/articles/x'],
    ['put', '/api/disclosure-guide'],
    ['get', '/api/users'],
    ['post', '/api/auth/local/register'],
    ['get', '/api/upload/files'],
    ['get', '/api/i18n/locales'],
  ] as const)('may not %s %s', async (method, url) => {
    const agent = request(app.http);
    const response = await agent[method](url).send({ data: { title: 'x' } });
    expect(response.status).toBe(403);
  });

  it('reads the single types once they are published', async () => {
    await request(app.http).get('/api/disclosure-guide').expect(404);
    await createPublished(app.strapi, 'api::disclosure-guide.disclosure-guide', {
      title: '政府信息公开指南',
    });
    const response = await request(app.http).get('/api/disclosure-guide').expect(200);
    expect(response.body.data.title).toBe('政府信息公开指南');
  });
});
