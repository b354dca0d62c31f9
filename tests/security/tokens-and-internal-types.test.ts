/**
 * What content-API tokens and the Content Manager must never show (issue #10, items 3 and 6a).
 *
 * - A website build holds a read-only token: it reads the public statistics, never the records
 *   behind a figure. The records need `plugin::disclosure.statistics.records`, which read-only
 *   tokens do not get; and no token, whatever its permissions, ever receives a title of an item
 *   that was never published or a disclosure request's tracking number or subject.
 * - The plugin's internal types (reviews, audit trail, requests …) are not in the Content
 *   Manager, not even for a super admin.
 *
 * Never-published texts carry unique markers, searched for in the raw text of every answer.
 */
import request from 'supertest';
import {
  REQUEST_ROWS,
  APPLICANT_COLUMNS,
} from '../../src/plugins/disclosure/shared/reporting/annual-report/format-2021';
import { WITHHOLD_REASONS } from '../../src/plugins/disclosure/shared/review/workflow';
import { FINDING_KINDS } from '../../src/plugins/disclosure/shared/prescreen/contracts';
import { columnId, createApiToken, createDraft, createPublished } from '../helpers/content';
import { superAdminCrew } from '../helpers/review';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';
const RECORDS_PERMISSION = 'plugin::disclosure.statistics.records';
const FIGURES_PERMISSION = 'plugin::disclosure.statistics.find';
/** The Beijing calendar year of today: the review steps and requests below happen in it. */
const YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const PUBLISHED_TITLE = '公开的条目 MARK-PUBLISHED-1c7e';
/** Texts never published (or withdrawn), and requests: none may appear in a content-API answer. */
const NOT_PUBLIC = {
  submitted: '待审核的标题 MARK-SUBMITTED-4b2d',
  withheld: '不予公开的标题 MARK-WITHHELD-9e1f',
  returned: '退回修改的标题 MARK-RETURNED-3a8c',
  withdrawn: '已撤稿的标题 MARK-WITHDRAWN-6d05',
  revision: '未发布的修订标题 MARK-REVISION-2f9b',
  requestSubject1: '申请公开某企业环评材料 MARK-REQUEST-SUBJECT-71aa',
  requestSubject2: '申请公开会议纪要 MARK-REQUEST-SUBJECT-82bb',
  requestSubject3: '申请公开预算明细 MARK-REQUEST-SUBJECT-93cc',
};
/** Filled in beforeAll: the requests' tracking numbers (YSQ…). */
const trackingNumbers: string[] = [];
const secrets = () => [...Object.values(NOT_PUBLIC), ...trackingNumbers];
const leaksIn = (text: string) => secrets().filter((secret) => text.includes(secret));

