import request from 'supertest';
import { columnId, createApiToken, createPublished } from '../helpers/content';
import { reviewAndPublish } from '../helpers/review';
import { PLATFORM_TOTAL, SOURCE_YEAR, replaySourceYear } from '../helpers/source-year';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const POLICY = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::policy-interpretation.policy-interpretation';

interface Figure {
  key: string;
  label: string;
  value: number;
  own?: Figure;
  children?: Figure[];
}

let app: TestApp;
/** What a website build holds: the public figures, not their records. */
let token: string;
/** A custom token with the records permission: the published items behind a public figure. */
let recordsToken: string;
let coordinator: StaffLogin;
let editor: StaffLogin;
let divisions: { office: string; other: string };
const ids: Record<string, string> = {};

/** Every figure with a key in a statistics response, depth first. */
const figuresIn = (value: unknown): Figure[] => {
  if (Array.isArray(value)) return value.flatMap(figuresIn);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const own =
      typeof object.key === 'string' && typeof object.value === 'number'
        ? [object as unknown as Figure]
        : [];
    return [...own, ...Object.values(object).flatMap(figuresIn)];
  }
  return [];
};

const statistics = async (year: number, extra = '') =>
  (
    await request(app.http)
      .get(`/api/disclosure/statistics?year=${year}${extra}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200)
  ).body.data;

/** Every figure, reviews and requests included: the admin dashboard's answer. */
const dashboard = async (year: number) =>
  (
    await request(app.http)
      .get(`/disclosure/statistics?year=${year}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200)
  ).body.data;

const figure = (data: { sections: unknown }, key: string) => {
  const found = figuresIn(data.sections).find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found.value;
};

