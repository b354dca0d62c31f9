/**
 * The monitor's year figures as statistics (provider `monitor`, staff only) and the annual
 * report's 五、存在的主要问题及改进情况 drafted from them (POST …/annual-reports/:year/problems-draft):
 * a news column stale for a known number of days, a notice column stale from mid-year, a blank
 * column, a column never published (never counted); the drill-down of every figure; the draft word
 * for word, 409 after the coordinator's edit, `replace: true`.
 */
import request from 'supertest';
import { columnId, createApiToken, createPublished } from '../helpers/content';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';
const COLUMN = 'api::column.column';
const YEAR = 2022;

interface Figure {
  key: string;
  label: string;
  value: number;
}

let app: TestApp;
let coordinator: StaffLogin;
let editor: StaffLogin;
let fullAccess: string;

/** 工作动态 (14 days): 2021-12-20, then nothing until 2022-12-25 — stale 2022-01-04 … 12-24. */
const NEWS_STALE = 355;
/** 部门文件 (180 days): first item 2022-01-10 — stale from 2022-07-10 to the year's end. */
const DOCUMENTS_STALE = 175;
const DRAFT = `本年度有2个栏目曾超过更新期限未更新，累计${NEWS_STALE + DOCUMENTS_STALE}天（工作动态${NEWS_STALE}天、部门文件${DOCUMENTS_STALE}天）；1个栏目无内容（政府会议），网站内容更新还不够及时。`;

const as = (login: StaffLogin) => `Bearer ${login.token}`;

const publishIn = async (code: string, date: string) =>
  createPublished(
    app.strapi,
    ARTICLE,
    { title: `${code} ${date}`, column: await columnId(app.strapi, code) },
    { firstPublishedAt: new Date(`${date}T10:00:00+08:00`) }
  );

const dashboard = async (year = YEAR) =>
  (
    await request(app.http)
      .get(`/disclosure/statistics?year=${year}`)
      .set('Authorization', as(coordinator))
      .expect(200)
  ).body.data;

const records = (figure: string, extra: Record<string, unknown> = {}) =>
  request(app.http)
    .get('/disclosure/statistics/records')
    .query({ year: YEAR, figure, pageSize: 100, ...extra })
    .set('Authorization', as(coordinator))
    .expect(200);

const draftProblems = (body: unknown, login: StaffLogin = coordinator) =>
  request(app.http)
    .post(`/disclosure/annual-reports/${YEAR}/problems-draft`)
    .set('Authorization', as(login))
    .send(body as object);

const getReport = async () =>
  (
    await request(app.http)
      .get(`/disclosure/annual-reports/${YEAR}`)
      .set('Authorization', as(coordinator))
      .expect(200)
  ).body.data;

const figuresOf = (section: Record<string, unknown>): Figure[] => [
  section.staleColumns as Figure,
  section.staleDays as Figure,
  ...(section.staleDaysByColumn as Figure[]),
  section.blankColumns as Figure,
  ...(section.blankByColumn as Figure[]),
];

