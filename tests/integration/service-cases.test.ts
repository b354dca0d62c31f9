import request from 'supertest';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import {
  asStaff,
  completeGuide,
  publishItem,
  reviewAndPublish,
  type GuideReviewers,
} from '../helpers/service-items';

let app: TestApp;
let divisions: { office: string; other: string };
let coordinator: StaffLogin;
let officeStaff: StaffLogin;
let otherStaff: StaffLogin;
let permit: string;
let filing: string;
/** The reviewers of each division's guides (发布审核 by its head, 保密审查). */
let reviewers: { office: GuideReviewers; other: GuideReviewers };

const ID_NUMBER = '210102198001011234';
const PHONE = '13912345678';
const APPLICANT = '张秘密';

const caseRows = () => app.strapi.db.query('plugin::disclosure.service-case');
const HEADER =
  '办件编号,事项名称,申请人类型,申请人,证件号码,联系电话,申请日期,受理日期,决定日期,办结日期,办理结果';

beforeAll(async () => {
  app = await bootApp();
  divisions = await createDivisions(app.strapi);
  coordinator = await staffLogin(app.strapi, app.http, {
    email: 'coordinator@cases.test',
    role: 'disclosure-coordinator',
  });
  officeStaff = await staffLogin(app.strapi, app.http, {
    email: 'head@bgs.cases.test',
    role: 'disclosure-division-reviewer',
    division: divisions.office,
  });
  otherStaff = await staffLogin(app.strapi, app.http, {
    email: 'editor@tzjs.cases.test',
    role: 'disclosure-editor',
    division: divisions.other,
  });
  const secrecy = await staffLogin(app.strapi, app.http, {
    email: 'secrecy@cases.test',
    role: 'disclosure-confidentiality-reviewer',
  });
  const otherHead = await staffLogin(app.strapi, app.http, {
    email: 'head@tzjs.cases.test',
    role: 'disclosure-division-reviewer',
    division: divisions.other,
  });
  reviewers = {
    office: { approver: officeStaff, clearer: secrecy },
    other: { approver: otherHead, clearer: secrecy },
  };
  permit = await publishItem(
    app.http,
    coordinator,
    completeGuide('废旧电力设施器材收购的许可', divisions.office, {
      legalDays: 20,
      promisedDays: 10,
    }),
    reviewers.office
  );
  filing = await publishItem(
    app.http,
    coordinator,
    completeGuide('工业企业技术改造投资项目备案', divisions.other, {
      itemType: 'filing',
      legalDays: 5,
      promisedDays: 3,
    }),
    reviewers.other
  );
});

afterAll(async () => {
  await stopApp(app);
});

