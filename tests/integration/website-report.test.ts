/**
 * The 政府网站工作年度报表 (admin: /disclosure/website-reports/:year): fields computed from the
 * statistics providers and drillable to their records, the others entered and typed; exports; the
 * review into the 政府信息公开年报 column and the website API (published versions only).
 *
 * The `inquiries` and `consultations` providers come from modules built beside this one; while they
 * are not registered, this file registers fakes with the documented keys (and, before that, shows
 * their fields as entered). With the real modules in, the fields are compared with their figures.
 */
import request from 'supertest';
import { columnId, createPublished } from '../helpers/content';
import { superAdminCrew } from '../helpers/review';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService, type StatisticsProvider } from 'strapi-plugin-gov-disclosure/sdk';
import {
  WEBSITE_REPORT_FIELDS,
  labelWithUnit,
} from '../../src/plugins/disclosure/shared/reporting/website-report/format';
import type { WebsiteReportDto } from '../../src/plugins/disclosure/shared/reporting/website-report/contracts';

const REPORT = 'api::website-report.website-report';
const ARTICLE = 'api::article.article';
const INTERPRETATION = 'api::policy-interpretation.policy-interpretation';
const LEADER = 'api::leader.leader';
const SERVICE_ITEM = 'plugin::disclosure.service-item';
const SERVICE_CASE = 'plugin::disclosure.service-case';
const YEAR = 2023;

let app: TestApp;
let coordinator: StaffLogin;
let editor: StaffLogin;
let fakesRegistered = false;

const inYear = (date: string) => new Date(`${YEAR}-${date}T10:00:00+08:00`);
const as = (login: StaffLogin) => `Bearer ${login.token}`;

const show = async (): Promise<WebsiteReportDto> =>
  (
    await request(app.http)
      .get(`/disclosure/website-reports/${YEAR}`)
      .set('Authorization', as(coordinator))
      .expect(200)
  ).body.data;

const put = (body: unknown, login: StaffLogin = coordinator) =>
  request(app.http)
    .put(`/disclosure/website-reports/${YEAR}`)
    .set('Authorization', as(login))
    .send(body as object);

const figure = (key: string, label: string, value: number) => ({ key, label, value });

/** A provider with fixed figures and one record behind each count. */
const fakeProvider = (name: string, section: Record<string, unknown>): StatisticsProvider => ({
  name,
  label: { 'zh-Hans': name, en: name },
  isPublic: false,
  compute: async (context) => (context.year === YEAR ? section : {}) as never,
  records: async (_context, key) =>
    key.startsWith(`${name}.`)
      ? {
          figure: key,
          total: 1,
          results: [
            { uid: 'fake', documentId: 'x', locale: null, title: key, date: `${YEAR}-05-01` },
          ],
        }
      : null,
});

const FAKE_INQUIRIES = fakeProvider('inquiries', {
  received: figure('inquiries.received', '收到留言', 12),
  closed: figure('inquiries.closed', '办结留言', 11),
  averageWorkingDays: 2.5,
  publicAnswers: figure('inquiries.publicAnswers', '公开答复', 9),
});
const FAKE_CONSULTATIONS = fakeProvider('consultations', {
  held: figure('consultations.held', '征集调查期数', 3),
  comments: figure('consultations.comments', '收到意见', 40),
  resultsPublished: figure('consultations.resultsPublished', '公布结果期数', 2),
});

/** Every value the entered fields need for submission, of the right type. */
const completeEntries = (report: WebsiteReportDto) =>
  Object.fromEntries(
    WEBSITE_REPORT_FIELDS.filter((field) => report.cells[field.key].source === 'entered').map(
      (field) => {
        switch (field.type) {
          case 'count':
            return [field.key, 3];
          case 'decimal':
            return [field.key, 1.5];
          case 'yesNo':
            return [field.key, true];
          case 'choice':
            return [field.key, field.options![1]];
          case 'date':
            return [field.key, `${YEAR + 1}-01-20`];
          default:
            return [field.key, `${field.label}内容`];
        }
      }
    )
  );