/** Figure keys of the providers whose records are about never-published things (static lists). */
const REVIEW_KEYS = [
  ...['submit', 'approve', 'return', 'clear', 'withhold', 'publish', 'unpublish'].map(
    (step) => `reviews.step:${step}`
  ),
  ...WITHHOLD_REASONS.map((reason) => `reviews.withheld:${reason}`),
];
const REQUEST_KEYS = [
  ...REQUEST_ROWS.filter((row) => !row.heading).flatMap((row) =>
    [...APPLICANT_COLUMNS, 'total'].map((column) => `requests.table3:${row.key}.${column}`)
  ),
  // The 2019 format's single （六）其他处理 row: the sum of the three other-handling rows.
  ...[...APPLICANT_COLUMNS, 'total'].map((column) => `requests.table3:otherHandling.${column}`),
  'requests.corrections',
  'requests.extensions',
];
/** The service cases' figures a year without cases shows (per-item keys appear with cases). */
const SERVICE_CASE_KEYS = [
  'serviceCases.closed',
  'serviceCases.received',
  'serviceCases.carriedIn',
  'serviceCases.licensingDecisions',
  'serviceCases.granted',
  'serviceCases.denied',
  'serviceCases.applicant:natural',
  'serviceCases.applicant:legal',
  'serviceCases.onTime',
  'serviceCases.items',
  'serviceCases.onlineItems',
];
/** The suggestions' and proposals' figures a year without any shows. */
const PROPOSAL_KEYS = [
  'proposals.received',
  'proposals.type:deputy',
  'proposals.type:member',
  'proposals.closed',
  'proposals.completed',
  'proposals.result:A',
  'proposals.result:B',
  'proposals.result:C',
  'proposals.feedback:satisfied',
  'proposals.feedback:basically_satisfied',
  'proposals.feedback:dissatisfied',
  'proposals.published',
];
/** The monitor's figures: the year's stale days and blank columns of the 14 timed columns. */
const TIMED_COLUMNS = [
  'disclosure-rules',
  'leaders',
  'department-documents',
  'policy-interpretations',
  'plans',
  'budgets',
  'law-enforcement',
  'suggestions-proposals',
  'annual-reports',
  'work-news',
  'notices',
  'administrative-power',
  'policies',
  'meetings',
];
const MONITOR_KEYS = [
  'monitor.staleColumns',
  'monitor.staleDays',
  'monitor.blankColumns',
  ...TIMED_COLUMNS.flatMap((code) => [`monitor.staleDays:${code}`, `monitor.blank:${code}`]),
];
const INTERNAL_PROVIDERS = [
  'reviews',
  'requests',
  'serviceCases',
  'proposals',
  'monitor',
  'prescreen',
];
/** The confidentiality pre-screen's figures (decision 0030): totals, and per kind. */
const PRESCREEN_OUTCOMES = ['found', 'confirmed', 'fixed', 'open'];
const PRESCREEN_KEYS = [
  ...PRESCREEN_OUTCOMES.map((outcome) => `prescreen.${outcome}`),
  ...FINDING_KINDS.flatMap((kind) =>
    PRESCREEN_OUTCOMES.map((outcome) => `prescreen.${outcome}:${kind}`)
  ),
];
const INTERNAL_KEYS = [
  ...REVIEW_KEYS,
  ...REQUEST_KEYS,
  ...SERVICE_CASE_KEYS,
  ...PROPOSAL_KEYS,
  ...MONITOR_KEYS,
  ...PRESCREEN_KEYS,
];
// 留言办理's counts are public too (their records de-identified, decision 0026), and so are the
// consultations' (their records the published consultations, decision 0027).
const PUBLIC_PROVIDERS = ['inquiries', 'consultations', 'items', 'policies', 'interpretations'];

const FORBIDDEN = {
  data: null,
  error: { status: 403, name: 'ForbiddenError', message: 'Forbidden', details: {} },
};
const internalFigure = (figure: string) => ({
  data: null,
  error: {
    status: 403,
    name: 'PolicyError',
    message: `The records behind "${figure}" are internal to the office: they name items under review and disclosure requests. The admin panel shows them (统计与年报).`,
    details: { key: 'figure' },
  },
});
const internalProvider = (provider: string) => ({
  data: null,
  error: {
    status: 403,
    name: 'PolicyError',
    message: `The "${provider}" statistics are internal to the office: they count items under review and disclosure requests. The admin panel shows them (统计与年报).`,
    details: { key: 'providers' },
  },
});

const INTERNAL_TYPES = [
  'plugin::disclosure.review',
  'plugin::disclosure.audit-entry',
  'plugin::disclosure.index-number',
  'plugin::disclosure.staff',
  'plugin::disclosure.disclosure-request',
  'plugin::disclosure.calendar-override',
  'plugin::disclosure.reply-template',
  'plugin::disclosure.request-attachment',
  'plugin::disclosure.link-check',
];

let app: TestApp;
let coordinator: StaffLogin;
let superAdmin: StaffLogin;
/** Bearer secrets by principal; anonymous sends none. */
const bearer: Record<string, string | null> = { anonymous: null };
/** One stored entry's documentId per internal type. */
const entryOf: Record<string, string> = {};
/** Every figure key the admin dashboard shows for YEAR, by provider. */
let dashboardKeys: Record<string, string[]> = {};

type Principal =
  'anonymous' | 'read-only' | 'custom without records' | 'custom with records' | 'full-access';
const PRINCIPALS: Principal[] = [
  'anonymous',
  'read-only',
  'custom without records',
  'custom with records',
  'full-access',
];
/** Who may open the records route at all (public figures only). */
const MAY_READ_RECORDS: Principal[] = ['custom with records', 'full-access'];
const MAY_READ_FIGURES: Principal[] = [
  'read-only',
  'custom without records',
  'custom with records',
  'full-access',
];