describe('a service case (办件) through the admin API', () => {
  let caseNumber: string;

  it('is registered (申请) with the applicant encrypted at rest', async () => {
    const registered = await asStaff(app.http, officeStaff)('post', '/disclosure/service-cases')
      .send({
        serviceItem: permit,
        applicantType: 'natural',
        applicant: APPLICANT,
        idNumber: ID_NUMBER,
        phone: PHONE,
        appliedOn: '2018-03-01',
      })
      .expect(201);
    caseNumber = registered.body.data.caseNumber;
    expect(caseNumber).toBe('FW2018-00001');
    expect(registered.body.data).toMatchObject({
      state: 'applied',
      applicant: APPLICANT,
      idNumber: ID_NUMBER,
      allowedActions: ['accept', 'refuse'],
      urgency: 'not_started',
      itemName: '废旧电力设施器材收购的许可',
    });
    const stored = await caseRows().findOne({ where: { caseNumber } });
    expect(JSON.stringify(stored)).not.toContain(APPLICANT);
    expect(JSON.stringify(stored)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(stored)).not.toContain(PHONE);
  });

  it('is accepted (受理), starting the clock in working days (承诺 10, 法定 20)', async () => {
    const accepted = await asStaff(app.http, officeStaff)(
      'post',
      `/disclosure/service-cases/${caseNumber}/accept`
    )
      .send({ date: '2018-03-02', note: '材料齐全' })
      .expect(200);
    expect(accepted.body.data).toMatchObject({
      state: 'accepted',
      acceptedOn: '2018-03-02',
      promisedDue: '2018-03-16',
      legalDue: '2018-03-30',
      allowedActions: ['review'],
      // 2018 is long past: the case is beyond its legal limit now.
      urgency: 'beyond_legal',
    });
  });

  it('refuses a step out of turn with a sentence, and a date before the last step, naming the field', async () => {
    const outOfTurn = await asStaff(app.http, officeStaff)(
      'post',
      `/disclosure/service-cases/${caseNumber}/deliver`
    )
      .send({ date: '2018-03-05' })
      .expect(400);
    expect(outOfTurn.body.error.message).toBe(
      'This case is 已受理 (accepted): 送达 (deliver) is possible only when it is 已决定.'
    );
    const early = await asStaff(app.http, officeStaff)(
      'post',
      `/disclosure/service-cases/${caseNumber}/review`
    )
      .send({ date: '2018-03-01' })
      .expect(400);
    expect(early.body.error.details.key).toBe('date');
    await asStaff(app.http, officeStaff)('post', `/disclosure/service-cases/${caseNumber}/bogus`)
      .send({ date: '2018-03-05' })
      .expect(404);
  });

  it('is reviewed (审查), decided (准予) and delivered (送达), each step dated and signed on the timeline', async () => {
    const step = (action: string, body: object) =>
      asStaff(app.http, officeStaff)('post', `/disclosure/service-cases/${caseNumber}/${action}`)
        .send(body)
        .expect(200);
    await step('review', { date: '2018-03-05' });
    const noDecision = await asStaff(app.http, officeStaff)(
      'post',
      `/disclosure/service-cases/${caseNumber}/decide`
    )
      .send({ date: '2018-03-12' })
      .expect(400);
    expect(noDecision.body.error.details.key).toBe('decision');
    await step('decide', { date: '2018-03-12', decision: 'granted' });
    const delivered = await step('deliver', { date: '2018-03-13' });
    expect(delivered.body.data).toMatchObject({
      state: 'delivered',
      decision: 'granted',
      closedOn: '2018-03-13',
      urgency: 'closed',
      allowedActions: [],
    });
    expect(
      delivered.body.data.events.map((event: { type: string; date: string; actorName: string }) => [
        event.type,
        event.date,
        event.actorName,
      ])
    ).toEqual([
      ['applied', '2018-03-01', 'head Staff'],
      ['accept', '2018-03-02', 'head Staff'],
      ['review', '2018-03-05', 'head Staff'],
      ['decide', '2018-03-12', 'head Staff'],
      ['deliver', '2018-03-13', 'head Staff'],
    ]);
    const audit = await app.strapi.db
      .query('plugin::disclosure.audit-entry')
      .findMany({ where: { itemDocumentId: caseNumber } });
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual([
      'service_case_registered',
      'service_case_accept',
      'service_case_review',
      'service_case_decide',
      'service_case_deliver',
    ]);
  });

  it('is hidden from another division’s staff (404), who cannot register cases of the item (403); the coordinator sees all', async () => {
    await asStaff(app.http, otherStaff)('get', `/disclosure/service-cases/${caseNumber}`).expect(
      404
    );
    await asStaff(app.http, otherStaff)('post', `/disclosure/service-cases/${caseNumber}/accept`)
      .send({ date: '2018-03-02' })
      .expect(404);
    const list = await asStaff(app.http, otherStaff)('get', '/disclosure/service-cases').expect(
      200
    );
    expect(list.body.data).toEqual([]);
    await asStaff(app.http, otherStaff)('post', '/disclosure/service-cases')
      .send({
        serviceItem: permit,
        applicantType: 'legal',
        applicant: '某公司',
        appliedOn: '2018-04-02',
      })
      .expect(403);
    const all = await asStaff(app.http, coordinator)('get', '/disclosure/service-cases').expect(
      200
    );
    expect(all.body.data.map((entry: { caseNumber: string }) => entry.caseNumber)).toContain(
      caseNumber
    );
    expect(JSON.stringify(all.body)).not.toContain(APPLICANT);
  });

  it('refuses bad registrations with a 400 naming the field, and stores nothing', async () => {
    const before = await caseRows().count();
    const good = {
      serviceItem: permit,
      applicantType: 'natural',
      applicant: '李四',
      appliedOn: '2018-04-02',
    };
    const cases: Array<[object, string]> = [
      [{ ...good, applicantType: '自然人' }, 'applicantType'],
      [{ ...good, applicant: '  ' }, 'applicant'],
      [{ ...good, appliedOn: '2018-02-30' }, 'appliedOn'],
      [{ ...good, appliedOn: '2999-01-01' }, 'appliedOn'],
      [{ ...good, serviceItem: 'nosuchitem' }, 'serviceItem'],
      [{ ...good, caseNumber: 'FW2018-00001' }, 'caseNumber'],
      [{ ...good, caseNumber: '<script>' }, 'caseNumber'],
      [{ ...good, extra: 'x' }, 'extra'],
    ];
    for (const [body, key] of cases) {
      const response = await asStaff(app.http, coordinator)('post', '/disclosure/service-cases')
        .send(body)
        .expect(400);
      expect(response.body.error.details.key).toBe(key);
    }
    expect(await caseRows().count()).toBe(before);
  });
});

