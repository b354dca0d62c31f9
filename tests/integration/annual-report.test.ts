import request from 'supertest';
import { columnId, createPublished } from '../helpers/content';
import { superAdminCrew } from '../helpers/review';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { REQUEST_ROWS } from '../../src/plugins/disclosure/shared/reporting/annual-report/format-2021';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';
import type { ApplicantType } from '../../src/plugins/disclosure/shared/requests/contracts';

const POLICY = 'api::policy-document.policy-document';
const REPORT = 'api::annual-report.annual-report';
const YEAR = 2021;

let app: TestApp;
let coordinator: StaffLogin;
let editor: StaffLogin;

const r = (row: string, column: string) => `三.requests.${row}.${column}`;
const l = (column: string) => `四.litigation.count.${column}`;

/** What the coordinator enters (四, fees): consistent. 三 is computed from the requests on record. */
const consistentEntries = (): Record<string, number> => ({
  [l('reconsideration.upheld')]: 1,
  [l('reconsideration.total')]: 1,
  [l('suitDirect.pending')]: 2,
  [l('suitDirect.total')]: 2,
  '二.article20_8.fees.amount': 0,
});

const put = (body: unknown, as: StaffLogin = coordinator) =>
  request(app.http)
    .put(`/disclosure/annual-reports/${YEAR}`)
    .set('Authorization', `Bearer ${as.token}`)
    .send(body as object);

beforeAll(async () => {
  app = await bootApp();
  const { strapi } = app;
  const divisions = await createDivisions(strapi);
  const documents = await columnId(strapi, 'department-documents');
  const policy = (title: string, data: Record<string, unknown>) =>
    createPublished(
      strapi,
      POLICY,
      { title, issuingAuthority: '示范市工业和信息化局', column: documents, ...data },
      { firstPublishedAt: new Date(`${YEAR}-03-01T10:00:00+08:00`) }
    );
  await policy('规章甲', { documentKind: 'rule', dateWritten: `${YEAR}-02-01` });
  await policy('规范性文件甲', { documentKind: 'normative', dateWritten: `${YEAR}-02-10` });
  await policy('规范性文件乙', { documentKind: 'normative', dateWritten: `${YEAR}-05-10` });
  await policy('旧规范性文件', {
    documentKind: 'normative',
    dateWritten: '2017-05-10',
    validity: 'repealed',
    validityDate: `${YEAR}-06-30`,
  });
  coordinator = await staffLogin(strapi, app.http, {
    email: 'coordinator@report.test',
    role: 'disclosure-coordinator',
  });
  editor = await staffLogin(strapi, app.http, {
    email: 'editor@report.test',
    role: 'disclosure-editor',
    division: divisions.office,
  });
});

afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the annual report editor', () => {
  it('shows a new report in the 2021 format with 二（一） computed from the policy documents', async () => {
    const response = await request(app.http)
      .get(`/disclosure/annual-reports/${YEAR}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    const report = response.body.data;
    expect(report.documentId).toBeNull();
    expect(report.formatVersion).toBe('f2021');
    expect(report.cells['二.article20_1.normative.issued']).toEqual({
      value: 2,
      source: 'computed',
      figure: 'policies.issued:normative',
    });
    expect(report.cells['二.article20_1.normative.repealed'].value).toBe(1);
    expect(report.cells['二.article20_1.rule.inForce'].value).toBe(1);
    // Table 三 comes from the disclosure requests on record (none here); 四 is entered.
    expect(report.cells[r('new', 'natural')]).toEqual({
      value: 0,
      source: 'computed',
      figure: 'requests.table3:new.natural',
    });
    expect(report.cells[l('suitAfter.total')].source).toBe('entered');
    expect(report.failures).toEqual([]);
  });

  it('saves text and entered cells, and lists a broken 勾稽 rule by cell', async () => {
    const entries = { ...consistentEntries(), [l('suitAfter.total')]: 2 };
    const response = await put({
      title: `示范市工业和信息化局${YEAR}年政府信息公开工作年度报告`,
      overview: '本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。',
      problems: '个别栏目更新不够及时。',
      otherMatters: '本年度未收取信息处理费。',
      entered: entries,
    }).expect(200);
    expect(response.body.data.documentId).toEqual(expect.any(String));
    expect(response.body.data.cells[l('suitDirect.pending')]).toEqual({
      value: 2,
      source: 'entered',
    });
    expect(response.body.data.failures).toEqual([
      {
        rule: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
        cell: l('suitAfter.total'),
        expected: 0,
        actual: 2,
      },
    ]);
  });

  it('refuses to submit while a rule fails, naming the cell — by either route', async () => {
    const response = await request(app.http)
      .post(`/disclosure/annual-reports/${YEAR}/submit`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(400);
    expect(response.body.error.message).toContain(l('suitAfter.total'));
    expect(response.body.error.details.failures[0].cell).toBe(l('suitAfter.total'));

    const { documentId } = (
      await request(app.http)
        .get(`/disclosure/annual-reports/${YEAR}`)
        .set('Authorization', `Bearer ${coordinator.token}`)
    ).body.data;
    const generic = await request(app.http)
      .post('/disclosure/reviews/submit')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .send({ contentType: REPORT, documentId, locale: 'zh-Hans' })
      .expect(400);
    expect(generic.body.error.details.failures[0].cell).toBe(l('suitAfter.total'));
  });

  it.each([
    ['a computed cell', { entered: { '二.article20_1.rule.issued': 5 } }, 'computed from records'],
    ['a cell of table 三', { entered: { [r('new', 'natural')]: 3 } }, 'computed from records'],
    ['an unknown cell', { entered: { '三.requests.weather.natural': 1 } }, 'Unknown cell'],
    ['a negative count', { entered: { [l('suitDirect.pending')]: -1 } }, 'whole number'],
    ['a fractional count', { entered: { [l('suitDirect.pending')]: 1.5 } }, 'whole number'],
    ['an unknown field', { colour: 'red' }, 'Unknown field'],
    ['an unknown format', { formatVersion: 'f1999' }, 'Unknown format'],
    ['an empty title', { title: ' ' }, 'title'],
  ])('answers 400 for %s and keeps what was saved', async (_name, body, message) => {
    const response = await put(body).expect(400);
    expect(response.body.error.message).toContain(message);
    const after = await request(app.http)
      .get(`/disclosure/annual-reports/${YEAR}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(after.body.data.cells[l('suitDirect.pending')].value).toBe(2);
    expect(after.body.data.problems).toBe('个别栏目更新不够及时。');
  });

  it('refuses staff without the annual-report permission', async () => {
    const response = await put({ problems: '无' }, editor).expect(403);
    expect(response.body.error.message).toContain('plugin::disclosure.annual-report.manage');
  });

  it('exports JSON, CSV and a printable page with the national labels and the figures', async () => {
    const get = (format: string) =>
      request(app.http)
        .get(`/disclosure/annual-reports/${YEAR}/export?format=${format}`)
        .set('Authorization', `Bearer ${coordinator.token}`)
        .expect(200);
    const html = (await get('html')).text;
    let position = -1;
    for (const row of REQUEST_ROWS) {
      const next = html.indexOf(`>${row.label}<`);
      expect({ label: row.label, after: next > position }).toEqual({
        label: row.label,
        after: true,
      });
      position = next;
    }
    expect(html).toContain(
      '<td data-cell="二.article20_1.normative.issued" class="computed">2</td>'
    );
    expect(html).toContain('个别栏目更新不够及时。');
    const csv = await get('csv');
    expect(csv.headers['content-disposition']).toContain(`annual-report-${YEAR}.csv`);
    expect(csv.text).toContain('二.article20_1.normative.issued');
    const json = JSON.parse((await get('json')).text);
    expect(json.cells[l('suitDirect.total')].value).toBe(2);
    await request(app.http)
      .get(`/disclosure/annual-reports/${YEAR}/export?format=pdf`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(400);
  });

  it('once consistent, goes through the review into the 政府信息公开年报 column', async () => {
    await put({ entered: { [l('suitAfter.total')]: 0 } }).expect(200);
    const submitted = await request(app.http)
      .post(`/disclosure/annual-reports/${YEAR}/submit`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(submitted.body.data.review.state).toBe('submitted');

    const { strapi } = app;
    const crew = await superAdminCrew(strapi);
    const reviews = disclosureService(strapi, 'reviews');
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
      .get('/api/annual-reports?column=annual-reports&populate=metadata')
      .expect(200);
    expect(website.body.data).toHaveLength(1);
    const published = website.body.data[0];
    expect(published.year).toBe(YEAR);
    expect(published.cells[l('suitDirect.total')].value).toBe(2);
    expect(published.cells[r('new', 'total')]).toMatchObject({ value: 0, source: 'computed' });
    expect(published.metadata.indexNumber).toMatch(/^[0-9A-Z]+\/\d{4}-\d{5}$/);
  });
});

describe('a report in the 2019 trial format (reports on 2019 and 2020)', () => {
  const YEAR_2019_FORMAT = 2020;
  const APPLICANT = {
    name: '张三丰',
    idType: 'id_card',
    idNumber: '210102198001011234',
    phone: '13800001234',
    email: null,
    contactPerson: null,
    address: '示范市和平区和平路1号',
    postcode: null,
    docNumber: null,
    description: null,
    form: 'paper',
    delivery: 'post',
  } as const;
  const at = (year: number) => (body: unknown) =>
    request(app.http)
      .put(`/disclosure/annual-reports/${year}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .send(body as object);

  /** A request received on paper, closed with `outcome` on `closedOn` (or left open). */
  const onRecord = async (
    applicantType: ApplicantType,
    receivedOn: string,
    outcome?: string,
    closedOn?: string
  ) => {
    const { trackingNumber } = await disclosureService(
      app.strapi,
      'request-intake'
    ).registerByStaff(
      { ...APPLICANT, applicantType, title: `${receivedOn} 申请的信息 ${outcome ?? '办理中'}` },
      'paper',
      receivedOn
    );
    if (outcome && closedOn) {
      const requests = disclosureService(app.strapi, 'requests');
      await requests.locked(trackingNumber, async () =>
        requests.close(await requests.find(trackingNumber), {
          outcome,
          date: closedOn,
          reason: null,
          state: 'closed',
          action: 'closed_lapsed',
          actor: { id: null, name: '测试', roles: [] },
        })
      );
    }
    return trackingNumber as string;
  };

  it('computes （六）其他处理 from the three kinds of other handling, so the table passes its 勾稽 rules', async () => {
    const carriedIn = await onRecord('natural', '2019-12-20', 'otherHandling.1', '2020-01-10');
    const lapsedFee = await onRecord('natural', '2020-03-02', 'otherHandling.2', '2020-04-01');
    await onRecord('commercial', '2020-03-03', 'otherHandling.3', '2020-03-20');
    await onRecord('natural', '2020-05-06', 'disclosed', '2020-06-01');
    await onRecord('natural', '2020-12-28');

    const response = await request(app.http)
      .get(`/disclosure/annual-reports/${YEAR_2019_FORMAT}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    const report = response.body.data;
    expect(report.formatVersion).toBe('f2019');
    const value = (row: string, column: string) => report.cells[r(row, column)].value;
    expect(report.cells[r('otherHandling', 'natural')]).toEqual({
      value: 2,
      source: 'computed',
      figure: 'requests.table3:otherHandling.natural',
    });
    expect(value('otherHandling', 'commercial')).toBe(1);
    expect(value('otherHandling', 'total')).toBe(3);
    expect(value('resultsTotal', 'total')).toBe(4);
    expect(value('carriedIn', 'total')).toBe(1);
    expect(value('carriedOut', 'total')).toBe(1);
    expect(report.failures).toEqual([]);

    // A reader follows the figure to its records.
    const records = await request(app.http)
      .get('/disclosure/statistics/records')
      .query({ year: YEAR_2019_FORMAT, figure: 'requests.table3:otherHandling.natural' })
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(
      records.body.data.map((entry: { documentId: string }) => entry.documentId).sort()
    ).toEqual([carriedIn, lapsedFee].sort());
  });

  it('takes a decrease in 本年增/减 as a negative number, and has no 处理决定数量 for fees', async () => {
    const put2019 = at(YEAR_2019_FORMAT);
    const saved = await put2019({
      entered: {
        '二.article20_5.licensing.previous': 3,
        '二.article20_5.licensing.change': -2,
        '二.article20_8.fees.previous': 1,
        '二.article20_8.fees.change': -1,
      },
    }).expect(200);
    expect(saved.body.data.cells['二.article20_5.licensing.change']).toEqual({
      value: -2,
      source: 'entered',
    });
    expect(saved.body.data.failures).toEqual([]);
    // 处理决定数量 of 行政许可 is counted from the service cases (none in this year).
    expect(saved.body.data.cells['二.article20_5.licensing.decisions']).toMatchObject({
      value: 0,
      source: 'computed',
    });
    const decisions = await put2019({
      entered: { '二.article20_5.licensing.decisions': 19 },
    }).expect(400);
    expect(decisions.body.error.message).toBe(
      'Cell "二.article20_5.licensing.decisions" is computed from records (serviceCases.licensingDecisions) and cannot be entered.'
    );
    const fees = await put2019({ entered: { '二.article20_8.fees.decisions': 1 } }).expect(400);
    expect(fees.body.error.message).toBe(
      'Unknown cell "二.article20_8.fees.decisions" in the 2019年试行版 format.'
    );
    const negative = await put2019({
      entered: { '二.article20_5.licensing.previous': -1 },
    }).expect(400);
    expect(negative.body.error.message).toBe(
      'Cell "二.article20_5.licensing.previous" takes a whole number ≥ 0 or null.'
    );
    const fraction = await put2019({
      entered: { '二.article20_5.licensing.change': -1.5 },
    }).expect(400);
    expect(fraction.body.error.message).toBe(
      'Cell "二.article20_5.licensing.change" takes a whole number (a decrease negative) or null.'
    );
  });
});