const get = (principal: Principal, url: string, query: Record<string, unknown> = {}) => {
  const call = request(app.http).get(url).query(query);
  const secret = bearer[principal];
  return secret ? call.set('Authorization', `Bearer ${secret}`) : call;
};
const admin = (login: StaffLogin) => ({
  get: (url: string) => request(app.http).get(url).set('Authorization', `Bearer ${login.token}`),
  send: (method: 'post' | 'put' | 'delete', url: string) =>
    request(app.http)[method](url).set('Authorization', `Bearer ${login.token}`),
});

const figureKeysIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(figureKeysIn);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const own =
      typeof object.key === 'string' && typeof object.value === 'number' ? [object.key] : [];
    return [...own, ...Object.values(object).flatMap(figureKeysIn)];
  }
  return [];
};

async function seedReviewStates() {
  const { strapi } = app;
  const crew = await superAdminCrew(strapi);
  const reviews = disclosureService(strapi, 'reviews');
  const news = await columnId(strapi, 'work-news');
  const step = (
    documentId: string,
    action: Parameters<typeof reviews.transition>[0]['action'],
    member: typeof crew.author,
    extra: Record<string, string> = {}
  ) =>
    reviews.transition({
      uid: ARTICLE,
      documentId,
      locale: 'zh-Hans',
      action,
      user: member.user,
      ability: member.ability,
      ...extra,
    });
  const draft = (title: string) =>
    createDraft(strapi, ARTICLE, {
      title,
      column: news,
      metadata: { disclosureMode: 'proactive' },
    });

  await createPublished(strapi, ARTICLE, { title: PUBLISHED_TITLE, column: news });

  const submitted = await draft(NOT_PUBLIC.submitted);
  await step(submitted, 'submit', crew.author);

  const withheld = await draft(NOT_PUBLIC.withheld);
  await step(withheld, 'submit', crew.author);
  await step(withheld, 'approve', crew.divisionReviewer);
  await step(withheld, 'withhold', crew.confidentialityReviewer, {
    reason: '涉及商业秘密',
    category: 'commercial_secret',
  });

  const returned = await draft(NOT_PUBLIC.returned);
  await step(returned, 'submit', crew.author);
  await step(returned, 'return', crew.divisionReviewer, { reason: '请补充附件' });

  // Published, then withdrawn (撤稿): the website no longer shows it, nor may any token.
  const withdrawn = await createPublished(strapi, ARTICLE, {
    title: NOT_PUBLIC.withdrawn,
    column: news,
  });
  await step(withdrawn, 'unpublish', crew.author, { reason: '信息有误' });

  // A published item whose pending revision has a title that was never published.
  const revised = await createPublished(strapi, ARTICLE, { title: '已发布的原标题', column: news });
  await strapi.documents(ARTICLE).update({
    documentId: revised,
    locale: 'zh-Hans',
    data: { title: NOT_PUBLIC.revision } as never,
  });
  await step(revised, 'submit', crew.author);
}

async function seedRequests() {
  const office = admin(coordinator);
  const register = async (subject: string, applicantType: string) => {
    const response = await office
      .send('post', '/disclosure/requests')
      .send({
        applicantType,
        name: applicantType === 'natural' ? '赵一' : '示范科技有限公司',
        idType: applicantType === 'natural' ? 'id_card' : 'credit_code',
        idNumber: applicantType === 'natural' ? '210102198001011234' : '91210100MA0000000X',
        phone: '024-12345678',
        address: '示范市和平区1号',
        title: subject,
        form: 'paper',
        delivery: 'post',
        channel: 'paper',
        receivedOn: TODAY,
      })
      .expect(201);
    trackingNumbers.push(response.body.data.trackingNumber);
    return response.body.data.trackingNumber as string;
  };
  const first = await register(NOT_PUBLIC.requestSubject1, 'commercial');
  await office
    .send('post', `/disclosure/requests/${first}/events`)
    .send({ type: 'correction_requested', date: TODAY, dueBy: TODAY })
    .expect(200);
  const second = await register(NOT_PUBLIC.requestSubject2, 'natural');
  await office
    .send('post', `/disclosure/requests/${second}/events`)
    .send({ type: 'extended', date: TODAY, days: 20, approver: '处长', reason: '需征求意见' })
    .expect(200);
  const third = await register(NOT_PUBLIC.requestSubject3, 'natural');
  await office
    .send('post', `/disclosure/requests/${third}/withdraw`)
    .send({ date: TODAY })
    .expect(200);
}