describe('the catalogue and the cases together', () => {
  it('refuses a case applied for after its item was withdrawn, naming appliedOn', async () => {
    const radio = await publishItem(
      app.http,
      coordinator,
      completeGuide('无线电频率台（站）许可', divisions.office),
      reviewers.office
    );
    await reviewAndPublish(app.http, radio, coordinator, reviewers.office, () =>
      asStaff(app.http, coordinator)('post', `/disclosure/service-items/${radio}/withdraw`)
        .send({ kind: 'taken_back', date: '2018-07-02', authority: '省无线电管理机构' })
        .expect(200)
    );
    const before = await caseRows().count();
    const late = await asStaff(app.http, officeStaff)('post', '/disclosure/service-cases')
      .send({
        serviceItem: radio,
        applicantType: 'legal',
        applicant: '某台站',
        appliedOn: '2018-07-03',
      })
      .expect(400);
    expect(late.body.error.details.key).toBe('appliedOn');
    expect(late.body.error.message).toContain('withdrawn on 2018-07-02');
    expect(await caseRows().count()).toBe(before);
  });

  it('lets case handlers without the catalogue permission read the choices but not edit items (403)', async () => {
    const choices = await asStaff(app.http, officeStaff)(
      'get',
      '/disclosure/service-item-choices'
    ).expect(200);
    expect(choices.body.data.map((item: { name: string }) => item.name)).toContain(
      '废旧电力设施器材收购的许可'
    );
    const refused = await asStaff(app.http, officeStaff)(
      'put',
      `/disclosure/service-items/${permit}`
    )
      .send(completeGuide('改名', divisions.office))
      .expect(403);
    expect(refused.body.error.message).toContain('edit the service catalogue');
  });
});

