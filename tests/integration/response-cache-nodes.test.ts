/**
 * Two app nodes on one PostgreSQL database and one Redis, each with its own response cache: a
 * publication or unpublication (撤稿) on node A shows on node B's next read within a second, a
 * never-published text is never served by either, and a node that loses its Redis subscription
 * flushes and serves uncached until it has subscribed again.
 */
import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import readline from 'readline';
import Redis from 'ioredis';
import request from 'supertest';
import { columnId, createDraft, createPublished } from '../helpers/content';
import { TEST_DATABASE } from '../helpers/database';
import { superAdminCrew } from '../helpers/review';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';
const REDIS_URL = 'redis://127.0.0.1:6379';

// Several app nodes share one PostgreSQL database in production; SQLite serves one process only.
const onPostgres = TEST_DATABASE === 'postgres' ? describe : describe.skip;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

onPostgres('the response cache on two nodes (PostgreSQL + Redis)', () => {
  let nodeA: TestApp;
  let nodeB: ChildProcess;
  let nodeBUrl: string;
  let exited: Promise<unknown>;

  beforeAll(async () => {
    nodeA = await bootApp({ env: { REDIS_URL } });
    const port = await freePort();
    nodeB = spawn(
      process.execPath,
      [path.join(__dirname, '..', 'helpers', 'second-process.js'), 'serve'],
      {
        env: { ...process.env, REDIS_URL, HOST: '127.0.0.1', PORT: String(port) },
        stdio: ['pipe', 'pipe', 'inherit'],
      }
    );
    exited = new Promise((resolve) => nodeB.once('exit', resolve));
    const lines = readline.createInterface({ input: nodeB.stdout! });
    expect(await new Promise<string>((resolve) => lines.once('line', resolve))).toBe('READY');
    nodeBUrl = `http://127.0.0.1:${port}`;
  }, 180_000);

  afterAll(async () => {
    if (nodeB && nodeB.exitCode === null) {
      nodeB.stdin!.end('GO\n');
      await exited;
    }
    if (nodeA) await stopApp(nodeA);
  });

  const onA = (url: string) => request(nodeA.http).get(url);
  const onB = (url: string) => request(nodeBUrl).get(url);
  const titles = (body: { data: Array<{ title: string }> }) => body.data.map((item) => item.title);
  const LIST = '/api/articles?sort=title:asc&populate=column';

  /** Reads `url` on node B until `done` holds; returns how long it took (ms), or fails after 1 s. */
  async function onBWithinASecond(
    url: string,
    done: (answer: request.Response) => boolean
  ): Promise<number> {
    const start = Date.now();
    for (;;) {
      const answer = await onB(url);
      if (done(answer)) return Date.now() - start;
      if (Date.now() - start > 1000) {
        throw new Error(`node B still answers ${answer.status} ${answer.text.slice(0, 300)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('shows a publication on node A on node B within a second', async () => {
    const first = await createPublished(nodeA.strapi, ARTICLE, {
      title: '甲节点发布的动态',
      column: await columnId(nodeA.strapi, 'work-news'),
    });
    // Both nodes cache the list with the first article.
    for (const read of [onA, onB]) {
      expect((await read(LIST)).headers['x-cache']).toBe('MISS');
      const hit = await read(LIST);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(titles(hit.body)).toEqual(['甲节点发布的动态']);
    }
    expect((await onB(`/api/articles/${first}`)).status).toBe(200);
    expect((await onB(`/api/articles/${first}`)).headers['x-cache']).toBe('HIT');

    await createPublished(nodeA.strapi, ARTICLE, {
      title: '乙条动态',
      column: await columnId(nodeA.strapi, 'work-news'),
    });
    const took = await onBWithinASecond(LIST, (answer) => titles(answer.body).includes('乙条动态'));
    expect(took).toBeLessThanOrEqual(1000);
    // The other article's detail was not touched by this publication.
    expect((await onB(`/api/articles/${first}`)).headers['x-cache']).toBe('HIT');
  });

  it('drops an unpublished text on node B within a second, list and detail', async () => {
    const id = await createPublished(nodeA.strapi, ARTICLE, {
      title: '将被撤回的动态',
      column: await columnId(nodeA.strapi, 'work-news'),
    });
    await onBWithinASecond(LIST, (answer) => titles(answer.body).includes('将被撤回的动态'));
    await onB(`/api/articles/${id}`).expect(200);
    expect((await onB(`/api/articles/${id}`)).headers['x-cache']).toBe('HIT');
    expect((await onB(LIST)).headers['x-cache']).toBe('HIT');

    const { author } = await superAdminCrew(nodeA.strapi);
    await disclosureService(nodeA.strapi, 'reviews').transition({
      uid: ARTICLE,
      documentId: id,
      locale: 'zh-Hans',
      action: 'unpublish',
      reason: '内容有误',
      user: author.user,
      ability: author.ability,
    });
    await onBWithinASecond(`/api/articles/${id}`, (answer) => answer.status === 404);
    const list = await onB(LIST);
    expect(titles(list.body)).not.toContain('将被撤回的动态');
  });

  it('never serves a never-published text or a pending edit from either node', async () => {
    const never = await createDraft(nodeA.strapi, ARTICLE, {
      title: 'NEVERPUB-从未发布',
      column: await columnId(nodeA.strapi, 'work-news'),
    });
    const [published] = titles((await onA(LIST)).body);
    const listed = await onA(LIST);
    const publishedId = (listed.body.data as Array<{ documentId: string; title: string }>).find(
      (item) => item.title === published
    )!.documentId;
    await nodeA.strapi.documents(ARTICLE).update({
      documentId: publishedId,
      locale: 'zh-Hans',
      data: { title: 'NEVERPUB-待审修改' } as never,
    });
    for (const read of [onA, onB]) {
      for (const url of [LIST, `/api/articles/${never}`, `/api/articles/${publishedId}`]) {
        for (let i = 0; i < 2; i += 1) expect((await read(url)).text).not.toContain('NEVERPUB');
      }
    }
  });

  it('flushes and serves uncached when its Redis subscription drops, then caches again', async () => {
    await onB(LIST);
    expect((await onB(LIST)).headers['x-cache']).toBe('HIT');
    const redis = new Redis(REDIS_URL);
    try {
      const clients = (await redis.client('LIST')) as string;
      const line = clients
        .split('\n')
        .find((entry) => entry.includes(`name=response-cache-sub-${nodeB.pid} `));
      expect(line).toBeDefined();
      const id = /(?:^|\s)id=(\d+)/.exec(line!)![1];
      await redis.client('KILL', 'ID', id);
    } finally {
      redis.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await onB(LIST)).headers['x-cache']).toBe('MISS');
    // Subscribed again (ioredis reconnects within a second): it caches again.
    const start = Date.now();
    for (;;) {
      if ((await onB(LIST)).headers['x-cache'] === 'HIT') break;
      expect(Date.now() - start).toBeLessThan(5000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});
