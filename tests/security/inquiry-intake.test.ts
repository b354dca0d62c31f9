/**
 * Outsider input and what leaves through the public API of 留言办理: the website's intake
 * (prototype keys, unknown fields and parameters, control characters), the status lookup (wrong
 * codes, staff-registered cases, malformed numbers, a reply before its review), the statistics
 * and their records for an API token, a Q&A article before its review, and the rate limit. No
 * answer — success or error — carries the writer's personal data or a never-published text.
 */
import request from 'supertest';
import {
  asStaff,
  inquiryPath as path,
  lookUp,
  submit,
  websiteMessage,
  WRITER,
} from '../helpers/inquiries';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

/** Never public: the message (it names a person) and the reply until it is cleared and sent. */
const MESSAGE = '我是铁柱机械厂的赵铁柱，身份证210102198001016789，反映某处室工作人员索要好处费。';
const DRAFT = '内部初稿：经查该工作人员已被约谈（未经保密审查）。';
const CLEARED = '您反映的问题已转有关部门调查处理。';
const SECRETS = [...Object.values(WRITER), '210102198001016789', MESSAGE.slice(0, 12), DRAFT];

const noSecrets = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('the public API of 留言办理', () => {
  let app: TestApp;
  let cast: Record<string, StaffLogin>;
  let tracking: { trackingNumber: string; queryCode: string };
  let id: number;
  const as = (name: string) => asStaff(app.http, cast[name]);
  const count = () => app.strapi.db.query('plugin::disclosure.inquiry').count();
  /** Runs a probe and checks that it stored nothing. */
  const nothingStored = async (probe: () => Promise<void>) => {
    const before = await count();
    await probe();
    expect(await count()).toBe(before);
  };

  beforeAll(async () => {
    app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '100' } });
    cast = await loginCast(app.strapi, app.http, await createDivisions(app.strapi), [
      'editorA',
      'secrecy',
      'coordinator',
    ]);
    const created = await submit(app.http, websiteMessage({ message: MESSAGE })).expect(201);
    const { trackingNumber, queryCode } = created.body.data;
    tracking = { trackingNumber, queryCode };
    noSecrets(created.text);
    id = (
      await app.strapi.db
        .query('plugin::disclosure.inquiry')
        .findOne({ where: { trackingNumber: tracking.trackingNumber } })
    ).id;
    await as('coordinator').post(path(id, '/assign'), { division: 'BGS' }).expect(200);
    await as('editorA').post(path(id, '/reply'), { text: DRAFT }).expect(200);
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('stores the writer’s name and contacts encrypted, the query code as a keyed hash', async () => {
    const row = await app.strapi.db.query('plugin::disclosure.inquiry').findOne({ where: { id } });
    const stored = JSON.stringify(row);
    // The message is stored as written (it names its writer, so it is never public); the
    // writer's own fields are not readable.
    expect(stored).not.toContain(WRITER.phone);
    expect(stored).not.toContain(WRITER.email);
    for (const field of ['applicantName', 'applicantPhone', 'applicantEmail']) {
      expect(row[field]).not.toContain(WRITER.name);
    }
    expect(stored).not.toContain(tracking.queryCode);
    expect(row.applicantName).toMatch(/^v1:/);
    expect(row.queryCodeHash).toMatch(/^h1:/);
  });

  it('the status lookup shows no draft reply, and no cleared one before it is sent', async () => {
    const draft = await lookUp(app.http, tracking).expect(200);
    expect(draft.body.data.reply).toBeNull();
    noSecrets(draft.text);
    const opened = await as('secrecy').get(path(id)).expect(200);
    await as('secrecy').post(path(id, '/reply/return'), {
      hash: opened.body.data.reply.hash,
      reason: '不宜公开处理结果',
    });
    await as('editorA').post(path(id, '/reply'), { text: CLEARED }).expect(200);
    const again = await as('secrecy').get(path(id)).expect(200);
    await as('secrecy')
      .post(path(id, '/reply/clear'), { hash: again.body.data.reply.hash })
      .expect(200);
    const cleared = await lookUp(app.http, tracking).expect(200);
    expect(cleared.body.data).toMatchObject({ state: 'open', reply: null, repliedOn: null });
    await as('editorA').post(path(id, '/reply/send')).expect(200);
    const sent = await lookUp(app.http, tracking).expect(200);
    expect(sent.body.data.reply).toBe(CLEARED);
    noSecrets(sent.text);
    expect(Object.keys(sent.body.data).sort()).toEqual([
      'dueDate',
      'receivedOn',
      'repliedOn',
      'reply',
      'state',
      'trackingNumber',
    ]);
  });

  it('answers a wrong code like an unknown number (404), and never opens a staff-registered case', async () => {
    const wrong = await lookUp(app.http, { ...tracking, queryCode: 'wrongcod' }).expect(404);
    const unknown = await lookUp(app.http, {
      trackingNumber: 'LY20180101-000001',
      queryCode: tracking.queryCode,
    }).expect(404);
    expect(wrong.body).toEqual(unknown.body);
    noSecrets(wrong.text);
    const phone = await as('coordinator')
      .post('/disclosure/inquiries/phone', {
        category: 'policy',
        question: '问题',
        answer: '答复',
      })
      .expect(201);
    // A case without a query code matches no code at all.
    await lookUp(app.http, {
      trackingNumber: phone.body.data.trackingNumber,
      queryCode: tracking.queryCode,
    }).expect(404);
  });

  it.each([
    [{ ...{ trackingNumber: 'x' }, queryCode: 'abcdefgh' }, 'trackingNumber'],
    [{ trackingNumber: 'LY20181105-000123', queryCode: 'short' }, 'queryCode'],
    [{ trackingNumber: 'LY20181105-000123' }, 'queryCode'],
    [{ trackingNumber: 'LY20181105-000123\u0000', queryCode: 'abcdefgh' }, 'trackingNumber'],
    [{ trackingNumber: 'LY20181105-000123', queryCode: 'abcdefgh', name: 'x' }, 'name'],
    [{ trackingNumber: 'LY20181105-000123', queryCode: 'abcdefgh', populate: '*' }, 'populate'],
  ])('refuses the lookup %j naming the parameter (400)', async (query, key) => {
    const response = await lookUp(app.http, query as Record<string, string>).expect(400);
    // Ours name it as `key`; the app's NUL guard, which answers first, names it too.
    expect(Object.values(response.body.error.details)).toContain(key);
  });

  it('refuses query parameters on the intake (400), storing nothing', () =>
    nothingStored(async () => {
      const response = await request(app.http)
        .post('/api/disclosure/inquiries?status=draft')
        .send(websiteMessage())
        .expect(400);
      expect(response.body.error.details.key).toBe('status');
    }));

  it('refuses a "__proto__" key on the intake (400), storing nothing', () =>
    nothingStored(async () => {
      const body = `${JSON.stringify(websiteMessage()).slice(0, -1)},"__proto__":{"state":"closed"}}`;
      const response = await request(app.http)
        .post('/api/disclosure/inquiries')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      noSecrets(response.text);
    }));

  it.each(['constructor', 'toString', 'documentId', 'state', 'division', 'reply'])(
    'refuses the field "%s" on the intake, naming it (400), storing nothing',
    (field) =>
      nothingStored(async () => {
        const body = `${JSON.stringify(websiteMessage()).slice(0, -1)},${JSON.stringify(field)}:{"x":1}}`;
        const response = await request(app.http)
          .post('/api/disclosure/inquiries')
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(response.body.error.details.key).toBe(field);
        noSecrets(response.text);
      })
  );

  it.each(['subject', 'name', 'phone', 'message'])(
    'refuses control characters in "%s" naming the field (400), storing nothing',
    (field) =>
      nothingStored(async () => {
        const message = websiteMessage() as Record<string, unknown>;
        const value = String(message[field]);
        const response = await submit(app.http, {
          ...message,
          [field]: `${value.slice(0, 1)}\u001b${value.slice(1)}`,
        }).expect(400);
        expect(response.body.error.details.key).toBe(field);
        noSecrets(response.text);
      })
  );

  it('echoes no submitted value in an error', () =>
    nothingStored(async () => {
      const response = await submit(
        app.http,
        websiteMessage({ email: 'zhaotiezhu@example', message: MESSAGE })
      ).expect(400);
      expect(response.body.error.details.key).toBe('email');
      expect(response.text).not.toContain('zhaotiezhu');
      noSecrets(response.text);
    }));

  it('gives an API token figures and de-identified records only', async () => {
    const token = (
      await app.strapi.service('admin::api-token').create({
        name: 'records',
        description: '',
        type: 'custom',
        lifespan: null,
        permissions: [
          'plugin::disclosure.statistics.find',
          'plugin::disclosure.statistics.records',
        ],
      })
    ).accessKey;
    const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
    const statistics = await request(app.http)
      .get(`/api/disclosure/statistics?year=${year}&providers=inquiries`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(statistics.body.data.sections.inquiries.byChannel.website.value).toBe(1);
    noSecrets(statistics.text);
    const rows = await app.strapi.db.query('plugin::disclosure.inquiry').findMany({});
    for (const figure of [
      'inquiries.received',
      'inquiries.closed',
      'inquiries.channel:website',
      'inquiries.category:funding',
      'inquiries.averageWorkingDays',
    ]) {
      const records = await request(app.http)
        .get(`/api/disclosure/statistics/records?year=${year}&figure=${figure}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(records.body.data.length).toBeGreaterThan(0);
      noSecrets(records.text);
      expect(records.text).not.toContain(CLEARED);
      expect(records.text).not.toContain(tracking.queryCode);
      for (const row of rows) {
        expect(records.text).not.toContain(row.trackingNumber);
        expect(records.text).not.toContain(row.subject);
      }
    }
  });

  it('keeps a Q&A article off the website until its review publishes it', async () => {
    const prepared = await as('editorA')
      .post(path(id, '/publication'), {
        title: '关于反映工作人员作风问题的答复',
        question: '反映某处室工作人员作风问题。',
        answer: '已转有关部门调查处理。',
      })
      .expect(200);
    const { documentId } = prepared.body.data.publication.item;
    for (const url of [
      '/api/articles?column=complaints',
      '/api/articles?column=complaints&status=draft',
      `/api/articles/${documentId}`,
      `/api/articles/${documentId}?status=draft`,
    ]) {
      const response = await request(app.http).get(url);
      expect(response.text).not.toContain('关于反映工作人员作风问题的答复');
    }
  });

  it('offers no other content-API route on inquiries', async () => {
    for (const url of ['/api/disclosure/inquiries', `/api/disclosure/inquiries/${id}`]) {
      const response = await request(app.http).get(url);
      expect([404, 405]).toContain(response.status);
      noSecrets(response.text);
    }
    await request(app.http).get(path(id)).expect(401);
  });
});

describe('the intake’s rate limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp({ env: { DISCLOSURE_INTAKE_LIMIT: '2' } });
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('answers 429 with Retry-After to a client over the limit, keeping what it accepted', async () => {
    const accepted = [];
    for (let index = 0; index < 2; index++) {
      accepted.push(
        (await submit(app.http, websiteMessage({ subject: `第${index}条` })).expect(201)).body.data
      );
    }
    const refused = await submit(app.http, websiteMessage({ subject: '第三条' })).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error.message).toContain('Requests already accepted are kept');
    noSecrets(refused.text);
    for (const { trackingNumber, queryCode } of accepted) {
      await lookUp(app.http, { trackingNumber, queryCode }).expect(200);
    }
    expect(await app.strapi.db.query('plugin::disclosure.inquiry').count()).toBe(2);
  });
});