beforeAll(async () => {
  app = await bootApp();
  await createDivisions(app.strapi);
  coordinator = await staffLogin(app.strapi, app.http, {
    email: 'coordinator@monitor-figures.test',
    role: 'disclosure-coordinator',
  });
  editor = await staffLogin(app.strapi, app.http, {
    email: 'editor@monitor-figures.test',
    role: 'disclosure-editor',
  });
  fullAccess = await createApiToken(app.strapi, 'full-access');

  await publishIn('work-news', '2021-12-20');
  await publishIn('work-news', '2022-12-25');
  await publishIn('department-documents', '2022-01-10');
  // Every other timed column has an item on the year's last day (neither stale nor blank), but
  // 政府会议, left blank.
  const { columns } = await disclosureService(app.strapi, 'monitor').year(YEAR);
  for (const column of columns) {
    if (['work-news', 'department-documents', 'meetings'].includes(column.code)) continue;
    await publishIn(column.code, '2022-12-31');
  }
  // A column only ever drafted: not on the website, so in no figure, no record, no draft.
  await app.strapi.documents(COLUMN).create({
    locale: 'zh-Hans',
    data: {
      name: '筹备中的栏目',
      code: 'draft-only-column',
      kind: 'catalogue_column',
      updateClass: 'news',
    } as never,
  });
}, 300_000);

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the monitor statistics provider', () => {
  it('counts the stale columns and their days, per column, and the blank columns', async () => {
    const section = (await dashboard()).sections.monitor;
    expect(section.staleColumns.value).toBe(2);
    expect(section.staleDays.value).toBe(NEWS_STALE + DOCUMENTS_STALE);
    const byColumn = Object.fromEntries(
      (section.staleDaysByColumn as Figure[]).map((figure) => [figure.key, figure.value])
    );
    expect(byColumn['monitor.staleDays:work-news']).toBe(NEWS_STALE);
    expect(byColumn['monitor.staleDays:department-documents']).toBe(DOCUMENTS_STALE);
    expect(byColumn['monitor.staleDays:notices']).toBe(0);
    expect(section.blankColumns.value).toBe(1);
    expect(
      (section.blankByColumn as Figure[])
        .filter((figure) => figure.value > 0)
        .map((figure) => [figure.key, figure.label])
    ).toEqual([['monitor.blank:meetings', '政府会议']]);
    // The timed columns only: not the parent 政务公开, a static column or an interaction window.
    const codes = (section.staleDaysByColumn as Figure[]).map((figure) => figure.key);
    expect(codes).toHaveLength(14);
    for (const code of ['government-disclosure', 'disclosure-guide', 'complaints']) {
      expect(codes).not.toContain(`monitor.staleDays:${code}`);
    }
  });

  it('agrees with the monitor page: the same figures and the same sentence', async () => {
    const response = await request(app.http)
      .get(`/disclosure/monitor/year?year=${YEAR}`)
      .set('Authorization', as(coordinator))
      .expect(200);
    expect(response.body.data).toMatchObject({
      staleColumns: 2,
      staleDays: NEWS_STALE + DOCUMENTS_STALE,
      blankColumns: 1,
      problemsDraft: DRAFT,
    });
  });

  it('never names a column that was never published', async () => {
    const data = await dashboard();
    expect(JSON.stringify(data.sections.monitor)).not.toMatch(/draft-only-column|筹备中的栏目/);
    await request(app.http)
      .get('/disclosure/statistics/records')
      .query({ year: YEAR, figure: 'monitor.staleDays:draft-only-column' })
      .set('Authorization', as(coordinator))
      .expect(400);
  });

  it('lists, for every figure, records whose count is the figure', async () => {
    for (const year of [YEAR, 2021]) {
      const section = (await dashboard(year)).sections.monitor;
      for (const entry of figuresOf(section)) {
        const response = await request(app.http)
          .get('/disclosure/statistics/records')
          .query({ year, figure: entry.key, pageSize: 100 })
          .set('Authorization', as(coordinator))
          .expect(200);
        expect({ key: entry.key, total: response.body.meta.pagination.total }).toEqual({
          key: entry.key,
          total: entry.value,
        });
        if (entry.value <= 100) expect(response.body.data).toHaveLength(entry.value);
      }
    }
  });

  it('lists a column per stale column and blank column, and a record per stale day', async () => {
    const stale = await records('monitor.staleColumns');
    expect(stale.body.data.map((record: { title: string }) => record.title)).toEqual([
      `部门文件：本年度超期${DOCUMENTS_STALE}天`,
      `工作动态：本年度超期${NEWS_STALE}天`,
    ]);
    expect(stale.body.data[0].uid).toBe(COLUMN);
    const blank = await records('monitor.blankColumns');
    expect(blank.body.data).toEqual([
      expect.objectContaining({ uid: COLUMN, title: '政府会议：本年度无内容', date: null }),
    ]);
    const days = await records('monitor.staleDays:department-documents');
    expect(days.body.data[0]).toMatchObject({
      date: '2022-07-10',
      title: '部门文件：超过更新期限（180天）未更新，最近发布2022-01-10',
    });
    expect(days.body.meta.pagination.total).toBe(DOCUMENTS_STALE);
    const secondPage = await records('monitor.staleDays:department-documents', { page: 2 });
    expect(secondPage.body.data.at(-1).date).toBe('2022-12-31');
    const lastPage = await records('monitor.staleDays:work-news', { page: 4 });
    expect(lastPage.body.data.at(-1)).toMatchObject({ date: '2022-12-24' });
  });

  it('is staff only: no API token reads its figures or records', async () => {
    const figures = await request(app.http)
      .get(`/api/disclosure/statistics?year=${YEAR}`)
      .set('Authorization', `Bearer ${fullAccess}`)
      .expect(200);
    expect(figures.body.data.sections.monitor).toBeUndefined();
    await request(app.http)
      .get(`/api/disclosure/statistics/records?year=${YEAR}&figure=monitor.staleDays`)
      .set('Authorization', `Bearer ${fullAccess}`)
      .expect(403);
  });
});