// A long hook timeout: 524 items go through the whole review, minutes on a shared machine.
beforeAll(async () => {
  app = await bootApp();
  const { strapi } = app;
  divisions = await createDivisions(strapi);
  await replaySourceYear(strapi, [divisions.office, divisions.other]);

  // Year boundaries in Beijing time.
  const news = await columnId(strapi, 'work-news');
  ids.newYearsEve = await createPublished(
    strapi,
    ARTICLE,
    { title: '2017年最后一条', column: news },
    { firstPublishedAt: new Date('2017-12-31T23:30:00+08:00') }
  );
  // 2019-01-01 00:30 in Beijing is still 2018-12-31 in UTC: it counts in 2019.
  ids.newYearsDay = await createPublished(
    strapi,
    ARTICLE,
    { title: '2019年第一条', column: news },
    { firstPublishedAt: new Date('2019-01-01T00:30:00+08:00') }
  );

  // Policy documents and their interpretations.
  const documents = await columnId(strapi, 'department-documents');
  const interpretations = await columnId(strapi, 'policy-interpretations');
  const policy = (title: string, data: Record<string, unknown>, at: string) =>
    createPublished(
      strapi,
      POLICY,
      { title, issuingAuthority: '示范市工业和信息化局', column: documents, ...data },
      { firstPublishedAt: new Date(at) }
    );
  ids.rule = await policy(
    '规章一',
    { documentKind: 'rule', dateWritten: '2018-02-01' },
    '2018-02-05T10:00:00+08:00'
  );
  ids.normative = await policy(
    '规范性文件一',
    { documentKind: 'normative', dateWritten: '2018-09-25' },
    // Friday 28 Sep 2018. Sat 29 and Sun 30 Sep were 调休 working days and 1–7 Oct the 国庆
    // holiday, so the third working day after it is Monday 8 Oct.
    '2018-09-28T10:00:00+08:00'
  );
  ids.repealed = await policy(
    '已废止的旧文件',
    {
      documentKind: 'normative',
      dateWritten: '2015-06-01',
      validity: 'repealed',
      validityDate: '2018-07-01',
    },
    '2015-06-05T10:00:00+08:00'
  );
  ids.repealedLater = await policy(
    '次年废止的文件',
    {
      documentKind: 'normative',
      dateWritten: '2016-01-10',
      validity: 'repealed',
      validityDate: '2019-03-01',
    },
    '2016-01-12T10:00:00+08:00'
  );
  const interpretation = (title: string, policyDocument: string | null, at: string) =>
    createPublished(
      strapi,
      INTERPRETATION,
      { title, policyDocument, column: interpretations },
      { firstPublishedAt: new Date(at) }
    );
  ids.onTime = await interpretation('国庆后按时解读', ids.normative, '2018-10-08T17:00:00+08:00');
  ids.late = await interpretation('迟到的解读', ids.normative, '2018-10-09T09:00:00+08:00');
  ids.sameDay = await interpretation('同日解读', ids.rule, '2018-02-05T10:00:00+08:00');
  ids.unlinked = await interpretation('未关联文件的解读', null, '2018-05-05T10:00:00+08:00');

  token = await createApiToken(strapi, 'read-only');
  recordsToken = (
    await strapi.service('admin::api-token').create({
      name: 'statistics and records',
      description: '',
      type: 'custom',
      lifespan: null,
      permissions: ['plugin::disclosure.statistics.find', 'plugin::disclosure.statistics.records'],
    })
  ).accessKey;
  coordinator = await staffLogin(strapi, app.http, {
    email: 'coordinator@statistics.test',
    role: 'disclosure-coordinator',
  });
  editor = await staffLogin(strapi, app.http, {
    email: 'editor@statistics.test',
    role: 'disclosure-editor',
    division: divisions.office,
  });
}, 600_000);

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('items first published in a year', () => {
  it('counts the source year: 165 工作动态, 60 通知公告 and the 政务公开 sub-columns, 514 in all', async () => {
    const data = await statistics(2018);
    expect(figure(data, 'items.column:work-news')).toBe(SOURCE_YEAR.workNews);
    expect(figure(data, 'items.column:notices')).toBe(SOURCE_YEAR.notices);
    expect(figure(data, 'items.columnTree:government-disclosure')).toBe(PLATFORM_TOTAL + 2 + 4);
    // 514 articles + 2 policy documents + 4 interpretations published in 2018 (Beijing time).
    expect(figure(data, 'items.type:api::article.article')).toBe(514);
    expect(figure(data, 'items.total')).toBe(514 + 2 + 4);
  });

  it('gives the 政务公开 sub-columns as a tree whose subtotal is the sum of its children', async () => {
    const data = await statistics(2018);
    const node = (data.sections.items.byColumn as Figure[]).find(
      (candidate) => candidate.key === 'items.columnTree:government-disclosure'
    )!;
    expect(node.children).toHaveLength(12);
    expect(node.children!.map((child) => child.label)).toContain('政府信息公开年报');
    expect(node.value).toBe(
      node.own!.value + node.children!.reduce((sum, child) => sum + child.value, 0)
    );
    const documents = node.children!.find(
      (child) => child.key === 'items.column:department-documents'
    )!;
    expect(documents.value).toBe(SOURCE_YEAR.platform['department-documents'] + 2);
  });

  it('counts per division, month and genre, each adding up to the total', async () => {
    const data = await statistics(2018);
    const items = data.sections.items;
    const sum = (list: Figure[]) => list.reduce((total, entry) => total + entry.value, 0);
    const total = figure(data, 'items.total');
    expect(sum(items.byDivision)).toBe(total);
    expect(sum(items.byMonth)).toBe(total);
    expect(sum(items.byGenre)).toBe(total);
    expect(items.byMonth).toHaveLength(12);
    expect(figure(data, `items.division:${divisions.office}`)).toBe(257);
    expect(figure(data, `items.division:${divisions.other}`)).toBe(257);
    expect(figure(data, 'items.genre:notice')).toBeGreaterThan(0);
  });

  it('places an item by the Beijing calendar: 2019-01-01 00:30 +08:00 counts in 2019, not 2018', async () => {
    const [y2017, y2019] = [await statistics(2017), await statistics(2019)];
    expect(figure(y2017, 'items.column:work-news')).toBe(1);
    expect(figure(y2019, 'items.column:work-news')).toBe(1);
    const records = await request(app.http)
      .get('/api/disclosure/statistics/records?year=2019&figure=items.column:work-news')
      .set('Authorization', `Bearer ${recordsToken}`)
      .expect(200);
    expect(records.body.data.map((record: { title: string }) => record.title)).toEqual([
      '2019年第一条',
    ]);
  });

  it('does not count an item twice when it is edited and republished', async () => {
    const before = figure(await statistics(2018), 'items.total');
    const documentId = ids.onTime;
    await app.strapi.documents(INTERPRETATION).update({
      documentId,
      locale: 'zh-Hans',
      data: { title: '国庆后按时解读（修订）' } as never,
    });
    await reviewAndPublish(app.strapi, INTERPRETATION, documentId);
    const after = await statistics(2018);
    expect(figure(after, 'items.total')).toBe(before);
    expect(figure(after, 'interpretations.onTime')).toBe(2);
  });
});

