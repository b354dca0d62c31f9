/**
 * What the website's public API must never tell an outsider: text that was never cleared for
 * publication (pending edits, never-published items, unpublished locales) through any filter,
 * sort, populate, locale or count; admin fields; writes; and bad input must be a 4xx that leaves
 * the server healthy. Every probe states the exact answer the public must get.
 */
import request from 'supertest';
import { createApiToken, createPublished } from '../helpers/content';
import {
  NEVER_PUBLISHED,
  PUBLIC_COLLECTIONS,
  seedNeverPublished,
  type TypeFixture,
} from '../helpers/never-published';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let fixtures: Record<string, TypeFixture>;
let readOnlyToken: string;

/** A separately hosted admin panel, named in CORS_ADMIN_ORIGINS. */
const ADMIN_ORIGIN = 'https://admin.bureau.example';

beforeAll(async () => {
  app = await bootApp({ env: { CORS_ADMIN_ORIGINS: ADMIN_ORIGIN } });
  fixtures = await seedNeverPublished(app.strapi);
  readOnlyToken = await createApiToken(app.strapi, 'read-only');
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const LOCALIZATIONS_REFUSED =
  'The public API does not filter or sort by "localizations": read each language with ?locale=.';

interface Answer {
  status: number;
  body: {
    data: unknown;
    error?: { status: number; name: string; message: string };
    meta?: unknown;
  };
  text: string;
}

async function get(url: string, token?: string): Promise<Answer> {
  const call = request(app.http).get(url);
  if (token) call.set('Authorization', `Bearer ${token}`);
  const response = await call;
  return { status: response.status, body: response.body, text: response.text };
}

/** The answer leaks nothing that was never published. */
function expectNoNeverPublished(answer: Answer) {
  expect(answer.text).not.toContain(NEVER_PUBLISHED);
}

function expectRefused(answer: Answer, status: number, message: string) {
  expect({
    status: answer.status,
    error: answer.body.error?.message,
    data: answer.body.data,
  }).toEqual({ status, error: message, data: null });
  expectNoNeverPublished(answer);
}

const q = encodeURIComponent;

describe.each(PUBLIC_COLLECTIONS.map((type) => [type.path, type] as const))(
  '/api/%s: never-published text through localizations',
  (path, type) => {
    const f = () => fixtures[path];
    const field = type.text;
    const shapes: Array<[string, () => string]> = [
      [
        '$eq on a pending edit',
        () => `filters[localizations][${field}][$eq]=${q(f().markers.edit)}`,
      ],
      [
        '$eq on an unpublished locale',
        () => `filters[localizations][${field}][$eq]=${q(f().markers.en)}`,
      ],
      [
        '$startsWith letter by letter',
        () => `filters[localizations][${field}][$startsWith]=${NEVER_PUBLISHED}`,
      ],
      ['$contains', () => `filters[localizations][${field}][$contains]=EDIT`],
      ['$containsi', () => `filters[localizations][${field}][$containsi]=edit`],
      ['a locale that exists only as a draft', () => 'filters[localizations][locale][$eq]=en'],
      ['any id (counts drafts)', () => 'filters[localizations][id][$gt]=0'],
      ['documentId', () => `filters[localizations][documentId][$eq]=${f().published}`],
      ['publishedAt $null', () => 'filters[localizations][publishedAt][$null]=true'],
      ['inside $or', () => `filters[$or][0][localizations][${field}][$eq]=${q(f().markers.edit)}`],
      [
        'inside $and',
        () => `filters[$and][0][localizations][${field}][$eq]=${q(f().markers.edit)}`,
      ],
      ['inside $not', () => `filters[$not][localizations][${field}][$eq]=${q(f().markers.edit)}`],
      [
        'nested $or in $and',
        () => `filters[$and][0][$or][0][localizations][${field}][$eq]=${q(f().markers.edit)}`,
      ],
      [
        'localizations of localizations',
        () => `filters[localizations][localizations][${field}][$eq]=${q(f().markers.edit)}`,
      ],
      ['sort by a localization', () => `sort[0]=localizations.${field}:asc`],
      ['sort object', () => `sort[localizations][${field}]=asc`],
      [
        'populate with a filter',
        () => `populate[localizations][filters][${field}][$eq]=${q(f().markers.edit)}`,
      ],
      [
        'populate sorted by a localization',
        () => `populate[localizations][sort][0]=localizations.${field}`,
      ],
    ];
    for (const relation of type.relations) {
      shapes.push(
        [`through ${relation}`, () => `filters[${relation}][localizations][locale][$eq]=en`],
        [
          `through ${relation} in $or`,
          () => `filters[$or][0][${relation}][localizations][id][$gt]=0`,
        ],
        [
          `populate ${relation} filtered by localizations`,
          () => `populate[${relation}][filters][localizations][id][$gt]=0`,
        ],
        [
          `populate ${relation}.localizations filtered`,
          () => `populate[${relation}][populate][localizations][filters][id][$gt]=0`,
        ]
      );
    }
    it.each(shapes)('refuses %s with a 400 that names localizations', async (_name, query) => {
      expectRefused(await get(`/api/${path}?${query()}`), 400, LOCALIZATIONS_REFUSED);
    });

    it('refuses localizations on a single item too', async () => {
      expectRefused(
        await get(`/api/${path}/${f().published}?filters[localizations][id][$gt]=0`),
        400,
        LOCALIZATIONS_REFUSED
      );
    });

    it.each([
      'populate[localizations]=true',
      'populate[localizations][populate]=*',
      `populate[localizations][fields][0]=${field}`,
      'populate=*',
    ])('populates with %s only the published languages (none here)', async (query) => {
      const answer = await get(`/api/${path}/${f().published}?${query}`);
      expect(answer.status).toBe(200);
      expectNoNeverPublished(answer);
      const data = answer.body.data as { localizations?: unknown[] };
      if (query !== 'populate=*' || data.localizations) expect(data.localizations).toEqual([]);
    });

    it('refuses localizations to a read-only token as well', async () => {
      expectRefused(
        await get(
          `/api/${path}?filters[localizations][${field}][$eq]=${q(f().markers.edit)}`,
          readOnlyToken
        ),
        400,
        LOCALIZATIONS_REFUSED
      );
    });
  }
);

describe.each(PUBLIC_COLLECTIONS.map((type) => [type.path, type] as const))(
  '/api/%s: drafts, pending edits and unpublished locales',
  (path, type) => {
    const f = () => fixtures[path];
    const field = type.text;
    const total = (answer: Answer) =>
      (answer.body.meta as { pagination: { total: number } }).pagination.total;

    it.each([
      ['the pending edit', () => f().markers.edit],
      ['the never-published item', () => f().markers.never],
      ['the unpublished English version', () => f().markers.en],
    ])('finds nothing when filtering on the exact text of %s', async (_name, marker) => {
      const answer = await get(`/api/${path}?filters[${field}][$eq]=${q(marker())}`);
      expect({ status: answer.status, total: total(answer), data: answer.body.data }).toEqual({
        status: 200,
        total: 0,
        data: [],
      });
    });

    it.each(['zh-Hans', 'en', '*'])(
      'counts no never-published row with locale=%s',
      async (locale) => {
        const answer = await get(
          `/api/${path}?locale=${q(locale)}&filters[${field}][$startsWith]=${NEVER_PUBLISHED}`
        );
        expect({ status: answer.status, total: total(answer) }).toEqual({ status: 200, total: 0 });
      }
    );

    it('shows the published text of an item with a pending edit', async () => {
      const answer = await get(`/api/${path}/${f().published}`);
      expect(answer.status).toBe(200);
      expect((answer.body.data as Record<string, unknown>)[field]).toBe(f().publishedText);
      expectNoNeverPublished(answer);
    });

    it.each([
      ['never published', () => `/api/${path}/${fixtures[path].never}`],
      ['never published, in en', () => `/api/${path}/${fixtures[path].never}?locale=en`],
      [
        'published in zh-Hans only, asked in en',
        () => `/api/${path}/${fixtures[path].published}?locale=en`,
      ],
    ])('answers 404 for an item %s', async (_name, url) => {
      expectRefused(await get(url()), 404, 'Not Found');
    });

    it.each([
      'status=draft',
      'status[0]=draft',
      'status=DRAFT',
      'status=modified',
      'status=draft&locale=en',
      'status=draft&populate=*',
      'status[$eq]=draft',
    ])('refuses %s with a 403', async (query) => {
      const answer = await get(`/api/${path}?${query}`);
      expect(answer.status).toBe(403);
      expectNoNeverPublished(answer);
    });

    it.each([
      'hasPublishedVersion=false',
      'hasPublishedVersion=true',
      'publicationFilter=never-published-document',
      'publicationFilter=modified',
      'populate=*',
      'locale=en&populate=*',
      `sort=${field}:asc&pagination[pageSize]=100`,
      `fields[0]=${field}&fields[1]=updatedAt`,
    ])('lists no never-published text with %s', async (query) => {
      const answer = await get(`/api/${path}?${query}`);
      expect(answer.status).toBeLessThan(500);
      expectNoNeverPublished(answer);
    });
  }
);

describe('the catalogue tree and single types', () => {
  it.each(['zh-Hans', 'en'])(
    'the tree in %s shows no never-published column or name',
    async (locale) => {
      const answer = await get(`/api/columns/tree?locale=${locale}`);
      expect(answer.status).toBe(200);
      expectNoNeverPublished(answer);
    }
  );

  describe.each([
    ['organisation-profile', 'name'],
    ['disclosure-guide', 'title'],
  ])('/api/%s', (path, field) => {
    const uid = `api::${path}.${path}`;
    const publishedText = `公开-${path}`;
    beforeAll(async () => {
      const documentId = await createPublished(app.strapi, uid as never, {
        [field]: publishedText,
      });
      await app.strapi.documents(uid as never).update({
        documentId,
        locale: 'zh-Hans',
        data: { [field]: `${NEVER_PUBLISHED}-SINGLE` },
      } as never);
    });

    it.each(['', '?populate=*', '?locale=zh-Hans'])(
      'serves the published text with "%s"',
      async (query) => {
        const answer = await get(`/api/${path}${query}`);
        expect(answer.status).toBe(200);
        expect((answer.body.data as Record<string, unknown>)[field]).toBe(publishedText);
        expectNoNeverPublished(answer);
      }
    );

    it.each(['?status=draft', '?status[0]=draft', '?status=draft&locale=en'])(
      'refuses "%s" with a 403',
      async (query) => {
        const answer = await get(`/api/${path}${query}`);
        expect(answer.status).toBe(403);
        expectNoNeverPublished(answer);
      }
    );

    it.each(['fields=', 'fields[0]=', `filters[0][${field}]=x`, 'sort=.', 'filters[$and]=x'])(
      'answers "%s" with a 400, not a 500',
      async (query) => {
        const answer = await get(`/api/${path}?${query}`);
        expect({ status: answer.status, name: answer.body.error?.name }).toEqual({
          status: 400,
          name: 'ValidationError',
        });
      }
    );

    it('answers 404 in a language it was never published in', async () => {
      expectRefused(await get(`/api/${path}?locale=en`), 404, 'Not Found');
    });
  });
});

describe.each(PUBLIC_COLLECTIONS.map((type) => [type.path, type] as const))(
  '/api/%s: admin fields and writes',
  (path, type) => {
    it.each([
      'filters[createdBy][email][$startsWith]=a',
      'filters[updatedBy][password][$startsWith]=$',
      'filters[createdBy][resetPasswordToken][$null]=false',
      'sort=createdBy.email:asc',
      'populate[createdBy]=true',
      'fields[0]=createdBy',
    ])('refuses %s with a 400', async (query) => {
      const answer = await get(`/api/${path}?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.text).not.toMatch(/@|\$2[aby]\$/);
    });

    it.each(['post', 'put', 'delete'] as const)(
      'refuses an anonymous %s with a 403 and changes nothing',
      async (method) => {
        const item = `/api/${path}/${fixtures[path].published}`;
        const call = send(method, method === 'post' ? `/api/${path}` : item);
        const response = await call.send({ data: { [type.text]: 'changed', name: 'changed' } });
        expect({ status: response.status, data: response.body.data }).toEqual({
          status: 403,
          data: null,
        });
        const after = await get(item);
        expect((after.body.data as Record<string, unknown>)[type.text]).toBe(
          fixtures[path].publishedText
        );
      }
    );
  }
);

describe('role escalation from outside', () => {
  it.each([
    ['post', '/api/auth/local/register'],
    ['post', '/api/auth/local'],
    ['get', '/api/users'],
    ['get', '/api/users/me'],
    ['get', '/api/users-permissions/roles'],
    ['get', '/api/upload/files'],
    ['post', '/api/upload'],
    ['get', '/api/i18n/locales'],
    ['get', '/api/disclosure/statistics?year=2018'],
    ['get', '/api/disclosure/statistics/records?figure=reviews.withheld'],
  ] as const)('refuses %s %s to an anonymous caller', async (method, url) => {
    const response = await request(app.http)[method](url).send({
      username: 'x',
      email: 'x@example.com',
      password: 'Password1!',
      identifier: 'x@example.com',
    });
    expect({ status: response.status, data: response.body.data }).toEqual({
      status: 403,
      data: null,
    });
    expect(response.text).not.toContain('jwt');
  });
});

describe.each(PUBLIC_COLLECTIONS.map((type) => [type.path, type] as const))(
  '/api/%s: bad input is a 400 and the server stays healthy',
  (path, type) => {
    const field = type.text;
    const relation = type.relations[0] ?? 'createdBy';
    const deep = `filters${'[$and][0]'.repeat(40)}[${field}][$eq]=x`;
    it.each([
      [`filters[${field}][$eq][$ne]=x`, 'an operator inside $eq'],
      [`filters[${field}][$between]=x`, '$between without two values'],
      [
        `filters[${field}][$between][0]=a&filters[${field}][$between][1]=b&filters[${field}][$between][2]=c`,
        '$between with three values',
      ],
      ['filters[$and]=x', '$and not a list'],
      ['filters[$or][0]=x', '$or of a string'],
      ['filters[$not]=x', '$not of a string'],
      [`filters[${field}][$in][0][$eq]=x`, 'an object in $in'],
      [`filters[${field}][$null]=maybe`, '$null not a boolean'],
      [`filters[${field}][$foo]=x`, 'an unknown operator'],
      ['filters[id][$eq]=abc', 'an id that is not a number'],
      ['filters[id][$in][0]=abc', 'an id list with a word'],
      ['filters[id][$gt]=1e400', 'an id beyond any number'],
      ['filters[createdAt][$gt]=not-a-date', 'a date that is not a date'],
      [`filters[${relation}][$eq][$ne]=x`, 'an operator on a relation'],
      [`filters[${relation}][$eq]=x`, 'a relation compared to a word'],
      [`populate[${relation}][filters][id][$eq][$ne]=x`, 'a bad filter inside populate'],
      [`filters[${field}][$eq]=a%00b`, 'a NUL byte in a filter'],
      [`filters[${field}%00][$eq]=x`, 'a NUL byte in a key'],
      [`sort=${field}:sideways`, 'an unknown sort order'],
      ['pagination[page]=99999999999999999999', 'a page beyond any number'],
      ['pagination[page]=1e2', 'a page in exponent notation'],
      ['pagination[pageSize]=0x10', 'a page size in hex'],
      ['locale[0]=en&locale[1]=zh-Hans', 'two locales'],
      ['locale=%00', 'a NUL locale'],
      [deep, 'filters nested 40 deep'],
      ['sort=.', 'an empty sort path'],
      ['fields=', 'an empty field name'],
      [`filters[0][${field}]=x`, 'a bare list of conditions'],
      [`sort=${field}.`, 'a sort path ending in a dot'],
      [`sort=.${field}`, 'a sort path starting with a dot'],
      ['sort[0]=.', 'an empty sort path in a list'],
      [`sort[${field}]=sideways`, 'an unknown order in a sort object'],
      [`populate[${relation}][sort]=.`, 'an empty sort path inside populate'],
      ['filters[id][$eq]=999999999999999999', 'an id beyond a 32-bit integer'],
      ['filters[id][$in][0]=2147483648', 'an id list beyond a 32-bit integer'],
      ['filters[createdAt][$gt]=0000-01-01T00:00:00Z', 'the year 0'],
    ])('%s (%s) → 400', async (query) => {
      const answer = await get(`/api/${path}?${query}`);
      expect({ status: answer.status, name: answer.body.error?.name }).toEqual({
        status: 400,
        name: 'ValidationError',
      });
      expectNoNeverPublished(answer);
    });

    it.each([
      ['metadata', `filters[metadata][indexNumber][$eq][$gt]=x`],
      ['metadata', `filters[metadata][disclosureMode][$in]=proactive`],
      ['sortOrder', 'filters[sortOrder][$gt]=abc'],
      ['heldAt', 'filters[heldAt][$lt]=yesterday'],
      ['dateWritten', 'filters[dateWritten][$eq]=2018-13-45'],
      ['dateWritten', 'filters[dateWritten][$eq]=0000-01-01'],
      ['metadata', 'filters[metadata][dateFormed][$eq]=0000-01-01'],
      ['sortOrder', 'filters[sortOrder][$eq]=99999999999'],
    ])('a bad %s filter → 400 where the type has the field', async (attribute, query) => {
      const attributes = app.strapi.contentType(type.uid as never).attributes as Record<
        string,
        unknown
      >;
      if (!(attribute in attributes)) return;
      const answer = await get(`/api/${path}?${query}`);
      expect({ status: answer.status, name: answer.body.error?.name }).toEqual({
        status: 400,
        name: 'ValidationError',
      });
    });

    it.each([`/api/${path}/%00`, `/api/${path}/abc%00def`, `/api/${path}?fields[0]=%00`])(
      '%s → 400',
      async (url) => {
        const answer = await get(url);
        expect(answer.status).toBe(400);
      }
    );

    afterAll(async () => {
      await request(app.http).get('/_health').expect(204);
    });
  }
);

describe('CORS', () => {
  const login = async () => {
    const response = await request(app.http)
      .post('/admin/login')
      .send({ email: 'cors@probe.test', password: 'Cors2018!Password' })
      .expect(200);
    return (response.headers['set-cookie'] as unknown as string[])
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  let cookie: string;
  beforeAll(async () => {
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      email: 'cors@probe.test',
      password: 'Cors2018!Password',
      firstname: 'Cors',
      lastname: 'Probe',
      isActive: true,
      roles: [superAdmin.id],
    });
    cookie = await login();
  });

  const corsHeaders = (response: request.Response) => ({
    origin: response.headers['access-control-allow-origin'],
    credentials: response.headers['access-control-allow-credentials'],
  });

  it.each([
    'https://evil.example',
    'null',
    'https://admin.bureau.example.evil.example',
    'http://admin.bureau.example',
  ])('gives a page from %s no admin access token it could read', async (origin) => {
    const response = await request(app.http)
      .post('/admin/access-token')
      .set('Origin', origin)
      .set('Cookie', cookie)
      .send({});
    expect(corsHeaders(response)).toEqual({ origin: undefined, credentials: undefined });
  });

  it.each([
    '/admin/access-token',
    '/admin/login',
    '/content-manager/content-types',
    '/disclosure/queue',
    '/upload/files',
  ])('answers a preflight for %s from another origin without allowing it', async (path) => {
    const response = await request(app.http)
      .options(path)
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(corsHeaders(response)).toEqual({ origin: undefined, credentials: undefined });
  });

  it("lets the admin panel's own named origin refresh its token with credentials", async () => {
    const response = await request(app.http)
      .post('/admin/access-token')
      .set('Origin', ADMIN_ORIGIN)
      .set('Cookie', await login())
      .send({})
      .expect(200);
    expect(corsHeaders(response)).toEqual({ origin: ADMIN_ORIGIN, credentials: 'true' });
    expect(typeof response.body.data.token).toBe('string');
  });

  it.each([
    ['a save', 'put'],
    ['a new item', 'post'],
  ] as const)(
    'refuses a NUL in %s through the Content Manager with a 400, changing nothing',
    async (_name, method) => {
      const token = (
        await request(app.http)
          .post('/admin/login')
          .send({ email: 'cors@probe.test', password: 'Cors2018!Password' })
          .expect(200)
      ).body.data.token as string;
      const { published, publishedText } = fixtures.articles;
      const base = '/content-manager/collection-types/api::article.article';
      const call =
        method === 'put'
          ? request(app.http).put(`${base}/${published}?locale=zh-Hans`)
          : request(app.http).post(`${base}?locale=zh-Hans`);
      const response = await call
        .set('Authorization', `Bearer ${token}`)
        .send({ title: 'a\u0000b', metadata: { disclosureMode: 'proactive' } });
      expect({ status: response.status, error: response.body.error }).toEqual({
        status: 400,
        error: {
          status: 400,
          name: 'ValidationError',
          message: 'A NUL character (\\u0000) is not allowed in the field "title".',
          details: { field: 'title' },
        },
      });
      const draft = await app.strapi
        .documents('api::article.article')
        .findOne({ documentId: published, locale: 'zh-Hans' });
      expect(draft?.title).toBe(fixtures.articles.markers.edit);
      expect(publishedText).toBe('公开-ARTICLES');
    }
  );

  it('lets any website read the public API, without credentials', async () => {
    const response = await request(app.http)
      .get('/api/articles')
      .set('Origin', 'https://www.bureau.example')
      .expect(200);
    expect(corsHeaders(response)).toEqual({
      origin: 'https://www.bureau.example',
      credentials: undefined,
    });
  });
});

/** A request by method name, without the computed-member form prettier splits across lines. */
const send = (method: 'get' | 'post' | 'put' | 'delete', url: string) => {
  const agent = request(app.http);
  return method === 'get'
    ? agent.get(url)
    : method === 'post'
      ? agent.post(url)
      : method === 'put'
        ? agent.put(url)
        : agent.delete(url);
};

describe('files and the entries they are attached to', () => {
  const RELATED_REFUSED =
    'The public API does not follow "related" (every entry a file is attached to, drafts included): read the items themselves.';
  const MEDIA_REFUSED =
    'The media library is not public: files reach the website through the published items that use them.';
  let published: string;
  let fileId: number;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const { strapi } = app;
    const file = await strapi.db.query('plugin::upload.file').create({
      data: {
        name: 'public-attachment.pdf',
        hash: 'public_attachment_probe',
        ext: '.pdf',
        mime: 'application/pdf',
        size: 1.2,
        url: '/uploads/public_attachment_probe.pdf',
        provider: 'local',
      },
    });
    fileId = file.id as number;
    published = await createPublished(strapi, 'api::article.article', {
      title: '附件公开稿',
      attachments: [fileId],
    });
    await strapi.documents('api::article.article').update({
      documentId: published,
      locale: 'zh-Hans',
      data: { title: `${NEVER_PUBLISHED}-FILE-EDIT` } as never,
    });
    await strapi.documents('api::article.article').create({
      locale: 'zh-Hans',
      data: {
        title: `${NEVER_PUBLISHED}-FILE-DRAFT`,
        attachments: [fileId],
        metadata: { disclosureMode: 'proactive' },
      } as never,
    });
    tokens['read-only'] = readOnlyToken;
    tokens['full-access'] = await createApiToken(strapi, 'full-access');
    tokens.custom = (
      await strapi.service('admin::api-token').create({
        name: 'custom upload probe',
        description: '',
        type: 'custom',
        lifespan: null,
        permissions: [
          'plugin::upload.content-api.find',
          'plugin::upload.content-api.findOne',
          'plugin::upload.content-api.upload',
          'plugin::upload.content-api.destroy',
          'api::article.article.find',
          'api::article.article.findOne',
          'api::article.article.create',
          'api::article.article.update',
          'api::article.article.delete',
        ],
      })
    ).accessKey as string;
  });

  it.each([
    'populate[attachments][populate]=related',
    'populate[attachments][populate][related]=true',
    'populate[attachments][populate]=*',
    'populate[attachments][populate][0]=related',
  ])('refuses %s with a 400 on the list and the item', async (query) => {
    expectRefused(await get(`/api/articles?${query}`), 400, RELATED_REFUSED);
    expectRefused(await get(`/api/articles/${published}?${query}`), 400, RELATED_REFUSED);
    expectRefused(await get(`/api/articles?${query}`, readOnlyToken), 400, RELATED_REFUSED);
  });

  // Shapes Strapi's own query validation already refuses, each with its own sentence.
  it.each([
    ['populate=attachments.related', 'Invalid key attachments'],
    ['populate[0]=attachments.related', 'Invalid key attachments'],
    ['populate[attachments][populate][*]=true', 'Invalid key * at attachments'],
    ['filters[attachments][related][id][$gt]=0', 'Invalid key related at attachments.related'],
    ['sort=attachments.related.title:asc', 'Invalid key related at attachments.related'],
  ])("refuses %s with Strapi's own 400", async (query, message) => {
    expectRefused(await get(`/api/articles?${query}`), 400, message);
  });

  // Shapes Strapi's sanitiser answers without `related` at all.
  it.each([
    'populate[attachments][populate][related][populate]=*',
    'populate[attachments][populate][related][fields][0]=title',
  ])('answers %s without any related entry', async (query) => {
    const answer = await get(`/api/articles/${published}?${query}`);
    expect(answer.status).toBe(200);
    const [file] = (answer.body.data as { attachments: Array<Record<string, unknown>> })
      .attachments;
    expect(file.name).toBe('public-attachment.pdf');
    expect(file).not.toHaveProperty('related');
    expectNoNeverPublished(answer);
  });

  it.each(['populate[attachments]=true', 'populate=*', 'populate[attachments][fields][0]=name'])(
    'serves the published item with its file for %s, and nothing else',
    async (query) => {
      const answer = await get(`/api/articles/${published}?${query}`);
      expect(answer.status).toBe(200);
      const data = answer.body.data as { title: string; attachments: Array<{ name: string }> };
      expect(data.title).toBe('附件公开稿');
      expect(data.attachments.map((file) => file.name)).toEqual(['public-attachment.pdf']);
      expectNoNeverPublished(answer);
    }
  );

  // Each token holds some of the upload plugin's actions: where it lacks the route's action Strapi
  // answers its bare 403 before our policy, which refuses the rest with the reason.
  const HOLDS: Record<string, string[]> = {
    'read-only': ['find', 'findOne'],
    custom: ['find', 'findOne', 'upload', 'destroy'],
  };
  it.each([
    ['get', '/api/upload/files', 'find'],
    ['get', '/api/upload/files?populate=related', 'find'],
    ['get', '/api/upload/files/page', 'findPage'],
    ['get', '/api/upload/files/FILE', 'findOne'],
    ['get', '/api/upload/files/FILE?populate=related', 'findOne'],
    ['delete', '/api/upload/files/FILE', 'destroy'],
  ] as const)('refuses %s %s to read-only and custom tokens', async (method, path, action) => {
    const url = path.replace('FILE', String(fileId));
    for (const who of ['read-only', 'custom']) {
      const response = await send(method, url).set('Authorization', `Bearer ${tokens[who]}`);
      expect({ who, status: response.status, message: response.body.error?.message }).toEqual({
        who,
        status: 403,
        message: HOLDS[who].includes(action) ? MEDIA_REFUSED : 'Forbidden',
      });
      expect(response.text).not.toContain(NEVER_PUBLISHED);
    }
    const anonymous = await send(method, url);
    expect(anonymous.status).toBe(403);
    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { id: fileId } })).toBe(
      1
    );
  });

  it('refuses an upload by a custom token', async () => {
    const response = await request(app.http)
      .post('/api/upload')
      .set('Authorization', `Bearer ${tokens.custom}`)
      .attach('files', Buffer.from('%PDF-1.4 probe'), 'probe.pdf');
    expect({ status: response.status, message: response.body.error?.message }).toEqual({
      status: 403,
      message: MEDIA_REFUSED,
    });
  });

  it('still lists the library to a full-access token (a trusted integration)', async () => {
    const response = await request(app.http)
      .get('/api/upload/files')
      .set('Authorization', `Bearer ${tokens['full-access']}`)
      .expect(200);
    expect((response.body as Array<{ id: number }>).map((file) => file.id)).toContain(fileId);
  });

  describe('writes with a custom token', () => {
    const WRITE_REFUSED =
      'Content is written in the admin panel, where it goes through review: the public API only reads it.';
    it.each([
      ['put', 'PUBLISHED?status=draft', { title: 'x' }],
      ['put', 'PUBLISHED', {}],
      ['put', 'NEVER?status=draft', {}],
      ['put', 'NEVER', {}],
      ['post', '', { title: '令牌新建' }],
      ['post', '?status=draft', { title: '令牌新建草稿' }],
      ['delete', 'PUBLISHED', undefined],
    ] as const)(
      'refuses %s /api/articles/%s with a 403 that shows no draft',
      async (method, target, data) => {
        const path = target
          .replace('PUBLISHED', `/${published}`)
          .replace('NEVER', `/${fixtures.articles.never}`);
        const before = await app.strapi.db.query('api::article.article').count();
        const call = send(method, `/api/articles${path}`).set(
          'Authorization',
          `Bearer ${tokens.custom}`
        );
        const response = data === undefined ? await call : await call.send({ data });
        expect({ status: response.status, message: response.body.error?.message }).toEqual({
          status: 403,
          message: WRITE_REFUSED,
        });
        expect(response.text).not.toContain(NEVER_PUBLISHED);
        expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
        const item = await get(`/api/articles/${published}`);
        expect((item.body.data as { title: string }).title).toBe('附件公开稿');
      }
    );
  });
});

describe('the catalogue tree and the statistics with tokens', () => {
  it('serves the catalogue tree to a read-only token, as a website build holds', async () => {
    const answer = await get('/api/columns/tree', readOnlyToken);
    expect(answer.status).toBe(200);
    expect((answer.body.data as Array<{ code: string }>).map((column) => column.code)).toContain(
      'government-disclosure'
    );
    expectNoNeverPublished(answer);
  });

  it.each([
    'items.type:toString',
    'items.type:__proto__',
    'items.type:constructor',
    'items.genre:constructor',
    'items.genre:hasOwnProperty',
    'items.month:1e1',
    'items.month:010',
    'policies.issued:toString',
  ])('answers the figure %s with a 400 naming it, not a 500', async (figure) => {
    const token = (
      await app.strapi.service('admin::api-token').create({
        name: `records ${figure}`,
        description: '',
        type: 'custom',
        lifespan: null,
        permissions: [
          'plugin::disclosure.statistics.find',
          'plugin::disclosure.statistics.records',
        ],
      })
    ).accessKey as string;
    const answer = await get(
      `/api/disclosure/statistics/records?year=2018&figure=${encodeURIComponent(figure)}`,
      token
    );
    expect({ status: answer.status, message: answer.body.error?.message }).toEqual({
      status: 400,
      message: `Unknown figure "${figure}": use a "key" from GET /statistics (e.g. items.total).`,
    });
  });
});
