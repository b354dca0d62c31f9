/**
 * The timeliness monitor (栏目更新监测) through its services and admin API, with a controlled
 * clock (the services take the Beijing date): a news column going from ok to due soon to stale,
 * the daily digest mailed once per column and threshold to a real SMTP server (also when two
 * runs race), the site verdict flipping at the fifth stale and the fifth blank column, the year's
 * days stale with the annual report's draft sentence, the heat map, RBAC and bad input.
 */
import { spawn } from 'child_process';
import path from 'path';
import readline from 'readline';
import { columnId, createPublished } from '../helpers/content';
import { TEST_DATABASE } from '../helpers/database';
import { asStaff } from '../helpers/proposals';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';
const COLUMN = 'api::column.column';

let app: TestApp;
let mailbox: Mailbox;
let cast: Record<string, StaffLogin>;

const as = (name: string) => asStaff(app.http, cast[name]);
const monitor = () => disclosureService(app.strapi, 'monitor');
const digest = () => disclosureService(app.strapi, 'monitor-digest');
const stateOf = async (today: string, code: string) =>
  (await monitor().columns(today)).columns.find((column) => column.code === code)!;
const ruleOf = async (today: string, rule: string) =>
  (await monitor().columns(today)).verdict.rules.find((candidate) => candidate.rule === rule)!;

/** Publishes an article in a column, first published on a Beijing date at 10:00. */
const publishIn = async (code: string, date: string, title = `${code} ${date}`) =>
  createPublished(
    app.strapi,
    ARTICLE,
    { title, column: await columnId(app.strapi, code) },
    { firstPublishedAt: new Date(`${date}T10:00:00+08:00`) }
  );

const digestMails = (marker: string, to: string) =>
  mailbox.messages.filter(
    (mail) =>
      (mail.subject ?? '').startsWith('【栏目更新提醒】') &&
      (mail.text ?? '').includes(marker) &&
      recipients(mail).includes(to)
  );

/**
 * Runs the digest for `today` twice at once: in this process twice on SQLite, and on PostgreSQL
 * here and in a second app process (two nodes on one database).
 */
async function runOnTwoNodes(today: string) {
  if (TEST_DATABASE !== 'postgres') return Promise.all([digest().run(today), digest().run(today)]);
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'helpers', 'second-process.js'), 'digest', today],
    { env: { ...process.env }, stdio: ['pipe', 'pipe', 'inherit'] }
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = readline.createInterface({ input: child.stdout! });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  expect(await nextLine()).toBe('READY');
  const theirs = nextLine();
  child.stdin!.end('GO\n');
  const ours = await digest().run(today);
  const result = [ours, JSON.parse(await theirs) as typeof ours];
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
  const divisions = await createDivisions(app.strapi);
  cast = await loginCast(app.strapi, app.http, divisions, [
    'editorA',
    'headA',
    'headB',
    'coordinator',
  ]);
  // 工作动态 belongs to 办公室 (division A): its head hears of it.
  const news = await columnId(app.strapi, 'work-news');
  await app.strapi.documents(COLUMN).update({
    documentId: news,
    locale: 'zh-Hans',
    data: { department: divisions.office } as never,
  });
  await app.strapi.documents(COLUMN).publish({ documentId: news, locale: 'zh-Hans' });

  // The news column last updated on 2025-03-01: stale from 2025-03-16 (after 14 days).
  await publishIn('work-news', '2025-03-01');
  // Four notice and policy columns last updated 2024-06-01: stale since 2024-11-29 (180 days).
  for (const code of ['notices', 'policies', 'department-documents', 'policy-interpretations']) {
    await publishIn(code, '2024-06-01');
  }
  // Five of the columns that should be updated have content; four stay blank (领导之窗,
  // 行政执法公示, 建议提案办理, 政府信息公开年报).
  for (const code of ['administrative-power', 'meetings', 'disclosure-rules', 'plans', 'budgets']) {
    await publishIn(code, '2025-02-01');
  }
}, 180_000);

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('a news column over the days', () => {
  it('is ok 9 days after its last item, due soon 3 days before its 15th day, stale on it', async () => {
    expect(await stateOf('2025-03-10', 'work-news')).toMatchObject({
      name: '工作动态',
      updateClass: 'news',
      lastPublishedOn: '2025-03-01',
      daysSince: 9,
      limitDays: 14,
      staleOn: '2025-03-16',
      state: 'ok',
      division: { name: '办公室' },
    });
    expect((await stateOf('2025-03-12', 'work-news')).state).toBe('ok');
    expect((await stateOf('2025-03-13', 'work-news')).state).toBe('due_soon');
    expect((await stateOf('2025-03-15', 'work-news')).state).toBe('due_soon');
    expect(await stateOf('2025-03-16', 'work-news')).toMatchObject({
      state: 'stale',
      daysSince: 15,
    });
  });

  it('does not count an item first published after the day asked about', async () => {
    expect((await stateOf('2025-02-28', 'work-news')).lastPublishedOn).toBeNull();
  });

  it('marks static columns and the parent 政务公开 as not timed, and leaves out the interaction windows', async () => {
    const { columns } = await monitor().columns('2025-03-10');
    const states = Object.fromEntries(columns.map((column) => [column.code, column.state]));
    expect(states['disclosure-guide']).toBe('exempt');
    expect(states['government-disclosure']).toBe('exempt');
    expect(states.leaders).toBe('blank');
    expect(states.complaints).toBeUndefined();
  });
});

