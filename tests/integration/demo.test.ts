import path from 'path';
import request from 'supertest';
import { columnId, createDraft } from '../helpers/content';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';
import { DEMO_ARTICLES, DEMO_REQUEST_GUIDE } from '../../src/demo/demo-content';
import type {
  FigureNode,
  GeneratedOverview,
} from '../../src/plugins/disclosure/shared/reporting/contracts';

const DEMO_ENV = {
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};

interface TreeNode {
  code: string;
  kind: string;
  children: TreeNode[];
}

const ITEM_APIS = ['articles', 'policy-documents', 'policy-interpretations', 'meetings'];

/** The Beijing year of an instant. */
const beijingYear = (instant: string) =>
  new Date(Date.parse(instant) + 8 * 3600 * 1000).getUTCFullYear();

/** The year each hand-written article was first published; the routine ones are all of 2018. */
const WRITTEN_YEAR = new Map(
  [...DEMO_ARTICLES, DEMO_REQUEST_GUIDE].map((entry) => [
    entry.title,
    beijingYear(entry.publishedAt),
  ])
);
const yearOfArticle = (title: string) => WRITTEN_YEAR.get(title) ?? 2018;

let app: TestApp;
let mailbox: Mailbox;
beforeAll(async () => {
  // Staff notifications on, to a real SMTP server: the seed must not mail its past steps.
  mailbox = await startMailbox();
  // This file tests the seeding itself: it seeds, even where the run has a seeded demo to copy.
  app = await bootApp({
    freshDemo: true,
    env: {
      ...DEMO_ENV,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      DISCLOSURE_EMAIL_NOTIFICATIONS: 'true',
    },
  });
  // Seeding the source year (~520 items through the whole review, 117 inquiries, 34 cases, 17
  // proposals, a consultation) on a loaded CI machine, beside the other database's suite.
}, 600_000);
afterAll(async () => {
  if (app) await stopApp(app);
  await mailbox?.close();
});

