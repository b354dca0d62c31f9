/**
 * The response cache of the website's published reads (docs/decisions/0034-response-cache.md):
 * MISS then HIT, ETag and 304, keys per locale and viewer, and every committed change of what the
 * public sees — publish, unpublish, delete, a column renamed, a plugin's direct row write — shows
 * on the next read, while other types' answers stay cached. The purge hook is told the keys.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { columnId, createApiToken, createPublished } from '../helpers/content';
import { reviewAndPublish, superAdminCrew } from '../helpers/review';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { flushResponseCache, responseCacheOf } from '../../src/content-api/response-cache';

const ARTICLE = 'api::article.article';
const LEADER = 'api::leader.leader';
const COLUMN = 'api::column.column';

let app: TestApp;
let purgeServer: http.Server;
const purged: string[][] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  purgeServer = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      purged.push((JSON.parse(text) as { keys: string[] }).keys);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => purgeServer.listen(0, '127.0.0.1', resolve));
  const { port } = purgeServer.address() as AddressInfo;
  app = await bootApp({ env: { CACHE_PURGE_URL: `http://127.0.0.1:${port}/purge` } });
  const { strapi } = app;
  ids.first = await createPublished(strapi, ARTICLE, {
    title: '第一条动态',
    column: await columnId(strapi, 'work-news'),
  });
  ids.english = await createPublished(
    strapi,
    ARTICLE,
    { title: 'English news', column: await columnId(strapi, 'work-news') },
    { locale: 'en' }
  );
  ids.leader = await createPublished(strapi, LEADER, {
    name: '张局长',
    title: '局长',
    sortOrder: 1,
  });
});

afterAll(async () => {
  if (app) await stopApp(app);
  await new Promise((resolve) => purgeServer?.close(resolve));
});

const get = (url: string, headers: Record<string, string> = {}) => {
  const call = request(app.http).get(url);
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  return call;
};
const titles = (body: { data: Array<{ title: string }> }) => body.data.map((item) => item.title);

/** Waits until the purge hook has been told something (it is called without waiting). */
async function purgedKeys(): Promise<string[]> {
  for (let i = 0; i < 50 && purged.length === 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return purged.splice(0).flat();
}

describe('what is served from the cache', () => {
  it('answers a list first from the database (MISS), then from memory (HIT), byte for byte', async () => {
    const url = '/api/articles?sort=title:asc&populate=column';
    const miss = await get(url);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(titles(miss.body)).toEqual(['第一条动态']);
    const hit = await get(url);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.text).toBe(miss.text);
    expect(hit.headers['content-type']).toMatch(/^application\/json/);
    expect(hit.headers['etag']).toBe(miss.headers['etag']);
    expect(hit.headers['etag']).toMatch(/^"[\w-]+"$/);
    expect(hit.headers['cache-control']).toBe('public, max-age=0, s-maxage=300, must-revalidate');
    expect(hit.headers['surrogate-key']!.split(' ')).toEqual(
      expect.arrayContaining(['article', 'column', 'all'])
    );
  });

  it('answers 304 to a matching If-None-Match, from the cache and on a miss alike', async () => {
    const url = '/api/articles?pagination[pageSize]=5';
    const first = await get(url);
    expect(first.headers['x-cache']).toBe('MISS');
    const again = await get(url, { 'If-None-Match': first.headers['etag']! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers['x-cache']).toBe('HIT');
    const other = await get(url, { 'If-None-Match': '"something-else"' });
    expect(other.status).toBe(200);
    // After a flush, the database's answer has the same bytes, hence the same ETag.
    flushResponseCache(app.strapi);
    const fresh = await get(url, { 'If-None-Match': first.headers['etag']! });
    expect(fresh.status).toBe(304);
    expect(fresh.headers['x-cache']).toBe('MISS');
  });

  it('answers HEAD from the entry GET filled, without a body', async () => {
    const url = '/api/articles?fields[0]=title&sort=title';
    const full = await get(url);
    const head = await request(app.http).head(url);
    expect(head.status).toBe(200);
    expect(head.headers['x-cache']).toBe('HIT');
    expect(head.headers['etag']).toBe(full.headers['etag']);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(full.text)));
    expect(head.text ?? '').toBe('');
  });

  it('keeps locales, viewers and parameter orders apart, and merges only reordered names', async () => {
    const zh = await get('/api/articles?fields[0]=title');
    const en = await get('/api/articles?fields[0]=title&locale=en');
    expect(en.headers['x-cache']).toBe('MISS');
    expect(titles(en.body)).toEqual(['English news']);
    expect(titles(zh.body)).toEqual(['第一条动态']);
    // Same parameters in another order: the same key.
    const reordered = await get('/api/articles?locale=en&fields[0]=title');
    expect(reordered.headers['x-cache']).toBe('HIT');
    expect(titles(reordered.body)).toEqual(['English news']);
    // A read-only token is its own viewer: its first read is a miss.
    const token = await createApiToken(app.strapi, 'read-only');
    const byToken = await get('/api/articles?fields[0]=title', {
      Authorization: `Bearer ${token}`,
    });
    expect(byToken.headers['x-cache']).toBe('MISS');
    expect(byToken.headers['cache-control']).toBe('private, no-cache');
    const again = await get('/api/articles?fields[0]=title', { Authorization: `Bearer ${token}` });
    expect(again.headers['x-cache']).toBe('HIT');
  });

  it('marks what it does not cache no-store, without X-Cache', async () => {
    const fullAccess = await createApiToken(app.strapi, 'full-access');
    const uncached = [
      await get('/api/articles?status=draft', { Authorization: `Bearer ${fullAccess}` }),
      await get('/api/articles', { Authorization: `Bearer ${fullAccess}` }),
      await get('/api/articles/no-such-document'),
      await get('/api/articles?status=draft'),
      await get('/api/disclosure/service-items'),
      await get('/api/articles', { Authorization: 'Bearer not-a-token' }),
    ];
    expect(uncached.map((answer) => answer.headers['x-cache'])).toEqual(
      uncached.map(() => undefined)
    );
    expect(uncached.map((answer) => answer.headers['cache-control'])).toEqual([
      'private, no-store',
      'private, no-store',
      'no-store',
      'no-store',
      'no-store',
      'private, no-store',
    ]);
  });

  it('serves the catalogue tree and a single detail from the cache', async () => {
    expect((await get('/api/columns/tree')).headers['x-cache']).toBe('MISS');
    expect((await get('/api/columns/tree')).headers['x-cache']).toBe('HIT');
    const detail = `/api/articles/${ids.first}?populate=column`;
    expect((await get(detail)).headers['x-cache']).toBe('MISS');
    const hit = await get(detail);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers['surrogate-key']!.split(' ')).toEqual(
      expect.arrayContaining([`article/${ids.first}`, 'article/*', 'column'])
    );
    expect(hit.headers['surrogate-key']!.split(' ')).not.toContain('article');
  });
});