describe('the site verdict', () => {
  it('fails 栏目不更新 at the fifth stale news or notice column, and says in how many days', async () => {
    const before = await monitor().columns('2025-03-10');
    const stale = before.verdict.rules.find((rule) => rule.rule === 'stale')!;
    expect(stale).toMatchObject({ count: 4, failAt: 5, fails: false, daysUntilFail: 6 });
    expect(before.verdict.fails).toBe(false);
    // The home page (the news) fails the same day.
    expect(before.verdict.daysUntilFail).toBe(6);

    expect(await ruleOf('2025-03-15', 'stale')).toMatchObject({ count: 4, daysUntilFail: 1 });
    const after = await monitor().columns('2025-03-16');
    expect(after.verdict.rules.find((rule) => rule.rule === 'stale')).toMatchObject({
      count: 5,
      fails: true,
      daysUntilFail: 0,
    });
    expect(after.verdict.rules.find((rule) => rule.rule === 'home_page')).toMatchObject({
      count: 15,
      fails: true,
    });
    expect(after.verdict.fails).toBe(true);
  });
});

describe('the daily digest', () => {
  it('mails the column about to go stale once to its division head and the coordinator', async () => {
    const first = await digest().run('2025-03-10');
    // The four notice columns went stale before the first run: noticed once, as stale.
    expect(first.notices.map((notice) => notice.threshold)).toEqual([
      'stale',
      'stale',
      'stale',
      'stale',
    ]);
    expect((await digest().run('2025-03-12')).notices).toEqual([]);

    // Two nodes' jobs at once: one of them sends.
    const [a, b] = await runOnTwoNodes('2025-03-13');
    expect([...a.notices, ...b.notices]).toEqual([
      { code: 'work-news', threshold: 'due_soon', staleOn: '2025-03-16' },
    ]);
    expect((await digest().run('2025-03-14')).notices).toEqual([]);

    const mail = await mailbox.waitFor(
      (candidate) =>
        (candidate.subject ?? '').includes('1个栏目即将超期') &&
        recipients(candidate).includes('head@bgs.test')
    );
    expect(mail.subject).toBe('【栏目更新提醒】2025-03-13 1个栏目即将超期');
    expect(mail.text).toContain(
      '工作动态（动态、要闻类，14天）：最近发布 2025-03-01，如不更新将于 2025-03-16 超期（还有 3 天）。'
    );
    await mailbox.waitFor(
      (candidate) =>
        (candidate.text ?? '').includes('如不更新将于 2025-03-16') &&
        recipients(candidate).includes('coordinator@test')
    );
    // A moment for a second mail, were there one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(digestMails('如不更新将于 2025-03-16', 'head@bgs.test')).toHaveLength(1);
    expect(digestMails('如不更新将于 2025-03-16', 'coordinator@test')).toHaveLength(1);
    // Another division's head hears nothing of it; the editor neither.
    expect(digestMails('工作动态', 'head@tzjs.test')).toHaveLength(0);
    expect(digestMails('工作动态', 'editor@bgs.test')).toHaveLength(0);
    // The notice columns without a division: the coordinator only, in the first digest.
    expect(
      digestMails(
        '通知公告（通知公告、政策文件类，180天）：最近发布 2024-06-01，已于 2024-11-29 超期未更新。',
        'coordinator@test'
      )
    ).toHaveLength(1);
  });

  it('mails it once more when it goes stale, and not again the next days', async () => {
    expect((await digest().run('2025-03-16')).notices).toEqual([
      { code: 'work-news', threshold: 'stale', staleOn: '2025-03-16' },
    ]);
    expect((await digest().run('2025-03-17')).notices).toEqual([]);
    await mailbox.waitFor(
      () => digestMails('已于 2025-03-16 超期未更新', 'head@bgs.test').length > 0
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(digestMails('已于 2025-03-16 超期未更新', 'head@bgs.test')).toHaveLength(1);
  });
});

describe('the admin API', () => {
  it('gives the coordinator the columns and the verdict; an editor or a division head gets 403', async () => {
    const response = await as('coordinator').get('/disclosure/monitor/columns').expect(200);
    expect(
      response.body.data.columns.find((column: { code: string }) => column.code === 'work-news')
    ).toMatchObject({
      lastPublishedOn: '2025-03-01',
      state: 'stale',
    });
    expect(response.body.data.verdict.fails).toBe(true);
    expect(response.body.data.thresholds).toMatchObject({ newsDays: 14, noticePolicyDays: 180 });
    await as('editorA').get('/disclosure/monitor/columns').expect(403);
    await as('headA').get('/disclosure/monitor/year?year=2024').expect(403);
  });

  it('counts the publications per column and day for the heat map', async () => {
    const response = await as('coordinator')
      .get('/disclosure/monitor/heat-map?year=2025')
      .expect(200);
    const news = response.body.data.columns.find(
      (column: { code: string }) => column.code === 'work-news'
    );
    expect(news).toMatchObject({ name: '工作动态', days: { '2025-03-01': 1 }, total: 1 });
    const notices = response.body.data.columns.find(
      (column: { code: string }) => column.code === 'notices'
    );
    expect(notices.total).toBe(0);
  });

  it("gives the year's days stale and blank columns with the draft sentence for 存在的主要问题", async () => {
    const response = await as('coordinator').get('/disclosure/monitor/year?year=2024').expect(200);
    const { data } = response.body;
    // Four notice columns stale from 2024-11-29 to 2024-12-31: 33 days each.
    expect(
      data.columns.find((column: { code: string }) => column.code === 'notices')
    ).toMatchObject({
      staleDays: 33,
      blank: false,
    });
    expect(data).toMatchObject({ staleColumns: 4, staleDays: 132 });
    // In 2024 only the four notice columns had content: the other ten timed columns were blank.
    expect(data.blankColumns).toBe(10);
    expect(data.problemsDraft).toContain('本年度有4个栏目曾超过更新期限未更新，累计132天（');
    expect(data.problemsDraft).toContain('通知公告33天');
    expect(data.problemsDraft).toContain('10个栏目无内容（政府信息公开制度、领导之窗、');
  });

  it('refuses bad input with a 400 naming the parameter', async () => {
    const year = await as('coordinator').get('/disclosure/monitor/year?year=twenty').expect(400);
    expect(year.body.error.details.key).toBe('year');
    const range = await as('coordinator').get('/disclosure/monitor/heat-map?year=1999').expect(400);
    expect(range.body.error.message).toMatch(/Unknown year "1999"/);
    const unknown = await as('coordinator')
      .get('/disclosure/monitor/columns?today=2025-01-01')
      .expect(400);
    expect(unknown.body.error.details.key).toBe('today');
  });
});

describe('blank columns', () => {
  it('fail the site at the fifth', async () => {
    expect(await ruleOf('2025-03-10', 'blank')).toMatchObject({
      count: 4,
      fails: false,
      daysUntilFail: null,
    });
    const created = await app.strapi.documents(COLUMN).create({
      locale: 'zh-Hans',
      data: {
        name: '新设栏目',
        code: 'new-column',
        kind: 'catalogue_column',
        sortOrder: 99,
        updateClass: 'should_update',
      } as never,
    });
    await app.strapi
      .documents(COLUMN)
      .publish({ documentId: created.documentId, locale: 'zh-Hans' });
    const verdict = (await monitor().columns('2025-03-10')).verdict;
    expect(verdict.rules.find((rule) => rule.rule === 'blank')).toMatchObject({
      count: 5,
      fails: true,
      daysUntilFail: 0,
    });
    expect(verdict.fails).toBe(true);

    // Its first item ends it.
    await publishIn('new-column', '2025-03-05');
    expect(await ruleOf('2025-03-10', 'blank')).toMatchObject({ count: 4, fails: false });
  });
});
