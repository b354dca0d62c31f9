import { createHash } from 'crypto';
import type { Knex } from 'knex';
import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

let app: TestApp;

const APPLICANT = {
  applicantType: 'natural',
  name: '张三丰',
  idType: 'id_card',
  idNumber: '210102198001011234',
  phone: '13800001234',
  email: 'zhangsan@example.com',
  address: '示范市和平区和平路1号',
  postcode: '110000',
  title: '2018年工业企业技术改造项目备案清单',
  docNumber: '示工信发〔2018〕5号',
  description: '请提供备案清单全文',
  form: 'electronic',
  delivery: 'email',
};
const PERSONAL = [
  '张三丰',
  '210102198001011234',
  '13800001234',
  'zhangsan@example.com',
  '和平路1号',
];

const expectNoPersonalData = (text: string) => {
  for (const value of PERSONAL) expect(text).not.toContain(value);
};

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  if (app) await stopApp(app);
});

describe('a disclosure request submitted on the website', () => {
  let tracking: { trackingNumber: string; queryCode: string; receivedOn: string; dueDate: string };

  it('is registered with a tracking number, a query code and its statutory due date', async () => {
    const response = await request(app.http)
      .post('/api/disclosure-requests')
      .send(APPLICANT)
      .expect(201);
    tracking = response.body.data;
    expect(tracking.trackingNumber).toMatch(/^YSQ\d{8}-\d{6}$/);
    expect(tracking.queryCode).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(tracking.receivedOn).toBe(
      new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
    );
    expect(tracking.dueDate > tracking.receivedOn).toBe(true);
    expectNoPersonalData(response.text);
  });

  it('answers the status with the number and code, never with personal data', async () => {
    const response = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: tracking.trackingNumber, queryCode: tracking.queryCode })
      .expect(200);
    expect(response.body.data).toEqual({
      trackingNumber: tracking.trackingNumber,
      state: 'registered',
      receivedOn: tracking.receivedOn,
      dueDate: tracking.dueDate,
      outcome: null,
      explanation: [
        {
          date: tracking.receivedOn,
          text: '收到申请（当日不计），自次一工作日起计算20个工作日。',
        },
        { date: tracking.dueDate, text: expect.stringMatching(/^答复期限届满日：共20个工作日/) },
      ],
    });
    expectNoPersonalData(response.text);
  });

  it('answers 404 alike for a wrong code and an unknown number', async () => {
    const wrong = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: tracking.trackingNumber, queryCode: 'wrongcod' })
      .expect(404);
    const unknown = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: 'YSQ20180101-000000', queryCode: 'wrongcod' })
      .expect(404);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('exposes no list, filter, populate, sort or field selection of requests', async () => {
    for (const query of [
      '',
      '?filters[idNumber][$contains]=2101',
      '?populate=*',
      '?sort=name',
      '?fields[0]=idNumber&fields[1]=phone',
    ]) {
      const response = await request(app.http).get(`/api/disclosure-requests${query}`);
      expect([401, 403, 404, 405]).toContain(response.status);
      expectNoPersonalData(response.text);
    }
    const status = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({
        trackingNumber: tracking.trackingNumber,
        queryCode: tracking.queryCode,
        populate: '*',
      })
      .expect(400);
    expectNoPersonalData(status.text);
  });

  it('stores the identity number and contacts encrypted', async () => {
    const knex = app.strapi.db.connection as unknown as Knex;
    const [row] = await knex('disclosure_requests').where({
      tracking_number: tracking.trackingNumber,
    });
    const stored = JSON.stringify(row);
    expectNoPersonalData(stored);
    expect(row.id_number).toMatch(/^v1:/);
    expect(row.title).toBe(APPLICANT.title);
  });

  it('keeps the query code as a keyed HMAC, not its plain SHA-256', async () => {
    const knex = app.strapi.db.connection as unknown as Knex;
    const [row] = await knex('disclosure_requests').where({
      tracking_number: tracking.trackingNumber,
    });
    const sha256 = createHash('sha256').update(tracking.queryCode).digest('hex');
    expect(row.query_code_hash).toMatch(/^h1:[0-9a-f]{64}$/);
    expect(row.query_code_hash).not.toContain(sha256);
  });

  it('still answers a request whose code was stored the earlier way, and rekeys it', async () => {
    const knex = app.strapi.db.connection as unknown as Knex;
    const lookup = (queryCode: string) =>
      request(app.http)
        .get('/api/disclosure-requests/status')
        .query({ trackingNumber: tracking.trackingNumber, queryCode });
    const legacy = createHash('sha256').update(tracking.queryCode).digest('hex');
    await knex('disclosure_requests')
      .where({ tracking_number: tracking.trackingNumber })
      .update({ query_code_hash: legacy });
    await lookup('wrongcod').expect(404);
    await lookup(tracking.queryCode).expect(200);
    const [row] = await knex('disclosure_requests').where({
      tracking_number: tracking.trackingNumber,
    });
    expect(row.query_code_hash).toMatch(/^h1:[0-9a-f]{64}$/);
    await lookup(tracking.queryCode).expect(200);
    await lookup('wrongcod').expect(404);
  });

  it('rekeys every earlier hash at start-up without the codes themselves', async () => {
    const knex = app.strapi.db.connection as unknown as Knex;
    const legacy = createHash('sha256').update(tracking.queryCode).digest('hex');
    await knex('disclosure_requests')
      .where({ tracking_number: tracking.trackingNumber })
      .update({ query_code_hash: legacy });
    const rekeyed = await disclosureService(app.strapi, 'requests').rekeyLegacyQueryCodes();
    expect(rekeyed).toBe(1);
    const rows = await knex('disclosure_requests').select('query_code_hash');
    expect(rows.every((row) => /^h1:[0-9a-f]{64}$/.test(row.query_code_hash))).toBe(true);
    await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: tracking.trackingNumber, queryCode: tracking.queryCode })
      .expect(200);
  });

  it('flags the same person asking for the same information again, without refusing it', async () => {
    const again = await request(app.http)
      .post('/api/disclosure-requests')
      .send({ ...APPLICANT, title: ` ${APPLICANT.title} ` })
      .expect(201);
    const rows = await app.strapi.db
      .query('plugin::disclosure.disclosure-request')
      .findMany({ where: { trackingNumber: again.body.data.trackingNumber } });
    expect(rows[0].likelyDuplicateOf).toBe(tracking.trackingNumber);
  });

  it.each([
    ['no name', { name: '' }, 'name'],
    ['an unknown applicant type', { applicantType: 'company' }, 'applicantType'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['email delivery without an email', { email: undefined }, 'email'],
    ['a bad postcode', { postcode: '1100' }, 'postcode'],
    ['an unknown field', { favouriteColour: 'red' }, 'favouriteColour'],
  ])('answers 400 naming the field for %s', async (_name, change, field) => {
    const before = await app.strapi.db.query('plugin::disclosure.disclosure-request').count();
    const response = await request(app.http)
      .post('/api/disclosure-requests')
      .send({ ...APPLICANT, ...change })
      .expect(400);
    expect(
      response.body.error.details.errors.map((error: { field: string }) => error.field)
    ).toContain(field);
    expect(await app.strapi.db.query('plugin::disclosure.disclosure-request').count()).toBe(before);
  });
});