describe('五、存在的主要问题及改进情况 drafted from records', () => {
  it('writes the monitor sentence into the report, each number with its figure key', async () => {
    const response = await draftProblems({}).expect(200);
    const draft = response.body.meta.draft;
    expect(response.body.meta.replaced).toBe(true);
    expect(draft.text).toBe(DRAFT);
    expect(draft.figures).toEqual([
      'monitor.staleColumns',
      'monitor.staleDays',
      'monitor.staleDays:work-news',
      'monitor.staleDays:department-documents',
      'monitor.blankColumns',
    ]);
    expect(
      draft.parts
        .filter((part: { figure?: string }) => part.figure)
        .map((part: { text: string }) => part.text)
    ).toEqual(['2', '530', '355', '175', '1']);
    const report = await getReport();
    expect(report.problems).toBe(DRAFT);
    expect(report.problemsDraft.text).toBe(DRAFT);
    expect(report.problemsEdited).toBe(false);
    // The other sections as they were.
    expect(report.overview).toBe('');
    expect(report.overviewDraft).toBeNull();
  });

  it('never overwrites the coordinator’s edit silently: 409, then replace: true', async () => {
    const edited = `${DRAFT}下一步，将建立栏目更新提醒机制。`;
    await request(app.http)
      .put(`/disclosure/annual-reports/${YEAR}`)
      .set('Authorization', as(coordinator))
      .send({ problems: edited })
      .expect(200);
    expect((await getReport()).problemsEdited).toBe(true);

    const conflict = await draftProblems({}).expect(409);
    expect(conflict.body.error.name).toBe('ConflictError');
    expect(conflict.body.error.message).toContain('存在的主要问题及改进情况');
    expect(conflict.body.error.details).toMatchObject({ edited, draft: { text: DRAFT } });
    expect((await getReport()).problems).toBe(edited);

    // Drafting 总体情况 does not touch the edited 存在的主要问题, nor the other way round.
    const overview = await request(app.http)
      .post(`/disclosure/annual-reports/${YEAR}/overview-draft`)
      .set('Authorization', as(coordinator))
      .send({})
      .expect(200);
    expect(overview.body.data.problems).toBe(edited);
    expect(overview.body.data.overview).toContain('一年来机关网站共公开信息');

    const replaced = await draftProblems({ replace: true }).expect(200);
    expect(replaced.body.meta.replaced).toBe(true);
    expect(replaced.body.data.problems).toBe(DRAFT);
    expect(replaced.body.data.problemsEdited).toBe(false);
    const report = await getReport();
    expect(report.problems).toBe(DRAFT);
    expect(report.overview).toBe(overview.body.data.overview);
    expect(report.overviewEdited).toBe(false);
  });

  it('refuses bad input with 400 naming the field; an editor gets 403, a visitor 401', async () => {
    const response = await draftProblems({ replace: 'yes' }).expect(400);
    expect(response.body.error.details.key).toBe('replace');
    await draftProblems({ replace: true }, editor).expect(403);
    await request(app.http)
      .post(`/disclosure/annual-reports/${YEAR}/problems-draft`)
      .send({})
      .expect(401);
    expect((await getReport()).problems).toBe(DRAFT);
  });
});