/** The coordinator's token, logged in once: Strapi rate-limits /admin/login per address. */
let coordinatorToken: string | undefined;
const coordinatorAuth = async () => {
  if (!coordinatorToken) {
    const login = await request(app.http)
      .post('/admin/login')
      .send({ email: 'coordinator@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
      .expect(200);
    coordinatorToken = login.body.data.token as string;
  }
  return `Bearer ${coordinatorToken}`;
};

const coordinatorGet = async (url: string) =>
  (
    await request(app.http)
      .get(url)
      .set('Authorization', await coordinatorAuth())
      .expect(200)
  ).body.data;

const total = async (url: string): Promise<number> => {
  const response = await request(app.http).get(url).expect(200);
  return response.body.meta.pagination.total as number;
};

describe('the development demo', () => {
  it('seeds hundreds of past review steps without mailing the staff, who hear of the next step as usual', async () => {
    const staffMail = () =>
      mailbox.messages.filter((mail) =>
        recipients(mail).some((address) => address.endsWith('@demo.gov.cn'))
      );
    expect(staffMail()).toEqual([]);

    const [office] = await app.strapi
      .documents('api::department.department')
      .findMany({ filters: { code: 'BGS' }, fields: ['code'] });
    const documentId = await createDraft(app.strapi, 'api::article.article', {
      title: '演示之后的新稿件',
      column: await columnId(app.strapi, 'work-news'),
      department: office.documentId,
      metadata: { disclosureMode: 'proactive' },
    });
    const editor = await request(app.http)
      .post('/admin/login')
      .send({ email: 'editor.bgs@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
      .expect(200);
    await request(app.http)
      .post('/disclosure/reviews/submit')
      .set('Authorization', `Bearer ${editor.body.data.token}`)
      .send({ contentType: 'api::article.article', documentId, locale: 'zh-Hans' })
      .expect(200);
    const mail = await mailbox.waitFor((candidate) =>
      recipients(candidate).includes('head.bgs@demo.gov.cn')
    );
    expect(mail.subject).toContain('演示之后的新稿件');
  });

  it('puts published items in every column a visitor can open', async () => {
    const tree = (await request(app.http).get('/api/columns/tree').expect(200)).body
      .data as TreeNode[];
    const leaves = tree.flatMap((node) => (node.children.length ? node.children : [node]));
    expect(leaves).toHaveLength(5 + 12 + 3);
    for (const leaf of leaves) {
      let items = 0;
      for (const api of ITEM_APIS) items += await total(`/api/${api}?column=${leaf.code}`);
      expect({ column: leaf.code, hasItems: items > 0 }).toEqual({
        column: leaf.code,
        hasItems: true,
      });
    }
  });

  it('dates the items in the source year, in Beijing time', async () => {
    const response = await request(app.http)
      .get('/api/articles?pagination[pageSize]=100&fields[0]=title&fields[1]=firstPublishedAt')
      .expect(200);
    expect(response.body.data.length).toBeGreaterThanOrEqual(20);
    for (const item of response.body.data as Array<{ title: string; firstPublishedAt: string }>) {
      // The 依申请公开 guide follows the 条例 as revised in 2019; the other columns' few items
      // are of 2019 too (demo-content.ts).
      expect({ title: item.title, year: beijingYear(item.firstPublishedAt) }).toEqual({
        title: item.title,
        year: yearOfArticle(item.title),
      });
    }
  });

  it('explains in the 依申请公开 sub-column how to apply', async () => {
    const response = await request(app.http)
      .get('/api/articles?column=disclosure-on-request&populate=column')
      .expect(200);
    const guide = response.body.data.find(
      (item: { title: string }) => item.title === '依申请公开政府信息指南'
    );
    expect(guide.column.code).toBe('disclosure-on-request');
    const text = JSON.stringify(guide.body);
    expect(text).toContain('20个工作日');
    expect(text).toContain('受理编号和查询码');
  });

  it('has disclosure requests in every state of urgency for the office', async () => {
    const login = await request(app.http)
      .post('/admin/login')
      .send({ email: 'coordinator@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
      .expect(200);
    const response = await request(app.http)
      .get('/disclosure/requests')
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .expect(200);
    const urgencies = (response.body.data as Array<{ urgency: string }>)
      .map((entry) => entry.urgency)
      .sort();
    expect(urgencies).toEqual(['closed', 'due_soon', 'on_time', 'overdue', 'paused']);
  });

  it('has divisions, leaders in order, the organisation profile and the guide', async () => {
    expect(await total('/api/departments')).toBe(6);
    const leaders = await request(app.http).get('/api/leaders?sort=sortOrder:asc').expect(200);
    expect(leaders.body.data.map((leader: { title: string }) => leader.title)[0]).toBe(
      '党组书记、局长'
    );
    const profile = await request(app.http)
      .get('/api/organisation-profile?populate=contacts')
      .expect(200);
    expect(profile.body.data.contacts).toHaveLength(6);
    const guide = await request(app.http).get('/api/disclosure-guide').expect(200);
    expect(guide.body.data.title).toContain('政府信息公开指南');
  });

  it('links a repealed policy document to the one that replaced it', async () => {
    const response = await request(app.http)
      .get('/api/policy-documents?filters[validity][$eq]=repealed&populate=replacedBy')
      .expect(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].replacedBy.docNumber).toBe('示工信发〔2018〕12号');
  });

  it('published every item through the review: each has its 索引号 of its year and the audit chain holds', async () => {
    const response = await request(app.http)
      .get('/api/articles?pagination[pageSize]=100&populate[metadata]=true')
      .expect(200);
    const items = response.body.data as Array<{
      title: string;
      metadata: { indexNumber: string };
    }>;
    const numbers = items.map((item) => item.metadata.indexNumber);
    for (const item of items) {
      const year = yearOfArticle(item.title);
      expect(item.metadata.indexNumber).toMatch(new RegExp(`^11210100MB0000000X/${year}-\\d{5}$`));
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    const verdict = await disclosureService(app.strapi, 'audit').verify();
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.entries).toBeGreaterThan(4 * numbers.length);
  });

  it('gives every division an editor and a head who can log in', async () => {
    for (const email of [
      'editor.bgs@demo.gov.cn',
      'head.zhfg@demo.gov.cn',
      'secrecy@demo.gov.cn',
    ]) {
      await request(app.http)
        .post('/admin/login')
        .send({ email, password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
        .expect(200);
    }
  });

  it('lets the coordinator read the 2018 figures and the draft annual report', async () => {
    const login = await request(app.http)
      .post('/admin/login')
      .send({ email: 'coordinator@demo.gov.cn', password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
      .expect(200);
    const auth = `Bearer ${login.body.data.token}`;
    const statistics = await request(app.http)
      .get('/disclosure/statistics?year=2018')
      .set('Authorization', auth)
      .expect(200);
    // What the website lists as first published in 2018, Beijing time.
    const in2018 =
      'filters[firstPublishedAt][$gte]=2017-12-31T16:00:00.000Z&filters[firstPublishedAt][$lt]=2018-12-31T16:00:00.000Z';
    const published = (
      await Promise.all(ITEM_APIS.map((api) => total(`/api/${api}?${in2018}`)))
    ).reduce((sum, count) => sum + count, 0);
    expect(published).toBeGreaterThan(20);
    expect(statistics.body.data.sections.items.total.value).toBe(published);
    const report = await request(app.http)
      .get('/disclosure/annual-reports/2018')
      .set('Authorization', auth)
      .expect(200);
    expect(report.body.data).toMatchObject({
      formatVersion: 'pre2019',
      review: { state: 'draft' },
      failures: [],
    });
    expect(report.body.data.title).toContain('2018年政府信息公开工作年度报告');
  });

  it("counts the source year's items as its report does: 165 工作动态, 60 通知公告, 289 政务公开", async () => {
    const items = (await coordinatorGet('/disclosure/statistics?year=2018')).sections.items as {
      total: FigureNode;
      byColumn: FigureNode[];
    };
    const column = (code: string) =>
      items.byColumn.find((node) => node.key.endsWith(`:${code}`)) as FigureNode;
    expect(column('work-news').value).toBe(165);
    expect(column('notices').value).toBe(60);
    const disclosure = column('government-disclosure');
    const replies = disclosure.children!.find((node) =>
      node.key.endsWith(':suggestions-proposals')
    )!;
    const others = disclosure
      .children!.filter((node) => node !== replies)
      .reduce((sum, node) => sum + node.value, 0);
    expect(others + (disclosure.own?.value ?? 0)).toBe(272);
    // The 17 replies to suggestions and proposals are published in 建议提案办理 (demo-proposals.ts):
    // 272 + 17 = 289 in 政务公开. The consultation's announcement and its summary are published in
    // 调查征集 (demo-consultations.ts): 165 + 60 + 289 + 2 = 516 in all (the report states 519).
    expect(replies.value).toBe(17);
    expect(disclosure.value).toBe(289);
    expect(column('surveys').value).toBe(2);
    expect(items.total.value).toBe(516);
  });

  it('drafts the 2018 总体情况 from these records, beside the coordinator’s own text', async () => {
    const response = await request(app.http)
      .post('/disclosure/annual-reports/2018/overview-draft')
      .set('Authorization', await coordinatorAuth())
      .send({})
      .expect(409);
    const draft = response.body.error.details.draft as GeneratedOverview;
    expect(response.body.error.details.edited).toContain('2018年，我局深入贯彻');
    // Every number is the records' (516 and 34, where the bureau's report said 519 and 36).
    expect(draft.text).toBe(
      '一年来机关网站共公开信息516条，其中政务公开289条，工作动态165条，通知公告60条，调查征集2条；' +
        '年内共办结34项行政服务事项，其中工业企业技术改造投资项目备案19件、废旧电力设施器材收购的许可13件、' +
        '民用爆炸物品安全生产许可初审2件，办结率100%；' +
        '全年办理市人大代表建议、政协委员提案共17件，其中人大代表建议9件，政协提案8件，满意率100%；' +
        '全年受理群众咨询、投诉和反映问题117件，其中电话咨询103件、民心网反映问题12件、' +
        '政府公开电话转办问题2件，答复率100%；' +
        '开展调查征集1期，收到意见8条，公布调查结果1期。'
    );
    expect(draft.figures.slice(0, 4)).toEqual([
      'items.total',
      'items.columnTree:government-disclosure',
      'items.column:work-news',
      'items.column:notices',
    ]);
    expect(draft.figures).toEqual(
      expect.arrayContaining([
        'serviceCases.closed',
        'proposals.received',
        'proposals.type:deputy',
        'proposals.type:member',
      ])
    );
  });

  it('drafts the 2018 存在的主要问题 from the monitor’s figures, beside the coordinator’s own text', async () => {
    const auth = await coordinatorAuth();
    const response = await request(app.http)
      .post('/disclosure/annual-reports/2018/problems-draft')
      .set('Authorization', auth)
      .send({})
      .expect(409);
    expect(response.body.error.details.edited).toContain('部分栏目更新不够及时');
    const draft = response.body.error.details.draft as GeneratedOverview;
    const sentence =
      '本年度有2个栏目曾超过更新期限未更新，累计111天（政策解读107天、部门文件4天）；' +
      '3个栏目无内容（行政权力、政策法规、政府会议），网站内容更新还不够及时。';
    expect(draft.text).toBe(sentence);
    expect(draft.figures).toEqual([
      'monitor.staleColumns',
      'monitor.staleDays',
      'monitor.staleDays:policy-interpretations',
      'monitor.staleDays:department-documents',
      'monitor.blankColumns',
    ]);
    // The monitor page says the same.
    const year = await request(app.http)
      .get('/disclosure/monitor/year?year=2018')
      .set('Authorization', auth)
      .expect(200);
    expect(year.body.data.problemsDraft).toBe(sentence);
  });

  it('computes the 2018 政府网站工作年度报表 from these records, each computed cell drillable', async () => {
    const auth = await coordinatorAuth();
    const report = (
      await request(app.http)
        .get('/disclosure/website-reports/2018')
        .set('Authorization', auth)
        .expect(200)
    ).body.data as {
      cells: Record<string, { value: unknown; source: string; figure?: string; records?: string }>;
    };
    const computed = Object.fromEntries(
      Object.entries(report.cells)
        .filter(([, cell]) => cell.source === 'computed')
        .map(([key, cell]) => [key, cell.value])
    );
    // 互动交流: 103 + 12 + 2 messages, all answered; one consultation with 8 comments and its result.
    expect(computed).toMatchObject({
      'interaction.messagesReceived': 117,
      'interaction.messagesClosed': 117,
      'interaction.publicAnswers': 0,
      'interaction.consultations': 1,
      'interaction.consultationComments': 8,
      'interaction.resultsPublished': 1,
      'publishing.total': 516,
      'publishing.news': 165,
      'services.cases': 34,
    });
    expect(computed['interaction.averageDays']).toEqual(expect.any(Number));
    // Each computed cell's records are the ones its figure counts.
    for (const [key, cell] of Object.entries(report.cells)) {
      if (cell.source !== 'computed' || !cell.records || typeof cell.value !== 'number') continue;
      const records = await request(app.http)
        .get('/disclosure/statistics/records')
        .query({ year: 2018, figure: cell.records, pageSize: 1 })
        .set('Authorization', auth)
        .expect(200);
      if (cell.records === cell.figure) {
        expect([key, records.body.meta.pagination.total]).toEqual([key, cell.value]);
      }
    }
  });

  it('translates part of the demo into English', async () => {
    expect(await total('/api/articles?locale=en')).toBeGreaterThan(0);
  });

  it('creates the documented super admin, who can log in and works in 简体中文', async () => {
    const response = await request(app.http)
      .post('/admin/login')
      .send({ email: DEMO_ENV.DEMO_ADMIN_EMAIL, password: DEMO_ENV.DEMO_ADMIN_PASSWORD })
      .expect(200);
    expect(response.body.data.token).toEqual(expect.any(String));
    expect(response.body.data.user.preferedLanguage).toBe('zh-Hans');
  });
});

describe('the demo super admin', () => {
  const demoAdmin = () =>
    // The compiled module, as the app runs it.
    require(
      path.join(process.cwd(), 'dist/src/demo/demo-admin.js')
    ) as typeof import('../../src/demo/demo-admin');

  it('is never created in production', async () => {
    const users = app.strapi.db.query('admin::user');
    const before = await users.count();
    await users.deleteMany({});
    const nodeEnv = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'production';
      const created = await demoAdmin().createDemoSuperAdmin(app.strapi, {
        email: 'prod@demo.gov.cn',
        password: 'Prod2018!Disclosure',
      });
      expect(created).toBeNull();
      expect(await users.count()).toBe(0);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    expect(before).toBe(1 + 2 + 2 * 6); // super admin, secrecy, coordinator, 2 per division
  });

  it('is not created when an admin already exists', async () => {
    const first = await demoAdmin().createDemoSuperAdmin(app.strapi, {
      email: 'first@demo.gov.cn',
      password: 'First2018!Disclosure',
    });
    expect(first).toBe('first@demo.gov.cn');
    const second = await demoAdmin().createDemoSuperAdmin(app.strapi, {
      email: 'second@demo.gov.cn',
      password: 'Second2018!Disclosure',
    });
    expect(second).toBeNull();
  });
});
