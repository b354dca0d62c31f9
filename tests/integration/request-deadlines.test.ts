/**
 * Regulatory details of the answer deadline (政府信息公开条例 2019) through the real app and a real
 * mail server: no extension after the due date (Art. 33), a consultation that ends with the
 * consulted party's 15 working days (Art. 32), a fee payable from the day the applicant received
 * the notice (国办函〔2020〕109号), and a warning when a deadline runs into a year the calendar
 * does not know.
 */
import request from 'supertest';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

let app: TestApp;
let mailbox: Mailbox;
let office: StaffLogin;
const numbers: Record<string, string> = {};

const person = (title: string, receivedOn: string, email?: string) => ({
  applicantType: 'natural',
  name: '吴期限',
  idType: 'id_card',
  idNumber: '210102198002026785',
  phone: '13700005678',
  address: '示范市和平区5号',
  ...(email ? { email } : {}),
  title,
  form: 'paper',
  delivery: email ? 'email' : 'post',
  channel: 'paper',
  receivedOn,
});

const as = (method: 'get' | 'post' | 'put', url: string) =>
  request(app.http)[method](url).set('Authorization', `Bearer ${office.token}`);
const show = async (tn: string) =>
  (await as('get', `/disclosure/requests/${tn}`).expect(200)).body.data;
const event = (tn: string, body: object) =>
  as('post', `/disclosure/requests/${tn}/events`).send(body);
const listRow = async (tn: string) => {
  const list = await as('get', '/disclosure/requests?state=open&pageSize=100').expect(200);
  return list.body.data.find((row: { trackingNumber: string }) => row.trackingNumber === tn);
};
const runJob = (today: string) =>
  disclosureService(app.strapi, 'request-reminders').run(today) as Promise<{
    reminders: string[];
    abandoned: string[];
  }>;
const mailsAbout = (tn: string, marker: string) =>
  mailbox.messages.filter(
    (mail) => (mail.subject ?? '').includes(tn) && (mail.subject ?? '').includes(marker)
  );
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await bootApp({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      DISCLOSURE_EMAIL_NOTIFICATIONS: 'true',
    },
  });
  office = await staffLogin(app.strapi, app.http, {
    email: 'office@deadlines.test',
    role: 'disclosure-coordinator',
  });
  const register = async (key: string, data: object) => {
    const response = await as('post', '/disclosure/requests').send(data);
    expect([response.status, response.body.error?.message]).toEqual([201, undefined]);
    numbers[key] = response.body.data.trackingNumber;
  };
  // Due Wed 4 Nov 2026.
  await register('late', person('延期过晚的申请', '2026-10-08'));
  // Third party consulted on Wed 14 Oct; its 15 working days end Wed 4 Nov.
  await register('consulted', person('涉及第三方的申请', '2026-10-12'));
  await event(numbers.consulted, {
    type: 'consultation_started',
    date: '2026-10-14',
    party: 'third_party',
  }).expect(200);
  // A fee notice posted on Wed 21 Oct.
  await register('posted', person('邮寄收费通知的申请', '2026-10-19', 'wu@example.com'));
  await register('emailed', person('电子邮件收费通知的申请', '2026-10-19', 'wu2@example.com'));
  // Extended by 20 working days into January 2027, a year chinese-days does not have.
  await register('nextYear', person('跨年的申请', '2026-11-27'));
  await event(numbers.nextYear, {
    type: 'extended',
    date: '2026-11-27',
    days: 20,
    approver: '综合法规处 王处长',
    reason: '需调取历史档案',
  }).expect(200);
});

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('an extension after the due date (条例 Art. 33)', () => {
  it('is refused with a 400 naming the due date, and nothing is recorded', async () => {
    const before = await show(numbers.late);
    const refused = await event(numbers.late, {
      type: 'extended',
      date: '2026-11-05',
      days: 10,
      approver: '综合法规处 王处长',
      reason: '需调取历史档案',
    }).expect(400);
    expect(refused.body.error).toMatchObject({
      name: 'ValidationError',
      message:
        'An extension must be decided within the answer period: the answer was due on 2026-11-04, and 2026-11-05 is after it (条例 Art. 33).',
    });
    const after = await show(numbers.late);
    expect(after.events).toEqual(before.events);
    expect(after.dueDate).toBe('2026-11-04');
    expect(after.state).toBe(before.state);
    expect(after.timeline.map((entry: { text: string }) => entry.text)).toEqual(
      before.timeline.map((entry: { text: string }) => entry.text)
    );
  });
});