describe('importing the provincial CSV export', () => {
  const good = [
    `IMP-1,工业企业技术改造投资项目备案,法人,示范机械有限公司,91210100MA0000001X,024-1,2018-04-02,2018-04-03,2018-04-04,2018-04-09,准予`,
    `IMP-2,废旧电力设施器材收购的许可,自然人,王秘密,${ID_NUMBER},${PHONE},2018-05-02,,,2018-05-03,不予受理`,
    `IMP-3,废旧电力设施器材收购的许可,法人,"示范回收有限公司,分公司",,,2018-06-01,2018-06-04,,,`,
  ];
  const bad = `IMP-4,不存在的事项,自然人,赵六,,,2018-06-01,,,,`;

  it('reports row by row on a dry run and stores nothing', async () => {
    const before = await caseRows().count();
    const response = await asStaff(app.http, coordinator)(
      'post',
      '/disclosure/service-cases/import'
    )
      .send({ csv: [HEADER, ...good, bad].join('\n'), dryRun: true })
      .expect(200);
    expect(response.body.data).toMatchObject({
      dryRun: true,
      imported: 0,
      importable: 3,
      refused: 1,
    });
    expect(response.body.data.rows).toEqual([
      { line: 2, caseNumber: 'IMP-1', outcome: 'import', problems: [] },
      { line: 3, caseNumber: 'IMP-2', outcome: 'import', problems: [] },
      { line: 4, caseNumber: 'IMP-3', outcome: 'import', problems: [] },
      {
        line: 5,
        caseNumber: 'IMP-4',
        outcome: 'refused',
        problems: ['事项名称 "不存在的事项" is not a published item of the service catalogue.'],
      },
    ]);
    expect(await caseRows().count()).toBe(before);
  });

  it('imports nothing from a file with one bad row (400 with the report)', async () => {
    const before = await caseRows().count();
    const response = await asStaff(app.http, coordinator)(
      'post',
      '/disclosure/service-cases/import'
    )
      .send({ csv: [HEADER, ...good, bad].join('\n'), dryRun: false })
      .expect(400);
    expect(response.body.error.message).toContain('nothing was imported');
    expect(response.body.error.details.report.rows[3].outcome).toBe('refused');
    expect(await caseRows().count()).toBe(before);
  });

  it('refuses a file it cannot read as a whole, naming the column', async () => {
    const response = await asStaff(app.http, coordinator)(
      'post',
      '/disclosure/service-cases/import'
    )
      .send({ csv: '办件编号,事项\nx,y', dryRun: true })
      .expect(400);
    expect(response.body.error.details.key).toBe('csv');
    expect(response.body.error.message).toContain('Unknown column "事项"');
  });

  it('refuses rows of another division’s items for division staff', async () => {
    const response = await asStaff(app.http, officeStaff)(
      'post',
      '/disclosure/service-cases/import'
    )
      .send({ csv: [HEADER, good[0]].join('\n'), dryRun: true })
      .expect(200);
    expect(response.body.data.rows[0].problems[0]).toContain('carried out by another division');
  });

  it('imports a good file whole, in the states its dates give', async () => {
    const response = await asStaff(app.http, coordinator)(
      'post',
      '/disclosure/service-cases/import'
    )
      .send({ csv: [HEADER, ...good].join('\r\n'), dryRun: false })
      .expect(201);
    expect(response.body.data).toMatchObject({ imported: 3, refused: 0 });
    const rows = await caseRows().findMany({
      where: { caseNumber: { $startsWith: 'IMP-' } },
      orderBy: { caseNumber: 'asc' },
    });
    expect(rows.map((row: { state: string }) => row.state)).toEqual([
      'delivered',
      'not_accepted',
      'accepted',
    ]);
    expect(JSON.stringify(rows)).not.toContain('王秘密');
    const imported = await asStaff(app.http, coordinator)(
      'get',
      '/disclosure/service-cases/IMP-3'
    ).expect(200);
    expect(imported.body.data.applicant).toBe('示范回收有限公司,分公司');
    expect(imported.body.data.promisedDue).toBe('2018-06-19');
    const again = await asStaff(app.http, coordinator)('post', '/disclosure/service-cases/import')
      .send({ csv: [HEADER, good[0]].join('\n'), dryRun: true })
      .expect(200);
    expect(again.body.data.rows[0].problems[0]).toContain('already registered');
  });

  it('lists the most pressing first and filters by state and item', async () => {
    const list = await asStaff(app.http, coordinator)('get', '/disclosure/service-cases').expect(
      200
    );
    expect(list.body.data[0].caseNumber).toBe('IMP-3');
    expect(list.body.data[0].urgency).toBe('beyond_legal');
    expect(list.body.data.at(-1).urgency).toBe('closed');
    const byItem = await asStaff(app.http, coordinator)(
      'get',
      `/disclosure/service-cases?item=${filing}`
    ).expect(200);
    expect(byItem.body.data.map((entry: { caseNumber: string }) => entry.caseNumber)).toEqual([
      'IMP-1',
    ]);
    const byState = await asStaff(app.http, coordinator)(
      'get',
      '/disclosure/service-cases?state=not_accepted'
    ).expect(200);
    expect(byState.body.meta.pagination.total).toBe(1);
    const bad = await asStaff(app.http, coordinator)(
      'get',
      '/disclosure/service-cases?state=closed'
    ).expect(400);
    expect(bad.body.error.details.key).toBe('state');
  });
});