describe('the front door: hits answered ahead of the middleware stack', () => {
  const frontDoorHits = () => responseCacheOf(app.strapi)!.frontDoorHits;
  const sameHeaders = (headers: Record<string, string>) => {
    const { date: _date, ...rest } = headers;
    return rest;
  };

  it('answers a Public hit with the bytes and headers the stack gave it (from the third read)', async () => {
    const url = '/api/articles?sort=title:asc&pagination[pageSize]=3';
    const before = frontDoorHits();
    const miss = await get(url);
    const stackHit = await get(url);
    expect([miss.headers['x-cache'], stackHit.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(frontDoorHits()).toBe(before);
    const doorHit = await get(url);
    expect(frontDoorHits()).toBe(before + 1);
    expect(doorHit.status).toBe(200);
    expect(doorHit.text).toBe(miss.text);
    expect(sameHeaders(doorHit.headers)).toEqual(sameHeaders(stackHit.headers));
    expect(doorHit.headers['x-content-type-options']).toBe('nosniff');

    const notModified = await get(url, { 'If-None-Match': doorHit.headers.etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    const head = await request(app.http).head(url);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(miss.text)));
    expect(frontDoorHits()).toBe(before + 3);
  });

  it('leaves each Origin to the stack until the stack has answered it (CORS answers by Origin)', async () => {
    const url = '/api/articles?sort=title:asc&pagination[pageSize]=2';
    await get(url);
    await get(url);
    const before = frontDoorHits();
    const first = await get(url, { Origin: 'https://www.example.gov.cn' });
    expect(frontDoorHits()).toBe(before);
    expect(first.headers['access-control-allow-origin']).toBeDefined();
    const again = await get(url, { Origin: 'https://www.example.gov.cn' });
    expect(frontDoorHits()).toBe(before + 1);
    expect(again.headers['access-control-allow-origin']).toBe(
      first.headers['access-control-allow-origin']
    );
  });

  it('never answers a request with an Authorization header: tokens are checked by the stack', async () => {
    const url = '/api/articles?sort=title:asc&pagination[pageSize]=4';
    for (let i = 0; i < 3; i += 1) await get(url);
    const before = frontDoorHits();
    const forged = await get(url, { Authorization: 'Bearer not-a-token' });
    expect(forged.status).toBe(401);
    expect(forged.text).not.toContain('第一条动态');
    expect(frontDoorHits()).toBe(before);
  });
});

describe('invalidation', () => {
  const LIST = '/api/articles?sort=title:asc';
  const LEADERS = '/api/leaders';

  beforeEach(async () => {
    // Fill both, so that each test sees what a change drops and what it keeps.
    await get(LIST);
    await get(LEADERS);
    expect((await get(LIST)).headers['x-cache']).toBe('HIT');
    expect((await get(LEADERS)).headers['x-cache']).toBe('HIT');
    purged.length = 0;
  });

  it('a publication shows on the next read, and keeps other types cached', async () => {
    ids.second = await createPublished(app.strapi, ARTICLE, {
      title: '第二条动态',
      column: await columnId(app.strapi, 'work-news'),
    });
    const list = await get(LIST);
    expect(list.headers['x-cache']).toBe('MISS');
    expect(titles(list.body)).toEqual(['第一条动态', '第二条动态']);
    expect((await get(LEADERS)).headers['x-cache']).toBe('HIT');
    // Another article's detail stays cached: it does not show this one.
    expect((await get(`/api/articles/${ids.first}?populate=column`)).headers['x-cache']).toBe(
      'HIT'
    );
    expect(await purgedKeys()).toEqual(
      expect.arrayContaining(['article', `article/${ids.second}`])
    );
  });

  it('a draft saved after publication changes nothing public, and drops nothing', async () => {
    await app.strapi.documents(ARTICLE).update({
      documentId: ids.first,
      locale: 'zh-Hans',
      data: { title: '未发布的修改' } as never,
    });
    const list = await get(LIST);
    expect(list.headers['x-cache']).toBe('HIT');
    expect(list.text).not.toContain('未发布的修改');
    // … and once that edit is published, it shows.
    await reviewAndPublish(app.strapi, ARTICLE, ids.first);
    const after = await get(LIST);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(titles(after.body)).toContain('未发布的修改');
    const detail = await get(`/api/articles/${ids.first}?populate=column`);
    expect(detail.headers['x-cache']).toBe('MISS');
    expect(detail.body.data.title).toBe('未发布的修改');
  });

  it('an unpublication (撤稿) disappears on the next read', async () => {
    const detailUrl = `/api/articles/${ids.second}`;
    expect((await get(detailUrl)).status).toBe(200);
    expect((await get(detailUrl)).headers['x-cache']).toBe('HIT');
    const cache = responseCacheOf(app.strapi)!;
    const door = cache.frontDoorHits;
    expect((await get(detailUrl)).status).toBe(200);
    expect(cache.frontDoorHits).toBe(door + 1);
    const { author } = await superAdminCrew(app.strapi);
    await disclosureService(app.strapi, 'reviews').transition({
      uid: ARTICLE,
      documentId: ids.second,
      locale: 'zh-Hans',
      action: 'unpublish',
      reason: '信息有误',
      user: author.user,
      ability: author.ability,
    });
    const list = await get(LIST);
    expect(list.headers['x-cache']).toBe('MISS');
    expect(titles(list.body)).not.toContain('第二条动态');
    expect((await get(detailUrl)).status).toBe(404);
    expect(cache.frontDoorHits).toBe(door + 1);
    expect((await get(LEADERS)).headers['x-cache']).toBe('HIT');
  });

  it('a deletion (after 撤稿) disappears on the next read', async () => {
    const id = await createPublished(app.strapi, LEADER, {
      name: '王处长',
      title: '处长',
      sortOrder: 3,
    });
    expect((await get(LEADERS)).text).toContain('王处长');
    expect((await get(`/api/leaders/${id}`)).status).toBe(200);
    const { author } = await superAdminCrew(app.strapi);
    await disclosureService(app.strapi, 'reviews').transition({
      uid: LEADER,
      documentId: id,
      locale: 'zh-Hans',
      action: 'unpublish',
      reason: '职务变动',
      user: author.user,
      ability: author.ability,
    });
    await app.strapi.documents(LEADER).delete({ documentId: id, locale: '*' });
    const leaders = await get(LEADERS);
    expect(leaders.headers['x-cache']).toBe('MISS');
    expect(leaders.text).not.toContain('王处长');
    expect((await get(`/api/leaders/${id}`)).status).toBe(404);
    expect((await get(LIST)).headers['x-cache']).toBe('HIT');
  });

  it('a leader publication drops leaders and keeps articles', async () => {
    await createPublished(app.strapi, LEADER, { name: '李副局长', title: '副局长', sortOrder: 2 });
    const leaders = await get(LEADERS);
    expect(leaders.headers['x-cache']).toBe('MISS');
    expect(leaders.text).toContain('李副局长');
    expect((await get(LIST)).headers['x-cache']).toBe('HIT');
  });

  it('a column renamed shows in the tree and in the items that show their column', async () => {
    const withColumn = `/api/articles/${ids.first}?populate=column`;
    await get('/api/columns/tree');
    await get(withColumn);
    const id = await columnId(app.strapi, 'work-news');
    await app.strapi.documents(COLUMN).update({
      documentId: id,
      locale: 'zh-Hans',
      data: { name: '工作动态（新）' } as never,
    });
    await app.strapi.documents(COLUMN).publish({ documentId: id, locale: 'zh-Hans' });
    expect((await get('/api/columns/tree')).text).toContain('工作动态（新）');
    const detail = await get(withColumn);
    expect(detail.headers['x-cache']).toBe('MISS');
    expect(detail.body.data.column.name).toBe('工作动态（新）');
    expect((await get(LEADERS)).headers['x-cache']).toBe('HIT');
  });

  it('a direct row write to a published item (as the plugin writes 索引号) shows', async () => {
    await app.strapi.db.query(ARTICLE).update({
      where: { documentId: ids.first, locale: 'zh-Hans', publishedAt: { $notNull: true } },
      data: { title: '直接写入的标题' },
    });
    expect(titles((await get(LIST)).body)).toContain('直接写入的标题');
    expect((await get(LEADERS)).headers['x-cache']).toBe('HIT');
    // … and one to a draft row drops nothing.
    await get(LIST);
    await app.strapi.db.query(ARTICLE).update({
      where: { documentId: ids.first, locale: 'zh-Hans', publishedAt: null },
      data: { title: '草稿行' },
    });
    expect((await get(LIST)).headers['x-cache']).toBe('HIT');
  });

  it('a change of the Public role flushes everything', async () => {
    const role = await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await app.strapi.db
      .query('plugin::users-permissions.role')
      .update({ where: { id: role.id }, data: { description: role.description } });
    expect((await get(LEADERS)).headers['x-cache']).toBe('MISS');
    expect(await purgedKeys()).toEqual(['all']);
  });
});

describe('the fill race', () => {
  it('does not store an answer read before an invalidation of its tags', async () => {
    const { ResponseStore } = await import('../../src/content-api/response-cache/store');
    const store = new ResponseStore(1024 * 1024);
    const entry = {
      body: Buffer.from('{}'),
      etag: '"x"',
      tags: ['article', 'all'],
      headers: new Map(),
    };
    const started = store.epoch;
    store.invalidate(['leader']);
    expect(store.set('a', entry, started)).toBe(true); // another type's change: no harm
    const startedAgain = store.epoch;
    store.invalidate(['article', 'article/x']);
    expect(store.set('b', entry, startedAgain)).toBe(false);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeUndefined(); // dropped by the invalidation
  });
});
