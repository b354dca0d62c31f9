import http from 'http';
import net from 'net';
import type { AddressInfo } from 'net';
import type { Knex } from 'knex';
import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const APPLICANT = {
  applicantType: 'natural',
  name: '王五',
  idType: 'id_card',
  idNumber: '210102199001012345',
  phone: '13900001234',
  title: '工业企业技术改造项目备案办理流程',
  form: 'electronic',
  delivery: 'online',
};

const redisAnswers = () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

/**
 * Starts a POST to the intake announcing `headers`, sends only `firstChunk` and waits for the
 * answer: a server that reads the body first would wait for the rest and never answer.
 */
async function answerBeforeBody(
  server: http.Server,
  headers: Record<string, string>,
  firstChunk: string
): Promise<{ status: number; body: { error: { message: string } } }> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new Error('no answer before the body was sent'));
    }, 5000);
    const outgoing = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/disclosure-requests', headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          outgoing.destroy();
          resolve({
            status: response.statusCode!,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          });
        });
      }
    );
    outgoing.on('error', () => undefined);
    outgoing.write(firstChunk);
  });
}

const MULTIPART = 'multipart/form-data; boundary=----intake';
const FIRST_PART =
  '------intake\r\nContent-Disposition: form-data; name="attachments"; filename="scan.pdf"\r\n' +
  'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n';

/**
 * Two accepted, the third refused with 429; the accepted ones are still there. (The guard runs
 * globally and on the route: were a request counted twice, the second would be refused.)
 */
async function expectLimitedAtTwo(app: TestApp) {
  const accepted = [];
  for (let index = 0; index < 2; index++) {
    accepted.push(
      (
        await request(app.http)
          .post('/api/disclosure-requests')
          .send({ ...APPLICANT, title: `${APPLICANT.title} ${index}` })
          .expect(201)
      ).body.data
    );
  }
  const refused = await request(app.http)
    .post('/api/disclosure-requests')
    .send({ ...APPLICANT, title: '第三次提交' })
    .expect(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.body.error.message).toContain('Requests already accepted are kept');
  for (const { trackingNumber, queryCode } of accepted) {
    await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber, queryCode })
      .expect(200);
  }
  const knex = app.strapi.db.connection as unknown as Knex;
  expect(await knex('disclosure_requests').count({ n: '*' })).toEqual([{ n: expect.anything() }]);
  const [{ n }] = await knex('disclosure_requests').count({ n: '*' });
  expect(Number(n)).toBe(2);
}

describe('request intake rate limit, in the process', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '2' } });
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('answers 429 with Retry-After to a client over the limit, keeping what it accepted', async () => {
    await expectLimitedAtTwo(app);
  });

  it('refuses a client over the limit before reading its upload', async () => {
    const answer = await answerBeforeBody(
      app.http,
      { 'Content-Type': MULTIPART, 'Content-Length': String(4 * 1024 * 1024) },
      FIRST_PART
    );
    expect(answer.status).toBe(429);
  });
});

describe('request intake size, before the body is read', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '100' } });
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('answers 413 to a body larger than three 5 MB files and the fields, unread', async () => {
    const answer = await answerBeforeBody(
      app.http,
      { 'Content-Type': MULTIPART, 'Content-Length': String(17 * 1024 * 1024) },
      FIRST_PART
    );
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toContain('at most 3 files of 5 MB each');
  });

  it('answers 411 to an upload that does not state its length', async () => {
    const answer = await answerBeforeBody(
      app.http,
      { 'Content-Type': MULTIPART, 'Transfer-Encoding': 'chunked' },
      `${Buffer.byteLength(FIRST_PART).toString(16)}\r\n${FIRST_PART}\r\n`
    );
    expect(answer.status).toBe(411);
    expect(answer.body.error.message).toContain('Content-Length');
  });

  it('still takes an application of the largest allowed size', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 - 9, 0x20)]);
    const response = await request(app.http)
      .post('/api/disclosure-requests')
      .field('data', JSON.stringify(APPLICANT))
      .attach('attachments', pdf, 'a.pdf')
      .attach('attachments', pdf, 'b.pdf')
      .attach('attachments', pdf, 'c.pdf')
      .expect(201);
    expect(response.body.data.attachments).toBe(3);
  });
});

describe('request intake rate limit, shared in Redis (REDIS_URL)', () => {
  let app: TestApp | undefined;
  let available = false;
  const prefix = `disclosure-intake-test-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    available = await redisAnswers();
    if (!available) {
      console.log(
        'Redis does not answer on 127.0.0.1:6379: the shared rate-limit test did not run.'
      );
      return;
    }
    app = await bootApp({
      env: {
        DISCLOSURE_INTAKE_LIMIT: '2',
        REDIS_URL: 'redis://127.0.0.1:6379/0',
        DISCLOSURE_INTAKE_KEY_PREFIX: prefix,
      },
    });
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('counts in Redis, so every app node sees the same count', async () => {
    if (!available) return;
    await expectLimitedAtTwo(app!);
    const Redis = (await import('ioredis')).default;
    const client = new Redis('redis://127.0.0.1:6379/0');
    try {
      const keys = await client.keys(`${prefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await client.del(...keys);
    } finally {
      await client.quit();
    }
  });
});