describe('policy documents and interpretations', () => {
  it('counts 规章 and 行政规范性文件 issued, repealed and in force at the end of the year', async () => {
    const data = await statistics(2018);
    expect(figure(data, 'policies.issued:rule')).toBe(1);
    expect(figure(data, 'policies.issued:normative')).toBe(1);
    expect(figure(data, 'policies.repealed:normative')).toBe(1);
    // In force on 31 Dec 2018: the new one and the one repealed only in 2019.
    expect(figure(data, 'policies.inForce:normative')).toBe(2);
    expect(figure(data, 'policies.inForce:rule')).toBe(1);
    const earlier = await statistics(2016);
    expect(figure(earlier, 'policies.inForce:normative')).toBe(2);
    expect(figure(earlier, 'policies.issued:normative')).toBe(1);
  });

  it('counts interpretations within 3 working days of their document, holidays excluded', async () => {
    const data = await statistics(2018);
    expect(figure(data, 'interpretations.published')).toBe(4);
    // On time: 8 Oct after a document of 28 Sep (29, 30 Sep and 8 Oct worked), and the same day.
    expect(figure(data, 'interpretations.onTime')).toBe(2);
    expect(figure(data, 'interpretations.late')).toBe(1);
    expect(figure(data, 'interpretations.unlinked')).toBe(1);
  });
});

describe('review figures', () => {
  it('counts the steps taken in the year and times submission to publication', async () => {
    // The steps were taken today: the year they count in is Beijing's. Admin dashboard only.
    const data = await dashboard(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    const steps = Object.fromEntries(
      (data.sections.reviews.steps as Figure[]).map((step) => [step.key, step.value])
    );
    // Every item above went through submit → approve → clear → publish this year (one twice).
    const items = 514 + 2 + 4 + 4;
    expect(steps['reviews.step:submit']).toBe(items + 1);
    expect(steps['reviews.step:publish']).toBe(items + 1);
    expect(data.sections.reviews.submissionToPublication.items).toBe(items);
    expect(data.sections.reviews.submissionToPublication.medianHours).toBeGreaterThanOrEqual(0);
  });
});

describe('drill-down', () => {
  it('lists, for every figure, records whose count is the figure (admin dashboard)', async () => {
    for (const year of [2018, 2019]) {
      const data = await dashboard(year);
      for (const entry of figuresIn(data.sections)) {
        const response = await request(app.http)
          .get('/disclosure/statistics/records')
          .query({ year, figure: entry.key, pageSize: 100 })
          .set('Authorization', `Bearer ${coordinator.token}`)
          .expect(200);
        expect({ key: entry.key, total: response.body.meta.pagination.total }).toEqual({
          key: entry.key,
          total: entry.value,
        });
        if (entry.value <= 100) expect(response.body.data).toHaveLength(entry.value);
      }
    }
  });

  it('lists, for every public figure, the same records to an API token with the permission', async () => {
    const data = await statistics(2018);
    expect(Object.keys(data.sections)).toEqual([
      'inquiries',
      'consultations',
      'items',
      'policies',
      'interpretations',
    ]);
    for (const entry of figuresIn(data.sections)) {
      const response = await request(app.http)
        .get('/api/disclosure/statistics/records')
        .query({ year: 2018, figure: entry.key, pageSize: 100 })
        .set('Authorization', `Bearer ${recordsToken}`)
        .expect(200);
      expect({ key: entry.key, total: response.body.meta.pagination.total }).toEqual({
        key: entry.key,
        total: entry.value,
      });
    }
  });

  it('pages through the records without repeating one', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 2; page++) {
      const response = await request(app.http)
        .get('/api/disclosure/statistics/records')
        .query({ year: 2018, figure: 'items.column:work-news', page, pageSize: 100 })
        .set('Authorization', `Bearer ${recordsToken}`)
        .expect(200);
      for (const record of response.body.data) seen.add(record.documentId);
    }
    expect(seen.size).toBe(SOURCE_YEAR.workNews);
  });
});

