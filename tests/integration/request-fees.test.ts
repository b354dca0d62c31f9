/**
 * The information processing fee (条例 Art. 42, 国办函〔2020〕109号): counted per applicant and
 * calendar month, computed by the server, refused when nothing is due, and notified to the
 * applicant with its basis, standard, amount, way of paying and last day.
 */
import request from 'supertest';
import { startMailbox, type Mailbox } from '../helpers/smtp';
import { staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let mailbox: Mailbox;
let office: StaffLogin;
/** The frequent applicant's requests of October 2026, in order of receipt. */
const october: string[] = [];

const person = (idNumber: string, title: string, receivedOn: string) => ({
  applicantType: 'natural',
  name: '周频繁',
  idType: 'id_card',
  idNumber,
  phone: '13800001111',
  email: 'zhou@example.com',
  title,
  form: 'electronic',
  delivery: 'email',
  channel: 'paper',
  receivedOn,
});
const FREQUENT = '110101199001011237';

const as = (method: 'get' | 'post', url: string) =>
  request(app.http)[method](url).set('Authorization', `Bearer ${office.token}`);
const register = async (body: object) => {
  const response = await as('post', '/disclosure/requests').send(body);
  expect([response.status, response.body.error?.message]).toEqual([201, undefined]);
  return response.body.data.trackingNumber as string;
};
const show = async (tn: string) =>
  (await as('get', `/disclosure/requests/${tn}`).expect(200)).body.data;
const feeNotice = (tn: string, body: object) =>
  as('post', `/disclosure/requests/${tn}/events`).send({
    type: 'fee_notice',
    date: '2026-10-27',
    ...body,
  });

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await bootApp({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      DISCLOSURE_FEE_PAYMENT: '请到示范市政务服务中心3号窗口缴纳。',
    },
  });
  office = await staffLogin(app.strapi, app.http, {
    email: 'office@fees.test',
    role: 'disclosure-coordinator',
  });
  // September and November do not count towards October; nor does another person.
  await register(person(FREQUENT, '九月的申请', '2026-09-28'));
  await register(person('110101199202022223', '另一申请人', '2026-10-12'));
  // Twelve in October, two of them received on the same day (ranked in order of registration).
  const days = ['12', '12', '13', '14', '15', '16', '19', '20', '21', '22', '23', '26'];
  for (const [index, day] of days.entries()) {
    october.push(await register(person(FREQUENT, `十月第${index + 1}件`, `2026-10-${day}`)));
  }
  await register(person(FREQUENT, '十一月的申请', '2026-11-02'));
});

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('information processing fee', () => {
  it("shows staff the request's place in the applicant's month and the fee by count", async () => {
    expect(await show(october[0])).toMatchObject({ monthlyRank: 1, feeByCount: 0 });
    expect(await show(october[1])).toMatchObject({ monthlyRank: 2, feeByCount: 0 });
    expect(await show(october[9])).toMatchObject({ monthlyRank: 10, feeByCount: 0 });
    expect(await show(october[11])).toMatchObject({ monthlyRank: 12, feeByCount: 100 });
  });

  it('refuses a fee notice that would charge nothing, and keeps the request as it was', async () => {
    const before = await show(october[9]);
    const refused = await feeNotice(october[9], { basis: 'count' }).expect(400);
    expect(refused.body.error.message).toContain('No fee is due');
    expect(refused.body.error.message).toContain('10件以下（含10件）的，不收费');
    const pages = await feeNotice(october[9], { basis: 'pages', pages: 30 }).expect(400);
    expect(pages.body.error.message).toContain('30页以下（含30页）不收费');
    const after = await show(october[9]);
    expect(after.events).toEqual(before.events);
    expect(after.deadline.status).toBe('running');
  });

  it('names the field of a fee notice without a basis or with bad pages', async () => {
    const noBasis = await feeNotice(october[11], {}).expect(400);
    expect(noBasis.body.error.details).toMatchObject({ key: 'basis' });
    for (const pages of [0, 2.5, '40', undefined, 1e308, 100_001]) {
      const bad = await feeNotice(october[11], { basis: 'pages', pages }).expect(400);
      expect(bad.body.error.details).toMatchObject({ key: 'pages' });
    }
    expect((await show(october[11])).events).toHaveLength(1);
  });

  it('charges the 12th application of the month 100 yuan and stops the clock until paid', async () => {
    const response = await feeNotice(october[11], { basis: 'count', amount: 1 }).expect(200);
    const data = response.body.data;
    const notice = data.events.at(-1);
    expect(notice).toMatchObject({
      type: 'fee_notice',
      date: '2026-10-27',
      fee: { basis: 'count', units: 12, amount: 100 },
    });
    expect(data.deadline.status).toBe('awaiting_payment');
    // 20 working days from 2026-10-27.
    expect(data.deadline.feeDueDate).toBe('2026-11-24');
    const texts = data.timeline.map((entry: { text: string }) => entry.text);
    expect(texts).toContainEqual(
      expect.stringContaining(
        '2026-10-27 发出收费通知（100元）：按件计收：本申请为申请人本自然月内第12件申请'
      )
    );
  });

  it('mails the applicant the fee notice with basis, standard, amount, how and by when to pay', async () => {
    const mail = await mailbox.waitFor(
      (message) => message.subject === `政府信息公开信息处理费收费通知书（${october[11]}）`
    );
    expect(mail.text).toContain('周频繁：');
    expect(mail.text).toContain('第四十二条');
    expect(mail.text).toContain('本机关决定收取信息处理费100元');
    expect(mail.text).toContain('本申请为申请人本自然月内第12件申请');
    expect(mail.text).toContain('缴纳方式：请到示范市政务服务中心3号窗口缴纳。');
    expect(mail.text).toContain('请于2026-11-24前缴纳');
    const timeline = (await show(october[11])).timeline;
    expect(timeline.at(-1).text).toContain('收费通知书');
  });

  it('charges by volume progressively when the office chooses pages', async () => {
    const response = await feeNotice(october[10], { basis: 'pages', pages: 120 }).expect(200);
    expect(response.body.data.events.at(-1).fee).toMatchObject({
      basis: 'pages',
      units: 120,
      amount: 1100,
    });
  });
});
