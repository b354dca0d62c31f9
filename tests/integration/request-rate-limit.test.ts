import net from 'net';
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

/** Two accepted, the third refused with 429; the accepted ones are still there. */
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