describe("a third-party consultation past the third party's 15 working days (Art. 32)", () => {
  it('shows the due date the clock resumes to, and the list counts down to it', async () => {
    const detail = await show(numbers.consulted);
    expect(detail.deadline).toMatchObject({
      status: 'consulting',
      thirdPartyDueDate: '2026-11-04',
      consultationDueDate: '2026-11-04',
      dueDate: '2026-11-30',
    });
    expect(detail.deadline.steps.map((step: { text: string }) => step.text)).toContainEqual(
      '第三方未在2026-11-04前提出意见的，征求意见时间计至该日，期限自次日起继续计算，由本机关依照条例规定决定是否公开（条例第三十二条）。'
    );
    // Today (after 4 Nov 2026) the clock runs again: not paused.
    const row = await listRow(numbers.consulted);
    expect(row.dueDate).toBe('2026-11-30');
    expect(['due_soon', 'overdue']).toContain(row.urgency);
  });

  it('mails the handlers once, the day after, that the office must now decide', async () => {
    expect((await runJob('2026-11-04')).reminders.join()).not.toContain(numbers.consulted);
    await runJob('2026-11-05');
    const mail = await mailbox.waitFor(
      (message) =>
        (message.subject ?? '').includes(numbers.consulted) &&
        (message.subject ?? '').includes('征求意见期满')
    );
    expect(mail.subject).toBe(
      `【征求意见期满】依申请公开 ${numbers.consulted} 第三方未在 2026-11-04 前提出意见`
    );
    expect(recipients(mail)).toEqual(['office@deadlines.test']);
    expect(mail.text).toContain(
      '第三方应于2026-11-04前提出意见（条例第三十二条），逾期未提出。请由本机关依照条例规定决定是否公开，并登记征求意见结束。'
    );
    expect(mail.text).toContain('答复期限自2026-11-05起继续计算，应于2026-11-30前答复。');
    await runJob('2026-11-06');
    await settle();
    expect(mailsAbout(numbers.consulted, '征求意见期满')).toHaveLength(1);
  });
});

describe('a deadline stored by an earlier version of the rules', () => {
  it('is recomputed by the daily job, so an old open consultation resumes and is reminded', async () => {
    const response = await as('post', '/disclosure/requests')
      .send(person('旧版本登记的征求意见', '2026-10-12'))
      .expect(201);
    const tn = response.body.data.trackingNumber;
    await event(tn, { type: 'consultation_started', date: '2026-10-14', party: 'agency' }).expect(
      200
    );
    // As the engine before issue #10 stored it: stopped for good, no due date.
    const rows = app.strapi.db.query('plugin::disclosure.disclosure-request');
    const row = await rows.findOne({ where: { trackingNumber: tn } });
    const { consultationDueDate: _dropped, ...old } = row.deadline;
    await rows.update({
      where: { id: row.id },
      data: { dueDate: null, deadline: { ...old, dueDate: null } },
    });
    expect((await show(tn)).dueDate).toBeNull();

    await runJob('2026-11-05');
    const mail = await mailbox.waitFor(
      (message) =>
        (message.subject ?? '').includes(tn) && (message.subject ?? '').includes('征求意见期满')
    );
    expect(mail.subject).toBe(
      `【征求意见期满】依申请公开 ${tn} 被征求意见机关未在 2026-11-04 前提出意见`
    );
    expect(mail.text).toContain('视为同意公开（条例第三十四条）');
    expect(await show(tn)).toMatchObject({
      dueDate: '2026-11-30',
      deadline: { status: 'consulting', consultationDueDate: '2026-11-04' },
    });
  });
});