describe('access and bad input', () => {
  it('refuses anonymous callers', async () => {
    const response = await request(app.http).get('/api/disclosure/statistics?year=2018');
    expect([401, 403]).toContain(response.status);
  });

  it('refuses a custom API token without the statistics permission', async () => {
    const custom = await app.strapi.service('admin::api-token').create({
      name: 'columns only',
      description: '',
      type: 'custom',
      lifespan: null,
      permissions: ['api::column.column.find'],
    });
    await request(app.http)
      .get('/api/disclosure/statistics?year=2018')
      .set('Authorization', `Bearer ${custom.accessKey}`)
      .expect(403);
  });

  it('answers a custom API token with the statistics permission', async () => {
    const custom = await app.strapi.service('admin::api-token').create({
      name: 'statistics',
      description: '',
      type: 'custom',
      lifespan: null,
      permissions: ['plugin::disclosure.statistics.find'],
    });
    const response = await request(app.http)
      .get('/api/disclosure/statistics?year=2018&providers=policies')
      .set('Authorization', `Bearer ${custom.accessKey}`)
      .expect(200);
    expect(Object.keys(response.body.data.sections)).toEqual(['policies']);
  });

  it('refuses the records to a read-only token: they need plugin::disclosure.statistics.records', async () => {
    const response = await request(app.http)
      .get('/api/disclosure/statistics/records?year=2018&figure=items.total')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    expect(response.body.error.message).toBe('Forbidden');
  });

  it.each([
    ['no year', '', 'year'],
    ['a year that is not a number', 'year=twenty', 'year'],
    ['a year before the 条例', 'year=1999', 'year'],
    ['a future year', `year=${new Date().getFullYear() + 2}`, 'year'],
    ['an unknown locale', 'year=2018&locale=fr', 'locale'],
    ['an unknown parameter', 'year=2018&colour=red', 'colour'],
    ['an unknown provider', 'year=2018&providers=weather', 'providers'],
  ])('answers 400 naming the parameter for %s', async (_name, query, key) => {
    const response = await request(app.http)
      .get(`/api/disclosure/statistics?${query}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(response.body.error.details.key).toBe(key);
  });

  it.each([
    ['an unknown figure', 'figure=items.weather', 'figure'],
    ['no figure', '', 'figure'],
    ['a page size over 100', 'figure=items.total&pageSize=500', 'pageSize'],
    ['page 0', 'figure=items.total&page=0', 'page'],
  ])('answers 400 for drill-down with %s', async (_name, query, key) => {
    const response = await request(app.http)
      .get(`/api/disclosure/statistics/records?year=2018&${query}`)
      .set('Authorization', `Bearer ${recordsToken}`)
      .expect(400);
    expect(response.body.error.details.key).toBe(key);
  });

  it('serves the admin dashboard to the coordinator and refuses an editor', async () => {
    const response = await request(app.http)
      .get('/disclosure/statistics?year=2018')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(figure(response.body.data, 'items.column:notices')).toBe(SOURCE_YEAR.notices);
    const refused = await request(app.http)
      .get('/disclosure/statistics?year=2018')
      .set('Authorization', `Bearer ${editor.token}`)
      .expect(403);
    expect(refused.body.error.message).toContain('plugin::disclosure.statistics.read');
  });
});
