/**
 * Public inquiries and complaints (留言办理) through the public and admin APIs: a website message
 * from intake to its published Q&A, a 民心网 case with the platform's deadline and satisfaction, a
 * hotline transfer, the phone desk's quick log, bad input, division scoping, four eyes, the
 * 3-month rule's warning with a controlled clock, and the yearly figures with de-identified
 * records for staff and API tokens alike.
 */
import request from 'supertest';
import { createApiToken } from '../helpers/content';
import {
  asStaff,
  beijingToday,
  daysAfter,
  inquiryPath as path,
  lookUp,
  minxinCase,
  submit,
  websiteMessage,
  WRITER,
} from '../helpers/inquiries';
import { reviewAndPublish } from '../helpers/review';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

let app: TestApp;
let mailbox: Mailbox;
let cast: Record<string, StaffLogin>;

const as = (name: string) => asStaff(app.http, cast[name]);
const inquiryCount = () => app.strapi.db.query('plugin::disclosure.inquiry').count();
const year = () => Number(beijingToday().slice(0, 4));
const calendar = () => disclosureService(app.strapi, 'calendar').current();

/** 保密审查: the reviewer opens the case and clears (or returns) the version they read. */
const review = async (id: number, step: 'clear' | 'return', body: object = {}) => {
  const opened = await as('secrecy').get(path(id)).expect(200);
  return as('secrecy')
    .post(path(id, `/reply/${step}`), { ...body, hash: opened.body.data.reply.hash })
    .expect(200);
};

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await bootApp({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      DISCLOSURE_EMAIL_NOTIFICATIONS: 'true',
      // The bad-input cases below count against the intake's limit too.
      DISCLOSURE_INTAKE_LIMIT: '100',
    },
  });
  const divisions = await createDivisions(app.strapi);
  cast = await loginCast(app.strapi, app.http, divisions, [
    'editorA',
    'editorB',
    'secrecy',
    'coordinator',
  ]);
});

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('a website message from intake to its published Q&A', () => {
  let id: number;
  let trackingNumber: string;
  let queryCode: string;

  it('is received with a tracking number and a query code, due in 10 working days', async () => {
    const response = await submit(app.http, websiteMessage()).expect(201);
    ({ trackingNumber, queryCode } = response.body.data);
    expect(trackingNumber).toMatch(/^LY\d{8}-\d{6}$/);
    expect(queryCode).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(response.body.data.receivedOn).toBe(beijingToday());
    expect(response.body.data.dueDate).toBe((await calendar()).addWorkingDays(beijingToday(), 10));
    // Nothing of the message or the writer comes back.
    expect(Object.keys(response.body.data).sort()).toEqual([
      'dueDate',
      'queryCode',
      'receivedOn',
      'trackingNumber',
    ]);
    const row = await app.strapi.db
      .query('plugin::disclosure.inquiry')
      .findOne({ where: { trackingNumber } });
    id = row.id;
    expect(row).toMatchObject({ channel: 'website', state: 'open', division: null });
    const stored = JSON.stringify(row);
    for (const value of Object.values(WRITER)) expect(stored).not.toContain(value);
    expect(stored).not.toContain(queryCode);
    const mail = await mailbox.waitFor((m) => (m.subject ?? '').includes('【新留言】'));
    expect(recipients(mail)).toEqual(['coordinator@test']);
    expect(mail.text).not.toContain(WRITER.name);
  });

  it('answers the writer its state, never the message or the writer; a wrong code is a 404 like an unknown number', async () => {
    const status = await lookUp(app.http, { trackingNumber, queryCode }).expect(200);
    expect(status.body.data).toEqual({
      trackingNumber,
      state: 'open',
      receivedOn: beijingToday(),
      dueDate: expect.any(String),
      repliedOn: null,
      reply: null,
    });
    const wrong = await lookUp(app.http, { trackingNumber, queryCode: 'AAAAAAAA' }).expect(404);
    const unknown = await lookUp(app.http, {
      trackingNumber: 'LY20000101-000000',
      queryCode,
    }).expect(404);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('waits for the coordinator: no division sees it until it is assigned', async () => {
    await as('editorA').get(path(id)).expect(404);
    const list = await as('coordinator').get('/disclosure/inquiries?channel=website').expect(200);
    expect(list.body.data.map((row: { id: number }) => row.id)).toEqual([id]);
    expect(list.body.data[0]).toMatchObject({
      urgency: 'on_time',
      applicant: expect.stringMatching(/^赵\*+/),
    });
    expect(list.body.meta.oldestOpen).toMatchObject({ id });
    expect(JSON.stringify(list.body)).not.toContain(WRITER.phone);
    const page = await as('coordinator').get(path(id)).expect(200);
    expect(page.body.data.allowedActions).toEqual(['assign', 'dismiss']);
    // Written channels are answered in writing, through the review.
    await as('coordinator').post(path(id, '/answer'), { text: '已答复' }).expect(400);
  });

  it('is assigned to 办公室, whose staff see the writer’s contacts; 投资处 gets 404', async () => {
    const assigned = await as('coordinator')
      .post(path(id, '/assign'), { division: 'BGS' })
      .expect(200);
    expect(assigned.body.data).toMatchObject({ division: 'BGS', divisionName: '办公室' });
    const page = await as('editorA').get(path(id)).expect(200);
    expect(page.body.data.contact).toEqual(WRITER);
    expect(page.body.data.allowedActions).toEqual(['draft_reply']);
    await as('editorB').get(path(id)).expect(404);
    await as('editorB').post(path(id, '/reply'), { text: 'x' }).expect(404);
    const theirs = await as('editorB').get('/disclosure/inquiries?state=all').expect(200);
    expect(theirs.body.data).toEqual([]);
  });

  it('is not sent before the confidentiality review, nor shown to the writer', async () => {
    await as('editorA')
      .post(path(id, '/reply'), { text: '您好：经核实，贵公司项目资金已于本月拨付，请注意查收。' })
      .expect(200);
    const refused = await as('editorA').post(path(id, '/reply/send')).expect(400);
    expect(refused.body.error.message).toContain('保密审查');
    const status = await lookUp(app.http, { trackingNumber, queryCode }).expect(200);
    expect(status.body.data.reply).toBeNull();
    const mail = await mailbox.waitFor((m) => (m.subject ?? '').includes('【待保密审查】'));
    expect(recipients(mail)).toEqual(['secrecy@test']);
  });

  it('the reviewer sees the reply without contacts and clears the version read', async () => {
    const page = await as('secrecy').get(path(id)).expect(200);
    expect(page.body.data.showsContacts).toBe(false);
    expect(JSON.stringify(page.body)).not.toContain(WRITER.phone);
    expect(page.body.data.allowedActions).toEqual(['clear_reply', 'return_reply']);
    const stale = await as('secrecy').post(path(id, '/reply/clear'), { hash: 'x' }).expect(400);
    expect(stale.body.error.details.key).toBe('hash');
    await review(id, 'clear');
  });

  it('is closed once the cleared reply is sent; the writer reads it', async () => {
    const sent = await as('editorA').post(path(id, '/reply/send')).expect(200);
    expect(sent.body.data).toMatchObject({
      state: 'closed',
      urgency: 'closed',
      repliedOn: beijingToday(),
      workingDays: 0,
      reply: { state: 'sent' },
    });
    // A website message reports no satisfaction; its writer agreed to publication.
    expect(sent.body.data.allowedActions).toEqual(['prepare_publication']);
    const status = await lookUp(app.http, { trackingNumber, queryCode }).expect(200);
    expect(status.body.data).toMatchObject({
      state: 'closed',
      repliedOn: beijingToday(),
      reply: '您好：经核实，贵公司项目资金已于本月拨付，请注意查收。',
    });
    expect(JSON.stringify(status.body)).not.toContain(WRITER.name);
    expect(sent.body.data.timeline.map((e: { action: string }) => e.action)).toEqual([
      'registered',
      'assigned',
      'reply_drafted',
      'reply_cleared',
      'reply_sent',
    ]);
  });

  it('becomes a draft item in 监督投诉, public only once it passed the review', async () => {
    const missing = await as('editorA')
      .post(path(id, '/publication'), { title: '关于技术改造资金拨付的答复', answer: '已拨付。' })
      .expect(400);
    expect(missing.body.error.details.key).toBe('question');
    const response = await as('editorA')
      .post(path(id, '/publication'), {
        title: '关于技术改造专项资金拨付时间的答复',
        question: '企业技术改造项目通过验收后，专项资金何时拨付？',
        answer: '项目验收合格后，专项资金按程序在一个月内拨付。',
      })
      .expect(200);
    const { item } = response.body.data.publication;
    expect(item).toMatchObject({ contentType: 'api::article.article', locale: 'zh-Hans' });
    expect(response.body.data.allowedActions).toEqual([]);
    const draft = await app.strapi.documents('api::article.article').findOne({
      documentId: item.documentId,
      locale: 'zh-Hans',
      status: 'draft',
      populate: ['column', 'department', 'metadata'],
    });
    expect(draft).toMatchObject({
      title: '关于技术改造专项资金拨付时间的答复',
      column: { code: 'complaints' },
      department: { code: 'BGS' },
      metadata: { genre: 'reply', disclosureMode: 'proactive' },
    });
    const text = JSON.stringify(draft);
    expect(text).toContain('专项资金按程序在一个月内拨付');
    for (const value of Object.values(WRITER)) expect(text).not.toContain(value);
    const before = await request(app.http)
      .get(`/api/articles/${item.documentId}`)
      .expect((res) => expect([403, 404]).toContain(res.status));
    expect(JSON.stringify(before.body)).not.toContain('一个月内拨付');
    // A draft, and only the review publishes it (先审查、后公开).
    await expect(
      app.strapi
        .documents('api::article.article')
        .publish({ documentId: item.documentId, locale: 'zh-Hans' })
    ).rejects.toThrow();
    await reviewAndPublish(app.strapi, 'api::article.article', item.documentId);
    const website = await request(app.http)
      .get('/api/articles?column=complaints&pagination[pageSize]=100')
      .expect(200);
    expect(website.body.data.map((a: { documentId: string }) => a.documentId)).toContain(
      item.documentId
    );
    await as('editorA')
      .post(path(id, '/publication'), { title: 'x', question: 'y', answer: 'z' })
      .expect(400);
  });
});

describe('a 民心网 case', () => {
  let id: number;

  it('refuses a case without its platform number, storing nothing', async () => {
    const before = await inquiryCount();
    const response = await as('coordinator')
      .post('/disclosure/inquiries', minxinCase({ externalNumber: undefined }))
      .expect(400);
    expect(response.body.error.details.key).toBe('externalNumber');
    expect(await inquiryCount()).toBe(before);
  });

  it('takes the platform’s deadline before the configured working days', async () => {
    const received = daysAfter(beijingToday(), -3);
    const platformDueDate = daysAfter(beijingToday(), 20);
    const response = await as('coordinator')
      .post(
        '/disclosure/inquiries',
        minxinCase({ receivedOn: received, platformDueDate, division: 'TZJS' })
      )
      .expect(201);
    id = response.body.data.id;
    expect(response.body.data).toMatchObject({
      channel: 'minxin',
      externalNumber: 'MXW-2018-000123',
      division: 'TZJS',
      dueDate: platformDueDate,
      platformDueDate,
      receivedOn: received,
    });
    const plain = await as('coordinator')
      .post('/disclosure/inquiries', minxinCase({ externalNumber: 'MXW-2018-000124' }))
      .expect(201);
    expect(plain.body.data.dueDate).toBe((await calendar()).addWorkingDays(beijingToday(), 5));
  });

  it('is answered by 投资处 through the review, then rated as the platform reports', async () => {
    await as('editorB')
      .post(path(id, '/reply'), {
        text: '需提交申请表、安全评价报告等材料，在市政务服务中心办理。',
      })
      .expect(200);
    await review(id, 'clear');
    const sent = await as('editorB').post(path(id, '/reply/send')).expect(200);
    expect(sent.body.data.workingDays).toBe(
      (await calendar()).workingDaysBetween(daysAfter(beijingToday(), -3), beijingToday())
    );
    expect(sent.body.data.allowedActions).toEqual(['record_satisfaction']);
    const bad = await as('editorB')
      .post(path(id, '/satisfaction'), { satisfaction: 'great' })
      .expect(400);
    expect(bad.body.error.details.key).toBe('satisfaction');
    const rated = await as('editorB')
      .post(path(id, '/satisfaction'), { satisfaction: 'satisfied' })
      .expect(200);
    expect(rated.body.data).toMatchObject({ satisfaction: 'satisfied' });
    await as('editorB')
      .post(path(id, '/satisfaction'), { satisfaction: 'dissatisfied' })
      .expect(400);
  });

  it('a reply is not cleared by its own drafter (four eyes), and a redraft needs the review again', async () => {
    const created = await as('coordinator')
      .post('/disclosure/inquiries', minxinCase({ externalNumber: 'MXW-2018-000200' }))
      .expect(201);
    const fresh = created.body.data.id;
    // The coordinator has no division: like any unscoped handler it may draft.
    await as('coordinator').post(path(fresh, '/assign'), { division: 'BGS' }).expect(200);
    await as('editorA').post(path(fresh, '/reply'), { text: '初稿' }).expect(200);
    const returned = await review(fresh, 'return', { reason: '请写明办理地点' });
    expect(returned.body.data.reply).toMatchObject({
      state: 'returned',
      returnedReason: '请写明办理地点',
    });
    await as('editorA').post(path(fresh, '/reply/send')).expect(400);
    await as('editorA').post(path(fresh, '/reply'), { text: '第二稿' }).expect(200);
    await review(fresh, 'clear');
    await as('editorA').post(path(fresh, '/reply'), { text: '第三稿，未审查' }).expect(200);
    const refused = await as('editorA').post(path(fresh, '/reply/send')).expect(400);
    expect(refused.body.error.message).toContain('保密审查');
  });
});

describe('a hotline transfer', () => {
  it('needs who transferred it and its number', async () => {
    const before = await inquiryCount();
    const body = minxinCase({ channel: 'hotline', externalNumber: 'ZF-2018-0031' });
    const missing = await as('coordinator').post('/disclosure/inquiries', body).expect(400);
    expect(missing.body.error.details.key).toBe('transferredBy');
    expect(await inquiryCount()).toBe(before);
    const created = await as('coordinator')
      .post('/disclosure/inquiries', { ...body, transferredBy: 'government_hotline' })
      .expect(201);
    expect(created.body.data).toMatchObject({
      channel: 'hotline',
      transferredBy: 'government_hotline',
      externalNumber: 'ZF-2018-0031',
      dueDate: (await calendar()).addWorkingDays(beijingToday(), 5),
    });
    expect(created.body.data.timeline[0].text).toContain('政府公开电话转办');
  });
});

describe('the phone desk’s quick log', () => {
  it('closes a call answered on the call at once', async () => {
    const response = await as('coordinator')
      .post('/disclosure/inquiries/phone', {
        category: 'technical_upgrade',
        question: '技术改造项目备案需要在哪里办理？',
        answer: '在市政务服务中心工信窗口办理，也可网上申报。',
        callerPhone: '024-22223333',
      })
      .expect(201);
    expect(response.body.data).toMatchObject({
      channel: 'phone',
      kind: 'consultation',
      state: 'closed',
      answeredOnCall: true,
      repliedOn: beijingToday(),
      workingDays: 0,
      subject: '技术改造项目备案需要在哪里办理？',
      contact: { phone: '024-22223333', name: null, email: null },
      allowedActions: [],
    });
    expect(response.body.data.timeline.map((e: { action: string }) => e.action)).toEqual([
      'registered',
      'answered',
    ]);
  });

  it('keeps a call without an answer open for the call-back, then closes it', async () => {
    const response = await as('coordinator')
      .post('/disclosure/inquiries/phone', {
        category: 'funding',
        question: '中小企业发展专项资金今年什么时候申报？',
        division: 'BGS',
      })
      .expect(201);
    const id = response.body.data.id;
    expect(response.body.data).toMatchObject({ state: 'open', division: 'BGS' });
    expect(response.body.data.dueDate).toBe((await calendar()).addWorkingDays(beijingToday(), 3));
    const draft = await as('editorA').post(path(id, '/reply'), { text: 'x' }).expect(400);
    expect(draft.body.error.message).toContain('phone call');
    const answered = await as('editorA')
      .post(path(id, '/answer'), { text: '已电话回复：预计下月发布申报通知。' })
      .expect(200);
    expect(answered.body.data).toMatchObject({ state: 'closed', answeredOnCall: false });
  });

  it.each([
    ['no category', { question: '问题' }, 'category'],
    ['no question', { category: 'policy' }, 'question'],
    ['an unknown field', { category: 'policy', question: '问题', caller: 'x' }, 'caller'],
    [
      'a phone that is none',
      { category: 'policy', question: '问题', callerPhone: 'abc' },
      'callerPhone',
    ],
    [
      'a division that is none',
      { category: 'policy', question: '问题', division: 'NOPE' },
      'division',
    ],
    [
      'a call in the future',
      { category: 'policy', question: '问题', receivedOn: '2999-01-01' },
      'receivedOn',
    ],
  ])('refuses %s with 400 naming the field, storing nothing', async (_what, body, key) => {
    const before = await inquiryCount();
    const response = await as('coordinator').post('/disclosure/inquiries/phone', body).expect(400);
    expect(response.body.error.details.key).toBe(key);
    expect(await inquiryCount()).toBe(before);
  });

  it('only the coordinator (phone desk) logs calls', async () => {
    await as('editorA')
      .post('/disclosure/inquiries/phone', { category: 'policy', question: '问题' })
      .expect(403);
    await as('secrecy')
      .post('/disclosure/inquiries/phone', { category: 'policy', question: '问题' })
      .expect(403);
  });
});

describe('bad input on the website’s form', () => {
  it.each([
    ['an unknown field', websiteMessage({ idNumber: '210102198001016789' }), 'idNumber'],
    ['a channel the public does not write by', websiteMessage({ channel: 'minxin' }), 'channel'],
    ['no phone', websiteMessage({ phone: undefined }), 'phone'],
    ['a blank message', websiteMessage({ message: '   ' }), 'message'],
    ['a message too long', websiteMessage({ message: '长'.repeat(2001) }), 'message'],
    ['an unknown category', websiteMessage({ category: 'weather' }), 'category'],
    ['a control character', websiteMessage({ subject: 'a\u0007b' }), 'subject'],
    ['a bad e-mail', websiteMessage({ email: 'nope' }), 'email'],
    ['consent that is no boolean', websiteMessage({ publicConsent: 'yes' }), 'publicConsent'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_what, body, key) => {
    const before = await inquiryCount();
    const response = await submit(app.http, body).expect(400);
    expect(response.body.error.details.key).toBe(key);
    expect(JSON.stringify(response.body)).not.toContain(WRITER.phone);
    expect(await inquiryCount()).toBe(before);
  });
});

describe('consent and dismissal', () => {
  it('publishes no Q&A without the writer’s consent', async () => {
    const created = await submit(app.http, websiteMessage({ publicConsent: false })).expect(201);
    const row = await app.strapi.db
      .query('plugin::disclosure.inquiry')
      .findOne({ where: { trackingNumber: created.body.data.trackingNumber } });
    await as('coordinator').post(path(row.id, '/assign'), { division: 'BGS' }).expect(200);
    await as('editorA').post(path(row.id, '/reply'), { text: '已答复。' }).expect(200);
    await review(row.id, 'clear');
    const sent = await as('editorA').post(path(row.id, '/reply/send')).expect(200);
    expect(sent.body.data.allowedActions).toEqual([]);
    const refused = await as('editorA')
      .post(path(row.id, '/publication'), { title: 't', question: 'q', answer: 'a' })
      .expect(400);
    expect(refused.body.error.message).toContain('did not agree');
  });

  it('a message that is none (spam) is dismissed with its reason by the coordinator only', async () => {
    const created = await submit(
      app.http,
      websiteMessage({ subject: '广告', message: '低价代开发票' })
    ).expect(201);
    const row = await app.strapi.db
      .query('plugin::disclosure.inquiry')
      .findOne({ where: { trackingNumber: created.body.data.trackingNumber } });
    const noReason = await as('coordinator').post(path(row.id, '/dismiss'), {}).expect(400);
    expect(noReason.body.error.details.key).toBe('reason');
    const dismissed = await as('coordinator')
      .post(path(row.id, '/dismiss'), { reason: '广告信息，非有效留言' })
      .expect(200);
    expect(dismissed.body.data).toMatchObject({ state: 'dismissed', urgency: 'closed' });
  });
});

describe('the 3-month rule', () => {
  let id: number;
  let receivedOn: string;

  it('warns once when an open message reaches two months, and reminds of the overdue one before', async () => {
    receivedOn = daysAfter(beijingToday(), -20);
    const created = await as('coordinator')
      .post('/disclosure/inquiries', {
        ...minxinCase({ externalNumber: 'MXW-2018-000777', receivedOn, division: 'BGS' }),
        subject: '企业用电增容审批进度查询',
      })
      .expect(201);
    id = created.body.data.id;
    const job = app.strapi.plugin('disclosure').service('inquiry-reminders');
    // The clock of the job is its argument: the day after the deadline, then two months on.
    const due = created.body.data.dueDate as string;
    const before = await job.run(daysAfter(due, 1));
    const tn = created.body.data.trackingNumber as string;
    expect(before.reminders.filter((s: string) => s.includes(tn))).toEqual([
      expect.stringMatching(/^【已逾期】/),
    ]);
    const warnOn = created.body.data.warnOn as string;
    expect(warnOn > receivedOn).toBe(true);
    expect(created.body.data.limitOn > warnOn).toBe(true);
    const dayBefore = await job.run(daysAfter(warnOn, -1));
    expect(dayBefore.reminders.filter((s: string) => s.includes(tn))).toEqual([]);
    const warned = await job.run(warnOn);
    const mine = warned.reminders.filter((s: string) =>
      s.includes(created.body.data.trackingNumber)
    );
    expect(mine).toEqual([
      expect.stringMatching(/^【2个月未答复】.*须于 \d{4}-\d{2}-\d{2} 前答复/),
    ]);
    const again = await job.run(daysAfter(warnOn, 1));
    expect(
      again.reminders.filter((s: string) => s.includes(created.body.data.trackingNumber))
    ).toEqual([]);
    const mail = await mailbox.waitFor((m) => (m.subject ?? '').includes('2个月未答复'));
    expect(recipients(mail).sort()).toEqual(['coordinator@test', 'editor@bgs.test']);
    expect(mail.text).toContain('3个月');
    expect(mail.text).not.toContain('钱多多');
  });

  it('sends the warning once when two runs overlap', async () => {
    const created = await as('coordinator')
      .post('/disclosure/inquiries', minxinCase({ externalNumber: 'MXW-2018-000778' }))
      .expect(201);
    const job = app.strapi.plugin('disclosure').service('inquiry-reminders');
    const runs = await Promise.all([
      job.run(created.body.data.warnOn),
      job.run(created.body.data.warnOn),
    ]);
    const warnings = runs.flatMap((run: { reminders: string[] }) =>
      run.reminders.filter((s) => s.includes(created.body.data.trackingNumber))
    );
    expect(warnings).toHaveLength(1);
  });

  it('shows the coordinator the oldest open message, and the warning in the list once due', async () => {
    const oldest = await as('coordinator').get('/disclosure/inquiries/oldest-open').expect(200);
    expect(oldest.body.data).toMatchObject({ id, receivedOn });
    await as('coordinator').get('/disclosure/inquiries/oldest-open?x=1').expect(400);
    // A message received 70 days ago is past the 2-month warning today.
    const old = await as('coordinator')
      .post(
        '/disclosure/inquiries',
        minxinCase({
          externalNumber: 'MXW-2018-000779',
          receivedOn: daysAfter(beijingToday(), -70),
        })
      )
      .expect(201);
    expect(old.body.data.urgency).toBe('warning');
    const list = await as('coordinator').get('/disclosure/inquiries?urgency=warning').expect(200);
    expect(list.body.data.map((row: { id: number }) => row.id)).toContain(old.body.data.id);
    expect(list.body.meta.oldestOpen.id).toBe(old.body.data.id);
    const bad = await as('coordinator').get('/disclosure/inquiries?urgency=late').expect(400);
    expect(bad.body.error.details.key).toBe('urgency');
    // Division staff see their division's oldest only.
    const theirs = await as('editorB').get('/disclosure/inquiries').expect(200);
    expect(theirs.body.meta.oldestOpen).toBeNull();
  });
});

describe('the yearly figures', () => {
  it('counts by channel and category, closed, 答复率 and public answers, for staff and API tokens alike', async () => {
    const staff = await as('coordinator')
      .get(`/disclosure/statistics?year=${year()}&providers=inquiries`)
      .expect(200);
    const section = staff.body.data.sections.inquiries;
    const counts = (await app.strapi.db.query('plugin::disclosure.inquiry').findMany({})).filter(
      (row: { receivedOn: string }) => String(row.receivedOn).startsWith(`${year()}-`)
    );
    const received = counts.length;
    const byChannel = (channel: string) =>
      counts.filter((row: { channel: string }) => row.channel === channel).length;
    expect(section.received).toMatchObject({ key: 'inquiries.received', value: received });
    expect(section.byChannel.website).toMatchObject({
      key: 'inquiries.channel:website',
      value: byChannel('website'),
    });
    expect(section.byChannel.phone.value).toBe(2);
    expect(section.byChannel.hotline.value).toBe(1);
    expect(section.closedByChannel.phone).toMatchObject({
      key: 'inquiries.closedChannel:phone',
      value: 2,
    });
    expect(section.publicAnswers).toMatchObject({ key: 'inquiries.publicAnswers', value: 1 });
    expect(section.dismissed.value).toBe(1);
    const closed = counts.filter((row: { state: string }) => row.state === 'closed').length;
    expect(section.closed.value).toBe(closed);
    expect(section.replyRate).toBe(Math.round((closed / (received - 1)) * 1000) / 10);
    expect(section.averageWorkingDays).toMatchObject({
      key: 'inquiries.averageWorkingDays',
      value: expect.any(Number),
    });
    expect(section.byCategory.funding.key).toBe('inquiries.category:funding');

    const token = (
      await app.strapi.service('admin::api-token').create({
        name: 'inquiry statistics',
        description: '',
        type: 'custom',
        lifespan: null,
        permissions: [
          'plugin::disclosure.statistics.find',
          'plugin::disclosure.statistics.records',
        ],
      })
    ).accessKey;
    const publicStats = await request(app.http)
      .get(`/api/disclosure/statistics?year=${year()}&providers=inquiries`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(publicStats.body.data.sections.inquiries).toEqual(section);

    const rows = await app.strapi.db.query('plugin::disclosure.inquiry').findMany({});
    for (const figure of ['inquiries.received', 'inquiries.closed', 'inquiries.channel:minxin']) {
      const records = await request(app.http)
        .get(`/api/disclosure/statistics/records?year=${year()}&figure=${figure}&pageSize=100`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const text = JSON.stringify(records.body);
      for (const value of [...Object.values(WRITER), '钱多多', '13600009999', '024-22223333']) {
        expect(text).not.toContain(value);
      }
      for (const row of rows) {
        expect(text).not.toContain(row.trackingNumber);
        expect(text).not.toContain(row.subject);
        expect(text).not.toContain(row.message.slice(0, 12));
        if (row.reply) expect(text).not.toContain(row.reply.text.slice(0, 8));
      }
    }
    const minxin = await request(app.http)
      .get(`/api/disclosure/statistics/records?year=${year()}&figure=inquiries.channel:minxin`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(minxin.body.meta.pagination.total).toBe(section.byChannel.minxin.value);
    expect(minxin.body.data[0]).toMatchObject({
      uid: 'plugin::disclosure.inquiry',
      title: expect.stringContaining('民心网'),
    });
    const answers = await request(app.http)
      .get(`/api/disclosure/statistics/records?year=${year()}&figure=inquiries.publicAnswers`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(answers.body.data).toEqual([
      expect.objectContaining({
        uid: 'api::article.article',
        title: '关于技术改造专项资金拨付时间的答复',
      }),
    ]);
    const readOnly = await createApiToken(app.strapi, 'read-only');
    await request(app.http)
      .get(`/api/disclosure/statistics?year=${year()}&providers=inquiries`)
      .set('Authorization', `Bearer ${readOnly}`)
      .expect(200);
  });
});
