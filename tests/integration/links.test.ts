/**
 * The live-links check (失效链接) through its service and the coordinator's API: articles
 * published through the review with links to media-library files (present, deleted from the
 * library, lost from the disk, never uploaded), to the site's pages (unchecked without a website
 * address, then checked against a local "website") and to another site (a local server: 200, 404,
 * a HEAD refused, a timeout) once external checking is switched on; findings listed with the item
 * and its division, replaced by each run; RBAC and bad input.
 */
import { createServer, type IncomingMessage, type Server } from 'http';
import type { AddressInfo, Socket } from 'net';
import { unlink } from 'fs/promises';
import path from 'path';
import request from 'supertest';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';
import { columnId, createPublished } from '../helpers/content';
import { asStaff } from '../helpers/proposals';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';

interface Heard {
  method: string;
  url: string;
  at: number;
  headers: IncomingMessage['headers'];
}

/** A local HTTP server answering by path; it records every request. */
async function startSite(routes: Record<string, (method: string) => number | 'hang'>) {
  const heard: Heard[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    heard.push({ method: req.method!, url: req.url!, at: Date.now(), headers: req.headers });
    const answer = routes[req.url!]?.(req.method!) ?? 404;
    if (answer === 'hang') return;
    res.writeHead(answer, { 'Content-Type': 'text/html' });
    res.end(req.method === 'HEAD' ? undefined : '<html></html>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    heard,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let app: TestApp;
let cast: Record<string, StaffLogin>;
let divisions: { office: string; other: string };
let site: Awaited<ReturnType<typeof startSite>>;
let elsewhere: Awaited<ReturnType<typeof startSite>>;
/** The articles: one of 办公室 with every kind of link, one of 投资处 with one broken file link. */
let officeArticle: string;
let otherArticle: string;
const files: Record<string, { id: number; url: string }> = {};

const as = (name: string) => asStaff(app.http, cast[name]);
const links = () => disclosureService(app.strapi, 'link-check');
const linkSettings = (over: object) => {
  const config = app.strapi.config.get('plugin::disclosure') as { links: object };
  config.links = { ...config.links, ...over };
};

const paragraph = (url: string, text = '链接') => ({
  type: 'paragraph',
  children: [
    { type: 'text', text: '详见' },
    { type: 'link', url, children: [{ type: 'text', text }] },
  ],
});

async function upload(name: string) {
  const response = await request(app.http)
    .post('/upload')
    .set('Authorization', `Bearer ${cast.superAdmin.token}`)
    .attach('files', Buffer.from(`文件 ${name}`), { filename: name, contentType: 'text/plain' })
    .expect(201);
  const [file] = response.body as Array<{ id: number; url: string }>;
  files[name] = { id: file.id, url: file.url };
}

/** Every stored finding of an article, as the coordinator's list would show it. */
async function findingsOf(documentId: string) {
  const rows = (await app.strapi.db.query('plugin::disclosure.link-check').findMany({
    where: { itemDocumentId: documentId },
    orderBy: [{ url: 'asc' }],
  })) as Array<{ url: string; field: string; status: string; reason: string | null }>;
  return rows;
}
const statusOf = async (documentId: string, url: string) =>
  (await findingsOf(documentId)).find((row) => row.url === url);

beforeAll(async () => {
  app = await bootApp();
  divisions = await createDivisions(app.strapi);
  cast = await loginCast(app.strapi, app.http, divisions, [
    'editorA',
    'headA',
    'coordinator',
    'superAdmin',
  ]);
  site = await startSite({
    '/zwgk/notice.html': () => 200,
    '/zwgk/gone.html': () => 404,
  });
  elsewhere = await startSite({
    '/ok': () => 200,
    '/missing': () => 404,
    '/no-head': (method) => (method === 'HEAD' ? 405 : 200),
    '/slow': () => 'hang',
  });
  for (const name of ['kept.txt', 'deleted.txt', 'lost.txt', 'other.txt']) await upload(name);
  const news = await columnId(app.strapi, 'work-news');
  officeArticle = await createPublished(app.strapi, ARTICLE, {
    title: '办公室的链接',
    column: news,
    department: divisions.office,
    attachments: [files['kept.txt'].id],
    body: [
      paragraph(files['kept.txt'].url),
      paragraph(files['deleted.txt'].url),
      paragraph(files['lost.txt'].url),
      paragraph('/uploads/never_uploaded.pdf'),
      paragraph('/zwgk/notice.html'),
      paragraph('/zwgk/gone.html'),
      paragraph(`${elsewhere.base}/ok`),
      paragraph(`${elsewhere.base}/missing`),
      paragraph(`${elsewhere.base}/no-head`),
      paragraph(`${elsewhere.base}/slow`),
      paragraph('mailto:office@example.gov.cn'),
    ],
  });
  otherArticle = await createPublished(app.strapi, ARTICLE, {
    title: '投资处的链接',
    column: news,
    department: divisions.other,
    body: [paragraph(files['other.txt'].url)],
  });
  // A draft's links are not the public's: never checked.
  await app.strapi.documents(ARTICLE).create({
    locale: 'zh-Hans',
    data: { title: '草稿', body: [paragraph('/uploads/draft_only.pdf')] } as never,
  });
  // After publication: one file deleted from the media library, one lost from the disk, and the
  // other division's file deleted too.
  const uploads = app.strapi.plugin('upload').service('upload');
  for (const name of ['deleted.txt', 'other.txt']) {
    await uploads.remove(
      await app.strapi.db.query(FILE).findOne({ where: { id: files[name].id } })
    );
  }
  await unlink(path.join(app.strapi.dirs.static.public, files['lost.txt'].url));
}, 180_000);

afterAll(async () => {
  if (app) await stopApp(app);
  await site?.close();
  await elsewhere?.close();
});

describe('the check with its defaults (own files only)', () => {
  it('finds a kept file ok and deleted, lost and never-uploaded files broken', async () => {
    const summary = await links().run(new Date('2026-11-30T03:30:00+08:00'));
    expect(summary).toMatchObject({ checkedAt: '2026-11-29T19:30:00.000Z' });
    expect(
      (await findingsOf(officeArticle))
        .filter((row) => row.url === files['kept.txt'].url)
        .sort((a, b) => a.field.localeCompare(b.field))
    ).toEqual([
      expect.objectContaining({ field: 'attachments', status: 'ok', reason: null }),
      expect.objectContaining({ field: 'body', status: 'ok', reason: null }),
    ]);
    expect(await statusOf(officeArticle, files['deleted.txt'].url)).toMatchObject({
      status: 'broken',
      reason: '文件不在媒体库中（已删除）',
    });
    expect(await statusOf(officeArticle, files['lost.txt'].url)).toMatchObject({
      status: 'broken',
      reason: '文件已丢失（服务器上没有该文件）',
    });
    expect(await statusOf(officeArticle, '/uploads/never_uploaded.pdf')).toMatchObject({
      status: 'broken',
    });
  });

  it('lists site pages unchecked without a website address and sends nothing elsewhere', async () => {
    expect(await statusOf(officeArticle, '/zwgk/gone.html')).toMatchObject({
      status: 'unchecked',
      reason: '未配置网站地址，站内页面未检查',
    });
    expect(await statusOf(officeArticle, `${elsewhere.base}/missing`)).toMatchObject({
      status: 'unchecked',
      reason: '未开启外部链接检查',
    });
    expect(site.heard).toEqual([]);
    expect(elsewhere.heard).toEqual([]);
    // Mail addresses are no links to check; a draft's links are not looked at.
    expect(await statusOf(officeArticle, 'mailto:office@example.gov.cn')).toBeUndefined();
    expect(
      await app.strapi.db
        .query('plugin::disclosure.link-check')
        .count({ where: { url: '/uploads/draft_only.pdf' } })
    ).toBe(0);
  });
});

describe('the check with the website address and external links on', () => {
  beforeAll(async () => {
    linkSettings({
      websiteUrl: `${site.base}/`,
      checkExternal: true,
      timeoutMs: 800,
      perHostPerSecond: 5,
      userAgent: 'TestBureauLinkCheck/1.0',
    });
    await links().run(new Date('2026-12-07T03:30:00+08:00'));
  }, 60_000);

  it('checks site pages against the website: a page answered ok, a missing one broken', async () => {
    expect(await statusOf(officeArticle, '/zwgk/notice.html')).toMatchObject({ status: 'ok' });
    expect(await statusOf(officeArticle, '/zwgk/gone.html')).toMatchObject({
      status: 'broken',
      reason: '页面不存在（HTTP 404）',
    });
  });

  it('checks external links: 200 ok, 404 broken, a refused HEAD by GET, a silent server timed out', async () => {
    expect(await statusOf(officeArticle, `${elsewhere.base}/ok`)).toMatchObject({ status: 'ok' });
    expect(await statusOf(officeArticle, `${elsewhere.base}/missing`)).toMatchObject({
      status: 'broken',
      reason: '页面不存在（HTTP 404）',
    });
    expect(await statusOf(officeArticle, `${elsewhere.base}/no-head`)).toMatchObject({
      status: 'ok',
    });
    expect(await statusOf(officeArticle, `${elsewhere.base}/slow`)).toMatchObject({
      status: 'broken',
      reason: '超时（0.8秒内无响应）',
    });
    // HEAD first, GET only when HEAD is refused; the timed-out link is not asked twice.
    expect(elsewhere.heard.map(({ method, url }) => `${method} ${url}`).sort()).toEqual(
      [
        'HEAD /ok',
        'HEAD /missing',
        'GET /missing',
        'HEAD /no-head',
        'GET /no-head',
        'HEAD /slow',
      ].sort()
    );
  });

  it('sends nothing but the URL, under the bureau User-Agent, at most N requests a second per host', () => {
    for (const { headers } of [...elsewhere.heard, ...site.heard]) {
      expect(headers['user-agent']).toBe('TestBureauLinkCheck/1.0');
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
    }
    const heads = elsewhere.heard.filter(({ method }) => method === 'HEAD').map(({ at }) => at);
    // 5 a second: starts 200 ms apart (arrivals vary by the connection's set-up; unpaced, one
    // after another, they would be a few ms apart).
    const gaps = heads.slice(1).map((at, index) => at - heads[index]);
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(150);
  });
});

describe("the coordinator's list", () => {
  it('lists the broken links with the item, its division and the reason, paged; run twice, no duplicates', async () => {
    const first = await as('coordinator').get('/disclosure/monitor/links?pageSize=100').expect(200);
    await as('coordinator').post('/disclosure/monitor/links/check').expect(200);
    const second = await as('coordinator')
      .get('/disclosure/monitor/links?pageSize=100')
      .expect(200);
    const mine = (body: { data: { results: Array<{ itemDocumentId: string; url: string }> } }) =>
      body.data.results
        .filter((row) => [officeArticle, otherArticle].includes(row.itemDocumentId))
        .map((row) => `${row.itemDocumentId} ${row.url}`)
        .sort();
    expect(mine(second.body)).toEqual(mine(first.body));
    expect(mine(second.body)).toHaveLength(7);
    expect(new Set(mine(second.body)).size).toBe(7);
    expect(second.body.data.lastRun).toMatchObject({ broken: expect.any(Number) });
    expect(second.body.data.divisions).toEqual([
      { documentId: divisions.office, name: '办公室', count: 6 },
      { documentId: divisions.other, name: '投资处', count: 1 },
    ]);
    expect(second.body.data.results).toContainEqual({
      itemUid: ARTICLE,
      itemDocumentId: otherArticle,
      itemKind: 'collectionType',
      locale: 'zh-Hans',
      itemTitle: '投资处的链接',
      division: { documentId: divisions.other, name: '投资处' },
      field: 'body',
      url: files['other.txt'].url,
      kind: 'upload',
      status: 'broken',
      httpStatus: null,
      reason: '文件不在媒体库中（已删除）',
      checkedAt: expect.any(String),
    });
    expect(second.body.data.results).toContainEqual(
      expect.objectContaining({
        itemDocumentId: officeArticle,
        url: `${elsewhere.base}/missing`,
        kind: 'external',
        httpStatus: 404,
        division: { documentId: divisions.office, name: '办公室' },
      })
    );
    const paged = await as('coordinator').get('/disclosure/monitor/links?pageSize=2&page=2');
    expect(paged.body.data.pagination).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.body.data.results).toHaveLength(2);
  }, 60_000);

  it("filters by division: the other division's links are not listed", async () => {
    const response = await as('coordinator')
      .get(`/disclosure/monitor/links?division=${divisions.other}`)
      .expect(200);
    expect(response.body.data.results.map((row: { url: string }) => row.url)).toEqual([
      files['other.txt'].url,
    ]);
    const office = await as('coordinator')
      .get(`/disclosure/monitor/links?division=${divisions.office}&pageSize=100`)
      .expect(200);
    expect(office.body.data.pagination.total).toBe(6);
  });

  it('lists the unchecked links on asking', async () => {
    linkSettings({ checkExternal: false });
    await links().run();
    const response = await as('coordinator')
      .get('/disclosure/monitor/links?status=unchecked&pageSize=100')
      .expect(200);
    expect(
      response.body.data.results
        .filter((row: { itemDocumentId: string }) => row.itemDocumentId === officeArticle)
        .map((row: { url: string }) => row.url)
        .sort()
    ).toEqual(['/missing', '/no-head', '/ok', '/slow'].map((url) => `${elsewhere.base}${url}`));
  }, 60_000);

  it('runs once at a time: a run asked while one is under way is refused (409), nothing doubled', async () => {
    // External links on: the silent server holds the first run for its timeout.
    linkSettings({ checkExternal: true });
    const before = await app.strapi.db.query('plugin::disclosure.link-check').count();
    const [first, second] = await Promise.all([
      links().run(),
      as('coordinator').post('/disclosure/monitor/links/check'),
    ]);
    expect(first).toMatchObject({ links: before });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(
      'A link check is already running: its findings will be listed when it ends.'
    );
    expect(await app.strapi.db.query('plugin::disclosure.link-check').count()).toBe(before);
    // Released afterwards: the next run goes.
    await as('coordinator').post('/disclosure/monitor/links/check').expect(200);
  }, 60_000);

  it('refuses an editor and a division head (403)', async () => {
    await as('editorA').get('/disclosure/monitor/links').expect(403);
    await as('headA').get('/disclosure/monitor/links').expect(403);
    await as('editorA').post('/disclosure/monitor/links/check').expect(403);
  });

  it('refuses bad input with a 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/disclosure/monitor/links?pageSize=0', 'pageSize'],
      ['/disclosure/monitor/links?page=x', 'page'],
      ['/disclosure/monitor/links?status=ok', 'status'],
      ['/disclosure/monitor/links?division=nope', 'division'],
      ['/disclosure/monitor/links?sort=url', 'sort'],
    ];
    for (const [url, key] of cases) {
      const response = await as('coordinator').get(url).expect(400);
      expect(response.body.error.details).toEqual({ key });
      expect(response.body.error.message).toContain(`"${key === 'division' ? 'nope' : key}"`);
    }
    const body = await as('coordinator')
      .post('/disclosure/monitor/links/check', { now: '2020-01-01' })
      .expect(400);
    expect(body.body.error.details).toEqual({ key: 'now' });
  });
});