describe('a fee notice sent by post (收到收费通知次日起20个工作日)', () => {
  it('waits for the delivery date before the payment period runs, and is not e-mailed', async () => {
    const response = await event(numbers.posted, {
      type: 'fee_notice',
      date: '2026-10-21',
      basis: 'pages',
      pages: 120,
      via: 'post',
    }).expect(200);
    expect(response.body.data.deadline).toMatchObject({
      status: 'awaiting_payment',
      feeDueDate: null,
    });
    expect(response.body.data.events.at(-1)).toMatchObject({ type: 'fee_notice', via: 'post' });
    expect(response.body.data.allowedActions).toContain('fee_notice_delivered');
    expect(response.body.data.allowedActions).not.toContain('fee_paid');
    await settle();
    expect(mailbox.messages.filter((mail) => mail.subject?.includes(numbers.posted))).toEqual([]);
  });

  it('counts 20 working days from the delivery date', async () => {
    const response = await event(numbers.posted, {
      type: 'fee_notice_delivered',
      date: '2026-10-26',
    }).expect(200);
    // From the sending day it would be 18 Nov; from the delivery on Mon 26 Oct, 23 Nov.
    expect(response.body.data.deadline.feeDueDate).toBe('2026-11-23');
    expect(response.body.data.allowedActions).toContain('fee_paid');
  });

  it('is not closed as unpaid before that day, and is closed after it (（六）2)', async () => {
    expect((await runJob('2026-11-20')).abandoned).not.toContain(numbers.posted);
    expect((await show(numbers.posted)).state).not.toBe('closed');
    expect((await runJob('2026-11-24')).abandoned).toEqual([numbers.posted]);
    expect(await show(numbers.posted)).toMatchObject({
      state: 'closed',
      outcome: 'otherHandling.2',
    });
  });

  it('refuses a delivery date before the notice, or a delivery with no posted notice', async () => {
    const tn = numbers.emailed;
    await event(tn, { type: 'fee_notice', date: '2026-10-21', basis: 'pages', pages: 120 }).expect(
      200
    );
    const refused = await event(tn, { type: 'fee_notice_delivered', date: '2026-10-26' }).expect(
      400
    );
    expect(refused.body.error.message).toBe('No posted fee notice awaits its delivery date.');
    expect((await show(tn)).deadline.feeDueDate).toBe('2026-11-18');
  });
});

describe('a deadline in a year the calendar library does not cover', () => {
  it('is flagged on the request list and page until the year has an override', async () => {
    const row = await listRow(numbers.nextYear);
    expect(row).toMatchObject({ dueDate: '2027-01-22', uncoveredYears: [2027] });
    expect((await show(numbers.nextYear)).uncoveredYears).toEqual([2027]);
    expect((await listRow(numbers.consulted)).uncoveredYears).toEqual([]);
  });

  it('mails the coordinators once per year not covered', async () => {
    await runJob('2026-11-27');
    const mail = await mailbox.waitFor((message) =>
      (message.subject ?? '').includes('2027年法定节假日')
    );
    expect(mail.subject).toBe(
      '【日历未收录】2027年法定节假日安排尚未录入：1件依申请公开的期限按周一至周五为工作日计算'
    );
    expect(recipients(mail)).toEqual(['office@deadlines.test']);
    expect(mail.text).toContain(`${numbers.nextYear}（跨年的申请），答复期限 2027-01-22`);
    expect(mail.text).toContain('日历调整');
    await runJob('2026-11-28');
    await settle();
    expect(
      mailbox.messages.filter((message) => (message.subject ?? '').includes('2027年法定节假日'))
    ).toHaveLength(1);
  });

  it('is no longer flagged once the coordinator enters the year’s notice', async () => {
    await as('put', '/disclosure/calendar/overrides/2027-01-01')
      .send({ isWorking: false, note: '元旦（2027年节假日安排通知）' })
      .expect(200);
    const row = await listRow(numbers.nextYear);
    expect(row).toMatchObject({ dueDate: '2027-01-25', uncoveredYears: [] });
  });
});