async function seedInternalEntries() {
  const { strapi } = app;
  await strapi.db.query('plugin::disclosure.calendar-override').create({
    data: { date: '2099-01-02', isWorking: true, note: '测试' },
  });
  await strapi.db.query('plugin::disclosure.request-attachment').create({
    data: {
      trackingNumber: trackingNumbers[0],
      kind: 'application',
      fileName: 'a.pdf',
      mime: 'application/pdf',
      size: 1,
      sha256: '0'.repeat(64),
      content: 'x',
    },
  });
  if (!(await strapi.db.query('plugin::disclosure.reply-template').findOne({}))) {
    await strapi.db.query('plugin::disclosure.reply-template').create({
      data: { outcome: 'disclosed', article: '第三十六条', subject: '答复', body: '正文' },
    });
  }
  await strapi.db.query('plugin::disclosure.link-check').create({
    data: {
      itemUid: 'api::article.article',
      itemDocumentId: 'x',
      itemTitle: '测试',
      field: 'body',
      url: '/uploads/x.pdf',
      kind: 'upload',
      status: 'broken',
      checkedAt: new Date(),
    },
  });
  for (const uid of INTERNAL_TYPES) {
    const row = await strapi.db.query(uid as never).findOne({});
    if (!row) throw new Error(`no ${uid} entry to probe`);
    entryOf[uid] = row.documentId;
  }
}

beforeAll(async () => {
  app = await bootApp();
  const { strapi } = app;
  const divisions = await createDivisions(strapi);
  // An editor of a division: a plugin::disclosure.staff entry.
  await staffLogin(strapi, app.http, {
    email: 'editor@tokens.test',
    role: 'disclosure-editor',
    division: divisions.office,
  });
  coordinator = await staffLogin(strapi, app.http, {
    email: 'coordinator@tokens.test',
    role: 'disclosure-coordinator',
  });
  superAdmin = await staffLogin(strapi, app.http, {
    email: 'super@tokens.test',
    role: 'strapi-super-admin',
  });
  await seedReviewStates();
  await seedRequests();
  await seedInternalEntries();

  bearer['read-only'] = await createApiToken(strapi, 'read-only');
  bearer['full-access'] = await createApiToken(strapi, 'full-access');
  const custom = async (permissions: string[]) =>
    (
      await strapi.service('admin::api-token').create({
        name: `custom ${permissions.length} ${Math.random().toString(36).slice(2)}`,
        description: '',
        type: 'custom',
        lifespan: null,
        permissions,
      })
    ).accessKey as string;
  bearer['custom without records'] = await custom([FIGURES_PERMISSION]);
  bearer['custom with records'] = await custom([FIGURES_PERMISSION, RECORDS_PERMISSION]);

  const dashboard = await admin(coordinator).get(`/disclosure/statistics?year=${YEAR}`).expect(200);
  dashboardKeys = {};
  for (const key of figureKeysIn(dashboard.body.data.sections)) {
    const provider = key.split(/[.:]/, 1)[0];
    (dashboardKeys[provider] ??= []).push(key);
  }
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the seeded year', () => {
  it('has every never-published state and three requests behind its figures', async () => {
    const dashboard = await admin(coordinator)
      .get(`/disclosure/statistics?year=${YEAR}`)
      .expect(200);
    const steps = Object.fromEntries(
      (dashboard.body.data.sections.reviews.steps as Array<{ key: string; value: number }>).map(
        (figure) => [figure.key, figure.value]
      )
    );
    expect(steps['reviews.step:withhold']).toBe(1);
    expect(steps['reviews.step:return']).toBe(1);
    expect(steps['reviews.step:unpublish']).toBe(1);
    expect(trackingNumbers).toHaveLength(3);
  });

  it('lists, on the admin dashboard, exactly the internal figure keys these probes cover', () => {
    expect(INTERNAL_PROVIDERS.flatMap((provider) => dashboardKeys[provider] ?? []).sort()).toEqual(
      [...INTERNAL_KEYS].sort()
    );
    expect(Object.keys(dashboardKeys).sort()).toEqual(
      [...PUBLIC_PROVIDERS, ...INTERNAL_PROVIDERS].sort()
    );
  });
});