beforeAll(async () => {
  app = await bootApp();
  const { strapi } = app;
  const divisions = await createDivisions(strapi);
  const column = (code: string) => columnId(strapi, code);
  const article = async (title: string, code: string, date: string) =>
    createPublished(
      strapi,
      ARTICLE,
      { title, column: await column(code) },
      { firstPublishedAt: inYear(date) }
    );
  await article('工作动态一', 'work-news', '03-01');
  await article('工作动态二', 'work-news', '04-01');
  await article('机构职能调整', 'functions', '05-01');
  await article('部门文件一', 'department-documents', '06-01');
  await article('通知一', 'notices', '07-01');
  await article('元旦动态', 'work-news', '01-01');
  // An item of the year before: not counted.
  await createPublished(
    strapi,
    ARTICLE,
    { title: '前年动态', column: await column('work-news') },
    { firstPublishedAt: new Date(`${YEAR - 1}-12-31T10:00:00+08:00`) }
  );
  // A leader's profile updated in the year: a 概况类 update, though not a catalogue item.
  const leader = await createPublished(strapi, LEADER, { name: '王局长', title: '局长' });
  await strapi.db.query(LEADER).updateMany({
    where: { documentId: leader, publishedAt: { $notNull: true } },
    data: { publishedAt: inYear('08-01') },
  });
  const interpretation = async (title: string, form: string) =>
    createPublished(
      strapi,
      INTERPRETATION,
      { title, form, column: await column('policy-interpretations') },
      { firstPublishedAt: inYear('09-01') }
    );
  await interpretation('文字解读', 'text');
  await interpretation('图解', 'graphic');
  await interpretation('专家解读', 'expert');

  // Service items and cases as an import of past records would write them.
  const item = (n: number, data: Record<string, unknown>) =>
    strapi.db.query(SERVICE_ITEM).create({
      data: {
        documentId: `wrepitem${String(n).padStart(16, '0')}`,
        name: `事项${n}`,
        itemType: 'licensing',
        lifecycle: 'in_force',
        onlineDepth: 'partial',
        publishedAt: new Date(`${YEAR - 1}-06-01T00:00:00Z`),
        firstPublishedAt: new Date(`${YEAR - 1}-06-01T00:00:00Z`),
        ...data,
      },
    });
  await item(1, { onlineDepth: 'full' });
  await item(2, { firstPublishedAt: inYear('05-01'), publishedAt: inYear('05-01') });
  await item(3, { lifecycle: 'withdrawn', withdrawnOn: `${YEAR - 1}-09-01` });
  await item(4, { lifecycle: 'withdrawn', withdrawnOn: `${YEAR}-05-01`, onlineDepth: 'full' });
  await item(5, {
    firstPublishedAt: new Date(`${YEAR + 1}-02-01T00:00:00Z`),
    publishedAt: new Date(`${YEAR + 1}-02-01T00:00:00Z`),
  });
  const serviceCase = (n: number, applicantType: string, closedOn: string | null) =>
    strapi.db.query(SERVICE_CASE).create({
      data: {
        caseNumber: `WREP-${YEAR}-${n}`,
        serviceItem: 'wrepitem0000000000000001',
        itemName: '事项1',
        itemType: 'licensing',
        source: 'import',
        applicantType,
        state: closedOn ? 'delivered' : 'reviewing',
        decision: closedOn ? 'granted' : null,
        appliedOn: `${YEAR}-03-01`,
        acceptedOn: `${YEAR}-03-02`,
        decidedOn: closedOn,
        closedOn,
      },
    });
  await serviceCase(1, 'natural', `${YEAR}-03-10`);
  await serviceCase(2, 'natural', `${YEAR}-04-10`);
  await serviceCase(3, 'legal', `${YEAR}-05-10`);
  await serviceCase(4, 'legal', null);

  coordinator = await staffLogin(strapi, app.http, {
    email: 'coordinator@website-report.test',
    role: 'disclosure-coordinator',
  });
  editor = await staffLogin(strapi, app.http, {
    email: 'editor@website-report.test',
    role: 'disclosure-editor',
    division: divisions.office,
  });
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the 政府网站工作年度报表 editor', () => {
  it('computes 信息发布, 解读 and 办事服务 from the records of the year', async () => {
    const report = await show();
    expect(report.documentId).toBeNull();
    expect(report.title).toBe(`政府网站工作年度报表（${YEAR}年度）`);
    const value = (key: string) => report.cells[key].value;
    // Six articles of the year (one dated 1 January), three interpretations.
    expect(report.cells['publishing.total']).toEqual({
      value: 9,
      source: 'computed',
      figure: 'items.total',
      records: 'items.total',
    });
    expect(value('publishing.news')).toBe(3);
    expect(value('publishing.overview')).toBe(2); // 机构职能调整 + the leader's profile
    expect(value('publishing.catalogue')).toBe(5); // 机构职能, 部门文件, three interpretations
    expect(value('interpretation.total')).toBe(3);
    expect(value('interpretation.materials')).toBe(2);
    expect(value('interpretation.products')).toBe(1);
    expect(report.cells['interpretation.mediaArticles']).toEqual({
      value: null,
      source: 'entered',
    });
    expect(value('services.items')).toBe(3);
    expect(value('services.onlineItems')).toBe(2);
    expect(value('services.cases')).toBe(3);
    expect(value('services.naturalCases')).toBe(2);
    expect(value('services.legalCases')).toBe(1);
    expect(report.missing).toContain('site.name');
    expect(report.missing).not.toContain('publishing.total');
  });

  it('matches the statistics providers, and each computed field drills down to its records', async () => {
    const report = await show();
    const statistics = (
      await request(app.http)
        .get(`/disclosure/statistics?year=${YEAR}`)
        .set('Authorization', as(coordinator))
        .expect(200)
    ).body.data.sections;
    const text = JSON.stringify(statistics);
    for (const field of WEBSITE_REPORT_FIELDS) {
      const cell = report.cells[field.key];
      if (cell.source !== 'computed') continue;
      expect(text).toContain(`"key":"${cell.figure}","label"`);
      const records = await request(app.http)
        .get(
          `/disclosure/statistics/records?year=${YEAR}&figure=${encodeURIComponent(cell.records!)}&pageSize=100`
        )
        .set('Authorization', as(coordinator))
        .expect(200);
      if (cell.records === cell.figure) {
        expect({ field: field.key, total: records.body.meta.pagination.total }).toEqual({
          field: field.key,
          total: cell.value,
        });
      }
    }
    const overview = await request(app.http)
      .get(`/disclosure/statistics/records?year=${YEAR}&figure=items.websiteCategory:overview`)
      .set('Authorization', as(coordinator))
      .expect(200);
    expect(overview.body.data.map((record: { title: string }) => record.title).sort()).toEqual([
      '机构职能调整',
      '王局长',
    ]);
    const online = await request(app.http)
      .get(`/disclosure/statistics/records?year=${YEAR}&figure=serviceCases.onlineItems`)
      .set('Authorization', as(coordinator))
      .expect(200);
    expect(online.body.data.map((record: { title: string }) => record.title)).toEqual([
      '事项1',
      '事项4',
    ]);
  });

  it('takes 互动交流 as entered while no provider holds it, then computes it once one does', async () => {
    const statistics = disclosureService(app.strapi, 'statistics');
    if (!statistics.has('inquiries')) {
      const before = await show();
      expect(before.cells['interaction.messagesReceived'].source).toBe('entered');
      statistics.register(FAKE_INQUIRIES);
      fakesRegistered = true;
    }
    if (!statistics.has('consultations')) statistics.register(FAKE_CONSULTATIONS);
    const report = await show();
    for (const key of [
      'interaction.messagesReceived',
      'interaction.messagesClosed',
      'interaction.averageDays',
      'interaction.publicAnswers',
      'interaction.consultations',
      'interaction.consultationComments',
      'interaction.resultsPublished',
    ]) {
      expect({ key, source: report.cells[key].source }).toEqual({ key, source: 'computed' });
    }
    expect(report.cells['interaction.averageDays'].records).toBe('inquiries.closed');
    if (fakesRegistered) {
      expect(report.cells['interaction.messagesReceived'].value).toBe(12);
      expect(report.cells['interaction.averageDays'].value).toBe(2.5);
      expect(report.cells['interaction.resultsPublished'].value).toBe(2);
    }
    expect(report.cells['interaction.interviews'].source).toBe('entered');
  });

  it('refuses an entry into a computed field, naming it', async () => {
    const response = await put({ entered: { 'services.cases': 36 } }).expect(400);
    expect(response.body.error.message).toContain('"services.cases"');
    expect(response.body.error.message).toContain('serviceCases.closed');
    expect(response.body.error.details).toEqual({ key: 'entered', field: 'services.cases' });
    expect((await show()).documentId).toBeNull();
  });

  it.each([
    ['topics.opened', 'three'],
    ['topics.opened', -1],
    ['topics.opened', 2.5],
    ['security.drills', 'yes'],
    ['security.drills', 1],
    ['site.siteType', '门户网站'],
    ['signoff.date', '20 January'],
    ['site.unknown', 1],
  ])('refuses %s = %j with a 400 naming the field, storing nothing', async (key, value) => {
    const response = await put({ entered: { 'site.name': '不应保存', [key]: value } }).expect(400);
    expect(response.body.error.message).toContain(`"${key}"`);
    expect(response.body.error.details.field).toBe(key);
    expect(await app.strapi.db.query(REPORT).count()).toBe(0);
  });

  it('refuses unknown fields of the request and staff without the report permission', async () => {
    const unknown = await put({ cells: {} }).expect(400);
    expect(unknown.body.error.message).toContain('Unknown field "cells"');
    const refused = await put({ entered: { 'topics.opened': 1 } }, editor).expect(403);
    expect(refused.body.error.message).toContain('plugin::disclosure.annual-report.manage');
  });

  it('saves entered fields of every type and shows them again', async () => {
    const saved = await put({
      entered: {
        'site.name': '示范市工业和信息化局网站',
        'site.siteType': '部门网站',
        'topics.opened': 2,
        'security.drills': true,
        'security.monitoring': false,
        'signoff.date': `${YEAR + 1}-01-20`,
      },
    }).expect(200);
    expect(saved.body.data.documentId).toEqual(expect.any(String));
    expect(saved.body.data.review).toEqual({ state: 'draft' });
    const report = await show();
    expect(report.cells['site.name']).toEqual({
      value: '示范市工业和信息化局网站',
      source: 'entered',
    });
    expect(report.cells['topics.opened']).toEqual({ value: 2, source: 'entered' });
    expect(report.cells['security.drills'].value).toBe(true);
    expect(report.cells['security.monitoring'].value).toBe(false);
    expect(report.missing).not.toContain('site.name');
    expect(report.missing).toContain('site.homepage');
    // null clears a field.
    await put({ entered: { 'topics.opened': null } }).expect(200);
    expect((await show()).cells['topics.opened'].value).toBeNull();
  });

  it('refuses to submit while a required field is empty, naming them — by either route', async () => {
    const response = await request(app.http)
      .post(`/disclosure/website-reports/${YEAR}/submit`)
      .set('Authorization', as(coordinator))
      .expect(400);
    expect(response.body.error.message).toContain('"site.homepage"');
    expect(response.body.error.details.missing).toEqual(
      expect.arrayContaining(['site.homepage', 'topics.opened', 'security.responsiblePerson'])
    );
    const { documentId } = await show();
    const generic = await request(app.http)
      .post('/disclosure/reviews/submit')
      .set('Authorization', as(coordinator))
      .send({ contentType: REPORT, documentId, locale: 'zh-Hans' })
      .expect(400);
    expect(generic.body.error.details.missing).toContain('site.homepage');
  });

  it('exports JSON, CSV (one line per field) and the printable form with its labels', async () => {
    const get = (format: string) =>
      request(app.http)
        .get(`/disclosure/website-reports/${YEAR}/export?format=${format}`)
        .set('Authorization', as(coordinator))
        .expect(200);
    const html = (await get('html')).text;
    for (const field of WEBSITE_REPORT_FIELDS.filter((f) => !f.key.startsWith('signoff.'))) {
      expect(html).toContain(`>${field.ofWhich ? '其中：' : ''}${labelWithUnit(field)}<`);
    }
    expect(html).toContain('<th class="section" rowspan="4">信息发布（单位：条）</th>');
    expect(html).toContain('<td data-field="publishing.total" class="value computed">9</td>');
    expect(html).toContain('<td data-field="security.drills" class="value entered">是</td>');
    const csv = await get('csv');
    expect(csv.headers['content-disposition']).toContain(`website-report-${YEAR}.csv`);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('栏目,指标,数值,单位,来源,字段');
    expect(lines).toHaveLength(WEBSITE_REPORT_FIELDS.length + 1);
    expect(lines).toContain('信息发布,总数,9,条,系统统计,publishing.total');
    expect(lines).toContain('办事服务,办件量 / 自然人办件量,2,件,系统统计,services.naturalCases');
    expect(lines).toContain('网站基本信息,网站类型,部门网站,,填报,site.siteType');
    const json = JSON.parse((await get('json')).text);
    expect(json.cells['services.onlineItems'].value).toBe(2);
    await request(app.http)
      .get(`/disclosure/website-reports/${YEAR}/export?format=pdf`)
      .set('Authorization', as(coordinator))
      .expect(400);
  });

  it('once complete, goes through the review into 政府信息公开年报, and the website shows only the published version', async () => {
    // A draft is never served, whatever the query.
    const before = await request(app.http).get('/api/website-reports').expect(200);
    expect(before.body.data).toEqual([]);
    await request(app.http).get('/api/website-reports?status=draft').expect(403);

    await put({ entered: completeEntries(await show()) }).expect(200);
    const submitted = await request(app.http)
      .post(`/disclosure/website-reports/${YEAR}/submit`)
      .set('Authorization', as(coordinator))
      .expect(200);
    expect(submitted.body.data.review.state).toBe('submitted');
    expect(submitted.body.data.missing).toEqual([]);
    expect((await request(app.http).get('/api/website-reports').expect(200)).body.data).toEqual([]);

    const crew = await superAdminCrew(app.strapi);
    const reviews = disclosureService(app.strapi, 'reviews');
    const documentId = submitted.body.data.documentId;
    for (const [action, member] of [
      ['approve', crew.divisionReviewer],
      ['clear', crew.confidentialityReviewer],
      ['publish', crew.author],
    ] as const) {
      await reviews.transition({
        uid: REPORT,
        documentId,
        locale: 'zh-Hans',
        action,
        user: member.user,
        ability: member.ability,
      });
    }
    const website = await request(app.http)
      .get('/api/website-reports?column=annual-reports&populate=metadata')
      .expect(200);
    expect(website.body.data).toHaveLength(1);
    const published = website.body.data[0];
    expect(published.year).toBe(YEAR);
    expect(published.values['publishing.total']).toMatchObject({ value: 9, source: 'computed' });
    expect(published.values['site.siteType'].value).toBe('部门网站');
    expect(published.metadata.indexNumber).toMatch(/^[0-9A-Z]+\/\d{4}-\d{5}$/);

    // An edit after publication stays in the draft until it is reviewed again.
    await put({ entered: { 'site.name': '改过但未审核的名称' } }).expect(200);
    const again = await request(app.http)
      .get(`/api/website-reports/${published.documentId}`)
      .expect(200);
    expect(again.body.data.values['site.name'].value).not.toBe('改过但未审核的名称');
    expect(JSON.stringify(again.body)).not.toContain('改过但未审核的名称');
  });
});