describe('the serviceCases statistics', () => {
  it('count the year’s closed cases per item, the completion rate and the licensing decisions', async () => {
    const response = await asStaff(app.http, coordinator)(
      'get',
      '/disclosure/statistics?year=2018&providers=serviceCases'
    ).expect(200);
    const section = response.body.data.sections.serviceCases;
    // Closed in 2018: FW2018-00001 (delivered), IMP-1 (delivered), IMP-2 (不予受理); IMP-3 is open.
    expect(section.closed).toMatchObject({ key: 'serviceCases.closed', value: 3 });
    expect(section.completionRate).toBe(75);
    expect(section.byItem).toEqual([
      { key: `serviceCases.item:${permit}`, label: '废旧电力设施器材收购的许可', value: 2 },
      { key: `serviceCases.item:${filing}`, label: '工业企业技术改造投资项目备案', value: 1 },
    ]);
    // Decisions on 行政许可 items only: the 备案 decision does not count.
    expect(section.licensingDecisions).toMatchObject({
      key: 'serviceCases.licensingDecisions',
      value: 1,
    });
    expect(section.granted.value).toBe(2);
    expect(section.denied.value).toBe(0);
    expect(section.byApplicantType.map((figure: { value: number }) => figure.value)).toEqual([
      2, 1,
    ]);
    expect(section.onTimeRate).toBe(100);
    // 受理 → 办结: 7 working days (3-02 → 3-13) and 3 (4-03 → 4-09 over 清明, 4-08 a 调休 working Sunday).
    expect(section.averageWorkingDays).toBe(5);
  });

  it('drill down to the cases without personal data', async () => {
    for (const figure of [
      'serviceCases.closed',
      `serviceCases.item:${permit}`,
      'serviceCases.applicant:natural',
    ]) {
      const response = await asStaff(app.http, coordinator)(
        'get',
        `/disclosure/statistics/records?year=2018&figure=${encodeURIComponent(figure)}`
      ).expect(200);
      const text = JSON.stringify(response.body);
      expect(response.body.data.length).toBeGreaterThan(0);
      for (const secret of [APPLICANT, '王秘密', ID_NUMBER, PHONE])
        expect(text).not.toContain(secret);
    }
    const closed = await asStaff(app.http, coordinator)(
      'get',
      '/disclosure/statistics/records?year=2018&figure=serviceCases.closed'
    ).expect(200);
    expect(closed.body.data.map((record: { title: string }) => record.title).sort()).toEqual([
      'FW2018-00001 · 废旧电力设施器材收购的许可',
      'IMP-1 · 工业企业技术改造投资项目备案',
      'IMP-2 · 废旧电力设施器材收购的许可',
    ]);
  });

  it('are not public, and the public guide carries no case or applicant', async () => {
    await request(app.http)
      .get('/api/disclosure/statistics?year=2018&providers=serviceCases')
      .expect((response) => {
        expect(JSON.stringify(response.body)).not.toContain('serviceCases.closed');
      });
    const guide = await request(app.http)
      .get('/api/disclosure/service-items?pageSize=100')
      .expect(200);
    const text = JSON.stringify(guide.body);
    for (const secret of [APPLICANT, '王秘密', ID_NUMBER, PHONE, 'IMP-1'])
      expect(text).not.toContain(secret);
  });
});

describe('the daily reminder', () => {
  it('marks each due-soon or overdue case once, even when run twice', async () => {
    const first = await app.strapi
      .plugin('disclosure')
      .service('service-case-reminders')
      .run('2018-06-20');
    expect(first.reminders).toEqual(['【办件已逾期】IMP-3 废旧电力设施器材收购的许可']);
    const second = await app.strapi
      .plugin('disclosure')
      .service('service-case-reminders')
      .run('2018-06-21');
    expect(second.reminders).toEqual([]);
  });

  it('moves open cases’ due dates when the calendar changes', async () => {
    // IMP-3 was accepted on 2018-06-04 with 10 promised working days: due 2018-06-19 (after 端午 6-18).
    await request(app.http)
      .put('/disclosure/calendar/overrides/2018-06-12')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .send({ isWorking: false, note: '测试：临时放假' })
      .expect(200);
    await app.strapi.plugin('disclosure').service('service-case-reminders').run('2018-06-22');
    const row = await caseRows().findOne({ where: { caseNumber: 'IMP-3' } });
    expect(String(row.promisedDue).slice(0, 10)).toBe('2018-06-20');
  });
});