describe('GET /api/disclosure/statistics/records: figures about never-published things', () => {
  const cases = PRINCIPALS.flatMap((principal) =>
    INTERNAL_KEYS.map((figure) => [principal, figure] as const)
  );
  it.each(cases)(
    '%s asking for %s is refused, with no title or number',
    async (principal, figure) => {
      const response = await get(principal, '/api/disclosure/statistics/records', {
        year: YEAR,
        figure,
        pageSize: 100,
      });
      const expected = MAY_READ_RECORDS.includes(principal) ? internalFigure(figure) : FORBIDDEN;
      expect({ status: response.status, body: response.body }).toEqual({
        status: 403,
        body: expected,
      });
      expect(leaksIn(response.text)).toEqual([]);
    }
  );
});

describe('GET /api/disclosure/statistics/records: figures about published items', () => {
  it.each(PRINCIPALS)(
    '%s gets the published records of every public figure, or 403 without the permission',
    async (principal) => {
      const keys = PUBLIC_PROVIDERS.flatMap((provider) => dashboardKeys[provider] ?? []);
      expect(keys.length).toBeGreaterThan(20);
      const answers: Array<{ figure: string; status: number; leaks: string[] }> = [];
      for (const figure of keys) {
        const response = await get(principal, '/api/disclosure/statistics/records', {
          year: YEAR,
          figure,
          pageSize: 100,
        });
        if (!MAY_READ_RECORDS.includes(principal)) expect(response.body).toEqual(FORBIDDEN);
        answers.push({ figure, status: response.status, leaks: leaksIn(response.text) });
      }
      const status = MAY_READ_RECORDS.includes(principal) ? 200 : 403;
      expect(answers).toEqual(keys.map((figure) => ({ figure, status, leaks: [] })));
    }
  );

  it.each(MAY_READ_RECORDS)(
    '%s sees the published item itself (the drill-down works)',
    async (principal) => {
      const response = await get(principal, '/api/disclosure/statistics/records', {
        year: YEAR,
        figure: 'items.total',
        pageSize: 100,
      }).expect(200);
      expect(response.body.data.map((record: { title: string }) => record.title)).toContain(
        PUBLISHED_TITLE
      );
    }
  );
});

describe('the content-API actions of the plugin', () => {
  it('offers tokens statistics.find and statistics.records and the service guide; a read-only scope gets their finds only', async () => {
    const response = await admin(superAdmin).get('/admin/content-api/permissions').expect(200);
    const controllers = response.body.data['plugin::disclosure'].controllers as Record<
      string,
      string[]
    >;
    expect(controllers.statistics.sort()).toEqual(['find', 'records']);
    // service-guide: the website's 办事指南 (published service items), public like the catalogue.
    // consultations, inquiries and requests: the public intakes, reads of published consultations
    // and status lookups (auth: false, no token scope).
    expect(Object.keys(controllers).sort()).toEqual([
      'consultations',
      'inquiries',
      'requests',
      'service-guide',
      'statistics',
    ]);
    const readScope = Object.entries(controllers).flatMap(([controller, actions]) =>
      actions
        .filter((action) => action.endsWith('find') || action.endsWith('findOne'))
        .map((action) => `${controller}.${action}`)
    );
    expect(readScope.sort()).toEqual([
      'service-guide.find',
      'service-guide.findOne',
      'statistics.find',
    ]);
  });
});

describe('GET /api/disclosure/statistics: the public figures', () => {
  it.each(PRINCIPALS)('%s gets only the figures about published items', async (principal) => {
    const response = await get(principal, '/api/disclosure/statistics', { year: YEAR });
    if (!MAY_READ_FIGURES.includes(principal)) {
      expect({ status: response.status, body: response.body }).toEqual({
        status: 403,
        body: FORBIDDEN,
      });
      return;
    }
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.data.sections)).toEqual(PUBLIC_PROVIDERS);
    expect(response.body.data.providers.map((provider: { name: string }) => provider.name)).toEqual(
      PUBLIC_PROVIDERS
    );
    expect(response.text).not.toMatch(/reviews\.|requests\./);
    expect(leaksIn(response.text)).toEqual([]);
  });

  const asked = MAY_READ_FIGURES.flatMap((principal) =>
    [
      ['reviews', 'reviews'],
      ['requests', 'requests'],
      ['items,reviews', 'reviews'],
      ['policies,requests,items', 'requests'],
      ['items,monitor', 'monitor'],
    ].map(([providers, refused]) => [principal, providers, refused] as const)
  );
  it.each(asked)(
    '%s asking for providers=%s is refused: %s is internal',
    async (principal, providers, refused) => {
      const response = await get(principal, '/api/disclosure/statistics', {
        year: YEAR,
        providers,
      });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 403,
        body: internalProvider(refused),
      });
    }
  );
});

