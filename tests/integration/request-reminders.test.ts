import { spawn } from 'child_process';
import path from 'path';
import readline from 'readline';
import request from 'supertest';
import { TEST_DATABASE } from '../helpers/database';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

let app: TestApp;
let mailbox: Mailbox;
let office: StaffLogin;
const numbers: Record<string, string> = {};

const body = (title: string, receivedOn: string) => ({
  applicantType: 'natural',
  name: '周六',
  idType: 'id_card',
  idNumber: '210102198001016789',
  phone: '13700001234',
  address: '示范市和平区2号',
  title,
  form: 'paper',
  delivery: 'post',
  channel: 'paper',
  receivedOn,
});

/** Runs the job for `today` in this process and, on PostgreSQL, in a second app process at once. */
async function runEverywhere(today: string) {
  const reminders = disclosureService(app.strapi, 'request-reminders');
  if (TEST_DATABASE !== 'postgres') {
    return Promise.all([reminders.run(today), reminders.run(today)]);
  }
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'helpers', 'second-process.js'), 'remind', today],
    { env: { ...process.env }, stdio: ['pipe', 'pipe', 'inherit'] }
  );
  // Listen for the exit now: the child may be gone before we are done.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = readline.createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  expect(await nextLine()).toBe('READY');
  const theirs = nextLine();
  child.stdin!.end('GO\n');
  const ours = await reminders.run(today);
  const result = [ours, JSON.parse(await theirs)];
  await exited;
  return result;
}

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
    email: 'office@reminders.test',
    role: 'disclosure-coordinator',
  });
  const register = async (key: string, data: object) => {
    const response = await request(app.http)
      .post('/disclosure/requests')
      .set('Authorization', `Bearer ${office.token}`)
      .send(data)
      .expect(201);
    numbers[key] = response.body.data.trackingNumber;
  };
  await register('dueSoon', body('即将到期的申请', '2026-11-02'));
  await register('overdue', body('已经逾期的申请', '2026-10-08'));
  await register('later', body('还早的申请', '2026-11-20'));
  await register('noCorrection', body('未补正的申请', '2026-11-16'));
  await request(app.http)
    .post(`/disclosure/requests/${numbers.noCorrection}/events`)
    .set('Authorization', `Bearer ${office.token}`)
    .send({ type: 'correction_requested', date: '2026-11-17', dueBy: '2026-11-24' })
    .expect(200);
});

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('the daily request reminders', () => {
  it('mails the office once per request due within 3 working days or overdue, even run twice at once', async () => {
    const results = await runEverywhere('2026-11-26');
    const subjects = results.flatMap((result: { reminders: string[] }) => result.reminders);
    expect(subjects).toHaveLength(2);
    await mailbox.waitFor((mail) => mail.subject?.includes(numbers.dueSoon) ?? false);
    const overdue = await mailbox.waitFor(
      (mail) => mail.subject?.includes(numbers.overdue) ?? false
    );
    expect(overdue.subject).toContain('【已逾期】');
    expect(recipients(overdue)).toEqual(['office@reminders.test']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailbox.messages).toHaveLength(2);
  });

  it('does not remind again the next day', async () => {
    const results = await runEverywhere('2026-11-27');
    expect(results.flatMap((result: { reminders: string[] }) => result.reminders)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailbox.messages).toHaveLength(2);
  });

  it('closes a request whose correction did not arrive in time as （六）1', async () => {
    const response = await request(app.http)
      .get(`/disclosure/requests/${numbers.noCorrection}`)
      .set('Authorization', `Bearer ${office.token}`)
      .expect(200);
    expect(response.body.data).toMatchObject({
      state: 'closed',
      outcome: 'otherHandling.1',
      answeredOn: '2026-11-26',
    });
  });
});
