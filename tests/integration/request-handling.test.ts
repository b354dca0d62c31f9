import request from 'supertest';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let office: StaffLogin;
let editor: StaffLogin;
let secrecy: StaffLogin;
const numbers: Record<string, string> = {};
const codes: Record<string, string> = {};

const applicant = (applicantType: string, name: string, title: string) => ({
  applicantType,
  name,
  idType: applicantType === 'natural' ? 'id_card' : 'credit_code',
  idNumber: applicantType === 'natural' ? '210102198001011234' : '91210100MA0000000X',
  phone: '024-12345678',
  address: '示范市和平区1号',
  title,
  form: 'paper',
  delivery: 'post',
});

const as = (login: StaffLogin) => (method: 'get' | 'post', url: string) =>
  request(app.http)[method](url).set('Authorization', `Bearer ${login.token}`);

beforeAll(async () => {
  app = await bootApp();
  const divisions = await createDivisions(app.strapi);
  office = await staffLogin(app.strapi, app.http, {
    email: 'office@requests.test',
    role: 'disclosure-coordinator',
  });
  editor = await staffLogin(app.strapi, app.http, {
    email: 'editor@requests.test',
    role: 'disclosure-editor',
    division: divisions.office,
  });
  secrecy = await staffLogin(app.strapi, app.http, {
    email: 'secrecy@requests.test',
    role: 'disclosure-confidentiality-reviewer',
  });
  const register = async (key: string, body: object) => {
    const response = await as(office)('post', '/disclosure/requests').send(body).expect(201);
    numbers[key] = response.body.data.trackingNumber;
    codes[key] = response.body.data.queryCode;
  };
  const step = (key: string, path: string, body: object) =>
    as(office)('post', `/disclosure/requests/${numbers[key]}/${path}`).send(body).expect(200);
  // An answer: the reply drafted from its template, cleared by the 保密审查员, delivered by post.
  const answer = async (key: string, outcome: string, date: string) => {
    const drafted = await step(key, 'reply', { outcome, reason: '见附件' });
    await as(secrecy)('post', `/disclosure/requests/${numbers[key]}/reply/clear`)
      .send({ hash: drafted.body.data.reply.hash })
      .expect(200);
    await step(key, 'reply/delivered', { date, method: 'post' });
  };

  // A: received in 2025, answered in 2026 (carried in).
  await register('A', {
    ...applicant('natural', '赵一', '2025年项目清单'),
    channel: 'post',
    receivedOn: '2025-12-22',
  });
  await answer('A', 'disclosed', '2026-01-10');
  // B: a company; 补正 across 春节 2026, then partly disclosed.
  await register('B', {
    ...applicant('commercial', '示范科技有限公司', '技术改造备案材料'),
    channel: 'paper',
    receivedOn: '2026-02-02',
  });
  await step('B', 'events', {
    type: 'correction_requested',
    date: '2026-02-04',
    dueBy: '2026-02-27',
  });
  await step('B', 'events', { type: 'corrected', date: '2026-02-20' });
  await answer('B', 'partly', '2026-03-10');
  // C: a research institute; third party consulted, extended, refused to protect the third party.
  await register('C', {
    ...applicant('research', '示范研究院', '某企业的生产许可材料'),
    channel: 'in_person',
    receivedOn: '2026-03-02',
  });
  await step('C', 'events', {
    type: 'consultation_started',
    date: '2026-03-05',
    party: 'third_party',
  });
  await step('C', 'events', { type: 'consultation_ended', date: '2026-03-12' });
  await step('C', 'events', {
    type: 'extended',
    date: '2026-03-25',
    days: 20,
    approver: '综合法规处处长',
    reason: '需征求多个处室意见',
  });
  await answer('C', 'refused.4', '2026-04-20');
  // D: withdrawn by the applicant; E: a law firm's request still open at the year's end.
  await register('D', {
    ...applicant('natural', '钱二', '会议纪要'),
    channel: 'paper',
    receivedOn: '2026-05-06',
  });
  await step('D', 'withdraw', { date: '2026-05-08' });
  await register('E', {
    ...applicant('legal', '示范律师事务所', '行政处罚决定书'),
    channel: 'post',
    receivedOn: '2026-11-02',
  });
  // F: received and answered in 2025: not in 2026 at all.
  await register('F', {
    ...applicant('natural', '孙三', '2025年预算'),
    channel: 'paper',
    receivedOn: '2025-06-01',
  });
  await answer('F', 'unavailable.1', '2025-06-20');
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('handling disclosure requests', () => {
  it('restarts the deadline after 补正 and explains it, holidays and 调休 included', async () => {
    const response = await as(office)('get', `/disclosure/requests/${numbers.B}`).expect(200);
    const { deadline } = response.body.data;
    expect(deadline.steps.map((step: { date: string }) => step.date)).toEqual([
      '2026-02-02',
      '2026-02-04',
      '2026-02-20',
      '2026-03-20',
    ]);
    expect(deadline.steps.at(-1).text).toBe(
      '答复期限届满日：共20个工作日；其间法定节假日春节3天不计；调休上班1天（2026-02-28）计入。'
    );
  });

  it('shows staff the applicant in full once, and writes that view to the audit trail', async () => {
    const response = await as(office)('get', `/disclosure/requests/${numbers.B}`).expect(200);
    expect(response.body.data).toMatchObject({
      name: '示范科技有限公司',
      idNumber: '91210100MA0000000X',
    });
    const views = await app.strapi.db.query('plugin::disclosure.audit-entry').findMany({
      where: { itemDocumentId: numbers.B, action: 'view_personal_data' },
    });
    expect(views.length).toBeGreaterThanOrEqual(1);
    expect(views[0].actorName).toContain('office');
  });

  it('masks personal data in the list', async () => {
    const response = await as(office)('get', '/disclosure/requests?pageSize=10').expect(200);
    const b = response.body.data.find(
      (entry: { trackingNumber: string }) => entry.trackingNumber === numbers.B
    );
    expect(b.name).toBe('示******司');
    expect(JSON.stringify(response.body)).not.toContain('91210100MA0000000X');
  });

  it('refuses a step the 条例 does not allow, with its sentence', async () => {
    const response = await as(office)('post', `/disclosure/requests/${numbers.E}/events`)
      .send({ type: 'correction_requested', date: '2026-11-20' })
      .expect(400);
    expect(response.body.error.message).toContain(
      'within 7 working days of receipt, by 2026-11-11'
    );
    const closed = await as(office)('post', `/disclosure/requests/${numbers.A}/reply`)
      .send({ outcome: 'partly' })
      .expect(400);
    expect(closed.body.error.message).toContain('already answered');
    const unknown = await as(office)('post', `/disclosure/requests/${numbers.E}/reply`)
      .send({ outcome: 'maybe' })
      .expect(400);
    expect(unknown.body.error.details.key).toBe('outcome');
  });

  it('is for the disclosure office only', async () => {
    const response = await as(editor)('get', '/disclosure/requests').expect(403);
    expect(response.body.error.message).toContain('plugin::disclosure.requests.handle');
  });
});

describe('calendar overrides', () => {
  it('recompute the open cases when the coordinator enters a new notice', async () => {
    const before = await as(office)('get', `/disclosure/requests/${numbers.E}`).expect(200);
    expect(before.body.data.dueDate).toBe('2026-11-30');
    const response = await request(app.http)
      .put('/disclosure/calendar/overrides/2026-11-20')
      .set('Authorization', `Bearer ${office.token}`)
      .send({ isWorking: false, note: '临时调整（示例通知）' })
      .expect(200);
    expect(response.body.data.moved).toEqual([
      { trackingNumber: numbers.E, from: '2026-11-30', to: '2026-12-01' },
    ]);
    const after = await as(office)('get', `/disclosure/requests/${numbers.E}`).expect(200);
    expect(after.body.data.dueDate).toBe('2026-12-01');
    expect(after.body.data.deadline.steps.at(-1).text).toContain('临时调整（示例通知）1天不计');
    const list = await as(office)('get', '/disclosure/calendar/overrides').expect(200);
    expect(list.body.data).toEqual([
      { date: '2026-11-20', isWorking: false, note: '临时调整（示例通知）' },
    ]);
  });

  it('refuses an override without a date, a flag or a note', async () => {
    for (const [date, body] of [
      ['2026-13-01', { isWorking: false, note: 'x' }],
      ['2026-11-21', { isWorking: 'no', note: 'x' }],
      ['2026-11-21', { isWorking: true, note: ' ' }],
    ] as const) {
      await request(app.http)
        .put(`/disclosure/calendar/overrides/${date}`)
        .set('Authorization', `Bearer ${office.token}`)
        .send(body)
        .expect(400);
    }
  });
});

describe('table 三 from the records', () => {
  const table3 = async () => {
    const response = await as(office)(
      'get',
      '/disclosure/statistics?year=2026&providers=requests'
    ).expect(200);
    const figures: Record<string, number> = {};
    for (const row of Object.values(response.body.data.sections.requests.table3) as Array<
      Array<{ key: string; value: number }>
    >) {
      for (const cell of row) figures[cell.key.replace('requests.table3:', '')] = cell.value;
    }
    return figures;
  };

  it('counts new, carried in, each outcome and carried out per applicant type', async () => {
    const figures = await table3();
    expect(Object.fromEntries(Object.entries(figures).filter(([, value]) => value > 0))).toEqual({
      'new.natural': 1,
      'new.commercial': 1,
      'new.research': 1,
      'new.legal': 1,
      'new.total': 4,
      'carriedIn.natural': 1,
      'carriedIn.total': 1,
      'disclosed.natural': 1,
      'disclosed.total': 1,
      'partly.commercial': 1,
      'partly.total': 1,
      'refused.4.research': 1,
      'refused.4.total': 1,
      'otherHandling.3.natural': 1,
      'otherHandling.3.total': 1,
      'resultsTotal.natural': 2,
      'resultsTotal.commercial': 1,
      'resultsTotal.research': 1,
      'resultsTotal.total': 4,
      'carriedOut.legal': 1,
      'carriedOut.total': 1,
    });
  });

  it('counts corrections, extensions, the on-time rate and the median handling time', async () => {
    const response = await as(office)(
      'get',
      '/disclosure/statistics?year=2026&providers=requests'
    ).expect(200);
    const section = response.body.data.sections.requests;
    expect(section.corrections.value).toBe(1);
    expect(section.extensions.value).toBe(1);
    // Closed in 2026: A 2025-12-22→2026-01-10, B 2026-02-02→03-10, C 03-02→04-20, D 05-06→05-08.
    expect(section.closedInYear).toBe(4);
    expect(section.onTimeRate).toBe(100);
    // Working days from receipt to answer: 13, 22, 34 and 2 → median 17.5.
    expect(section.medianHandlingWorkingDays).toBe(17.5);
    const records = await as(office)(
      'get',
      '/disclosure/statistics/records?year=2026&figure=requests.extensions'
    ).expect(200);
    expect(records.body.data.map((record: { documentId: string }) => record.documentId)).toEqual([
      numbers.C,
    ]);
  });

  it('lists the requests behind a cell', async () => {
    const response = await as(office)(
      'get',
      '/disclosure/statistics/records?year=2026&figure=requests.table3:carriedOut.legal'
    ).expect(200);
    expect(response.body.data.map((record: { documentId: string }) => record.documentId)).toEqual([
      numbers.E,
    ]);
  });

  it('fills table 三 of the 2026 annual report, its 勾稽 rules holding', async () => {
    const response = await as(office)('get', '/disclosure/annual-reports/2026').expect(200);
    const report = response.body.data;
    expect(report.cells['三.requests.new.total']).toEqual({
      value: 4,
      source: 'computed',
      figure: 'requests.table3:new.total',
    });
    expect(report.cells['三.requests.carriedOut.legal'].value).toBe(1);
    expect(report.failures).toEqual([]);
  });

  it('tells the applicant the outcome, not who they are', async () => {
    const response = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: numbers.D, queryCode: codes.D })
      .expect(200);
    expect(response.body.data).toMatchObject({ state: 'withdrawn', outcome: 'otherHandling.3' });
    expect(response.text).not.toContain('钱二');
  });
});