describe('the admin dashboard keeps the full drill-down', () => {
  it.each([
    ['reviews.withheld:commercial_secret', NOT_PUBLIC.withheld],
    ['reviews.step:submit', NOT_PUBLIC.submitted],
    ['reviews.step:return', NOT_PUBLIC.returned],
    ['requests.table3:new.total', NOT_PUBLIC.requestSubject1],
    ['requests.extensions', NOT_PUBLIC.requestSubject2],
  ])('the coordinator opens %s and sees the record', async (figure, title) => {
    const response = await admin(coordinator)
      .get(`/disclosure/statistics/records?year=${YEAR}&figure=${figure}&pageSize=100`)
      .expect(200);
    expect(response.body.data.map((record: { title: string }) => record.title)).toContain(title);
  });
});

describe('the Content Manager does not show the plugin internal types', () => {
  it.each(INTERNAL_TYPES)(
    '%s is not displayed in the Content Manager nor the builder',
    async (uid) => {
      const types = await admin(superAdmin).get('/content-manager/content-types').expect(200);
      const entry = types.body.data.find((type: { uid: string }) => type.uid === uid);
      expect(entry?.isDisplayed ?? false).toBe(false);
      const schemas = await admin(superAdmin)
        .get('/content-type-builder/content-types')
        .expect(200);
      const schema = schemas.body.data.find((type: { uid: string }) => type.uid === uid);
      expect(schema?.schema.visible ?? false).toBe(false);
    }
  );

  const forbidden = {
    data: null,
    error: { status: 403, name: 'PolicyError', message: 'Policy Failed', details: {} },
  };
  const spellings = (uid: string) => [uid, uid.replace(/:/g, '%3A')];
  const reads = INTERNAL_TYPES.flatMap((uid) =>
    spellings(uid).flatMap((spelling) =>
      (['super admin', 'coordinator'] as const).flatMap((who) => [
        [who, 'lists', spelling, uid, 'list'] as const,
        [who, 'reads one entry of', spelling, uid, 'one'] as const,
      ])
    )
  );
  it.each(reads)('a %s who %s %s gets 403', async (who, _verb, spelling, uid, what) => {
    const login = who === 'super admin' ? superAdmin : coordinator;
    const path = `/content-manager/collection-types/${spelling}${what === 'one' ? `/${entryOf[uid]}` : ''}`;
    const response = await admin(login).get(path);
    expect({ status: response.status, body: response.body }).toEqual({
      status: 403,
      body: forbidden,
    });
    expect(response.text).not.toContain('queryCodeHash');
  });

  const writes = INTERNAL_TYPES.flatMap((uid) =>
    (
      [
        ['post', ''],
        ['put', '/ENTRY'],
        ['delete', '/ENTRY'],
      ] as const
    ).map(([method, suffix]) => [method, uid, suffix] as const)
  );
  it.each(writes)('a super admin sending %s to %s%s gets 403', async (method, uid, suffix) => {
    const path = `/content-manager/collection-types/${uid}${suffix.replace('ENTRY', entryOf[uid])}`;
    const response = await admin(superAdmin).send(method, path).send({});
    expect({ status: response.status, body: response.body }).toEqual({
      status: 403,
      body: forbidden,
    });
  });

  it('keeps the plugin pages working: requests, staff, reply templates and the audit check', async () => {
    const pages = ['/disclosure/requests', '/disclosure/staff', '/disclosure/reply-templates'];
    for (const page of pages) await admin(superAdmin).get(page).expect(200);
    const one = await admin(coordinator)
      .get(`/disclosure/requests/${trackingNumbers[0]}`)
      .expect(200);
    expect(one.body.data.title).toBe(NOT_PUBLIC.requestSubject1);
  });
});
