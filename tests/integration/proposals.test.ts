/**
 * Deputies' suggestions and members' proposals (建议提案办理) through the admin API: registered
 * and assigned by the coordinator, the co-handler's opinion, the reply letter cleared by the
 * 保密审查员, the deputy's 不满意 reopening the case for a second reply, the publication of the
 * reply as a draft item in 建议提案办理 that then passes the normal review, division scoping, bad
 * input, the proposers' contacts, the yearly figures and the daily reminders.
 */
import { createPublished } from '../helpers/content';
import { asStaff, beijingToday, proposalPath as path, suggestion } from '../helpers/proposals';
import { reviewAndPublish } from '../helpers/review';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { createDivisions, loginCast, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let mailbox: Mailbox;
let cast: Record<string, StaffLogin>;
/** 中小企业处: neither lead nor co-handler of any case here. */
let outsider: StaffLogin;

const PHONE = '13800001111';
const EMAIL = 'wangjianguo@example.com';
const as = (name: string) => asStaff(app.http, name === 'outsider' ? outsider : cast[name]);
const proposalCount = () => app.strapi.db.query('plugin::disclosure.proposal').count();
/** The same day `months` on, or the month's last day (11-30 + 3 → 02-28). */
const monthsAfter = (date: string, months: number) => {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(d, last.getUTCDate()));
  return target.toISOString().slice(0, 10);
};
const threeMonthsAfter = (date: string) => monthsAfter(date, 3);
const monthAfter = (date: string) => monthsAfter(date, 1);
const year = () => Number(beijingToday().slice(0, 4));

/** 保密审查: the reviewer opens the case and clears (or returns) the version they read. */
const review = async (id: number, step: 'clear' | 'return', body: object = {}) => {
  const opened = await as('secrecy').get(path(id)).expect(200);
  return as('secrecy')
    .post(path(id, `/reply/${step}`), { ...body, hash: opened.body.data.reply.hash })
    .expect(200);
};
/** The lead drafts, the reviewer clears, the lead sends: the case is replied. */
const replyThrough = async (id: number, lead: string, resultClass = 'A') => {
  await as(lead)
    .post(path(id, '/reply'), { resultClass, answer: '我局已会同有关部门研究落实。' })
    .expect(200);
  await review(id, 'clear');
  return as(lead).post(path(id, '/reply/send')).expect(200);
};

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
  const sme = await createPublished(app.strapi, 'api::department.department', {
    name: '中小企业处',
    code: 'ZXQY',
  });
  cast = await loginCast(app.strapi, app.http, divisions, [
    'editorA',
    'headA',
    'editorB',
    'secrecy',
    'coordinator',
  ]);
  outsider = await staffLogin(app.strapi, app.http, {
    email: 'editor@zxqy.test',
    role: 'disclosure-editor',
    division: sme,
  });
});

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('a deputy’s suggestion from assignment to a satisfied second reply', () => {
  let id: number;

  it('is registered and assigned by the coordinator, due three months later', async () => {
    const response = await as('coordinator')
      .post('/disclosure/proposals', suggestion('12'))
      .expect(201);
    id = response.body.data.id;
    expect(response.body.data).toMatchObject({
      kind: 'deputy',
      state: 'assigned',
      lead: 'BGS',
      leadName: '办公室',
      assignedOn: beijingToday(),
      round: 1,
      // The coordinator has no division: like any unscoped handler it may act for the lead.
      allowedActions: ['assign', 'draft_reply'],
    });
    expect(response.body.data.dueDate).toBe(threeMonthsAfter(beijingToday()));
    expect(response.body.data.timeline.map((entry: { action: string }) => entry.action)).toEqual([
      'registered',
      'assigned',
    ]);
  });

  it('stores the contacts encrypted; the lead division sees them', async () => {
    const row = await app.strapi.db.query('plugin::disclosure.proposal').findOne({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(JSON.stringify(row)).not.toContain(EMAIL);
    const page = await as('editorA').get(path(id)).expect(200);
    expect(page.body.data.showsContacts).toBe(true);
    expect(page.body.data.proposers[0]).toMatchObject({
      name: '王建国',
      phone: PHONE,
      email: EMAIL,
    });
    expect(page.body.data.allowedActions).toEqual(['draft_reply']);
    // The view of the contacts is audited, though not shown on the timeline.
    const history = await app.strapi
      .plugin('disclosure')
      .service('audit')
      .history('plugin::disclosure.proposal', String(id));
    expect(history.map((entry: { action: string }) => entry.action)).toContain(
      'view_personal_data'
    );
    expect(page.body.data.timeline.map((e: { action: string }) => e.action)).not.toContain(
      'view_personal_data'
    );
  });

  it('refuses to send a reply that did not pass the confidentiality review', async () => {
    await as('editorA')
      .post(path(id, '/reply'), { resultClass: 'B', answer: '已列入明年工作计划。' })
      .expect(200);
    const refused = await as('editorA').post(path(id, '/reply/send')).expect(400);
    expect(refused.body.error.message).toContain('保密审查');
    const mail = await mailbox.waitFor((m) => (m.subject ?? '').includes('【待保密审查】'));
    expect(recipients(mail)).toEqual(['secrecy@test']);
    expect(mail.text).not.toContain(PHONE);
  });

  it('the reviewer sees the letter without contacts and clears the version read', async () => {
    const page = await as('secrecy').get(path(id)).expect(200);
    expect(page.body.data.showsContacts).toBe(false);
    expect(JSON.stringify(page.body)).not.toContain(PHONE);
    expect(page.body.data.reply).toMatchObject({ state: 'draft', resultClass: 'B' });
    expect(page.body.data.reply.body).toContain('王建国代表');
    expect(page.body.data.reply.body).toContain('已列入明年工作计划。');
    expect(page.body.data.allowedActions).toEqual(['clear_reply', 'return_reply']);
    const stale = await as('secrecy').post(path(id, '/reply/clear'), { hash: 'x' }).expect(400);
    expect(stale.body.error.details.key).toBe('hash');
    await review(id, 'clear');
  });

  it('is replied once the lead sends the cleared letter; publication due 20 working days later', async () => {
    const response = await as('editorA').post(path(id, '/reply/send')).expect(200);
    expect(response.body.data).toMatchObject({
      state: 'replied',
      urgency: 'closed',
      resultClass: 'B',
      reply: { state: 'sent', sentOn: beijingToday() },
    });
    expect(response.body.data.publicationDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response.body.data.publicationDueDate > beijingToday()).toBe(true);
    expect(response.body.data.allowedActions).toEqual(['record_feedback', 'decide_publication']);
  });

  it('不满意 reopens the case for a second reply, keeping the first', async () => {
    const response = await as('editorA')
      .post(path(id, '/feedback'), { feedback: 'dissatisfied', comment: '希望明确资金规模' })
      .expect(200);
    expect(response.body.data).toMatchObject({
      state: 'reopened',
      round: 2,
      reply: null,
      feedback: 'dissatisfied',
      previousReplies: [{ round: 1, feedback: 'dissatisfied', state: 'sent' }],
    });
    // The second reply is due a month after the rating.
    expect(response.body.data.dueDate).toBe(monthAfter(beijingToday()));
    expect(response.body.data.allowedActions).toEqual(['draft_reply']);
  });

  it('the second reply, rated 满意, closes the case (办结)', async () => {
    await replyThrough(id, 'editorA', 'A');
    const response = await as('editorA')
      .post(path(id, '/feedback'), { feedback: 'satisfied' })
      .expect(200);
    expect(response.body.data).toMatchObject({
      state: 'closed',
      round: 2,
      resultClass: 'A',
      feedback: 'satisfied',
      reply: { round: 2, feedback: 'satisfied' },
    });
    await as('editorA').post(path(id, '/feedback'), { feedback: 'satisfied' }).expect(400);
    const actions = response.body.data.timeline.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual([
      'registered',
      'assigned',
      'reply_drafted',
      'reply_cleared',
      'reply_sent',
      'reopened',
      'reply_drafted',
      'reply_cleared',
      'reply_sent',
      'feedback_recorded',
    ]);
  });

  it('不公开 needs a reason, and is then recorded', async () => {
    const refused = await as('editorA')
      .post(path(id, '/publication'), { mode: 'none' })
      .expect(400);
    expect(refused.body.error.details.key).toBe('reason');
    const response = await as('editorA')
      .post(path(id, '/publication'), { mode: 'none', reason: '涉及个人隐私' })
      .expect(200);
    expect(response.body.data.reply.publication).toMatchObject({
      mode: 'none',
      reason: '涉及个人隐私',
      item: null,
    });
    expect(response.body.data.allowedActions).toEqual([]);
  });
});

describe('a member’s proposal with a co-handler division', () => {
  let id: number;

  it('is assigned to 投资处 as lead with 办公室 as co-handler', async () => {
    const response = await as('coordinator')
      .post(
        '/disclosure/proposals',
        suggestion('45', {
          kind: 'member',
          title: '关于支持工业企业技术改造的提案',
          lead: 'TZJS',
          coHandlers: ['BGS'],
        })
      )
      .expect(201);
    id = response.body.data.id;
    expect(response.body.data.coHandlerOpinions).toEqual([
      expect.objectContaining({ division: 'BGS', divisionName: '办公室', opinion: null }),
    ]);
  });

  it('the lead cannot reply before the co-handler’s opinion', async () => {
    const page = await as('editorB').get(path(id)).expect(200);
    expect(page.body.data.allowedActions).toEqual([]);
    const refused = await as('editorB')
      .post(path(id, '/reply'), { resultClass: 'A', answer: '已落实。' })
      .expect(400);
    expect(refused.body.error.message).toContain('BGS');
  });

  it('the co-handler sees the case without contacts and sends its opinion', async () => {
    const page = await as('editorA').get(path(id)).expect(200);
    expect(page.body.data.role).toBe('co_handler');
    expect(page.body.data.showsContacts).toBe(false);
    expect(JSON.stringify(page.body)).not.toContain(PHONE);
    expect(JSON.stringify(page.body)).not.toContain(EMAIL);
    expect(page.body.data.allowedActions).toEqual(['submit_opinion']);
    // Only a co-handler division speaks: the lead may not send an opinion on its own case.
    await as('editorB').post(path(id, '/opinions'), { text: '同意' }).expect(403);
    const response = await as('editorA')
      .post(path(id, '/opinions'), { text: '办公室将协调宣传报道工作。' })
      .expect(200);
    expect(response.body.data.coHandlerOpinions[0]).toMatchObject({
      division: 'BGS',
      opinion: '办公室将协调宣传报道工作。',
      submittedBy: { name: expect.stringContaining('editor') },
    });
  });

  it('the lead sees the opinion and replies; a returned letter is redrafted and cleared', async () => {
    const page = await as('editorB').get(path(id)).expect(200);
    expect(page.body.data.coHandlerOpinions[0].opinion).toBe('办公室将协调宣传报道工作。');
    expect(page.body.data.allowedActions).toEqual(['draft_reply']);
    await as('editorB').post(path(id, '/reply'), { resultClass: 'A', answer: '初稿' }).expect(200);
    const returned = await review(id, 'return', { reason: '请补充资金安排' });
    expect(returned.body.data.reply).toMatchObject({
      state: 'returned',
      returnedReason: '请补充资金安排',
    });
    await replyThrough(id, 'editorB', 'A');
    await as('editorB')
      .post(path(id, '/feedback'), { feedback: 'basically_satisfied' })
      .expect(200);
  });

  it('publishes a summary as a draft item in 建议提案办理 of the lead division, then through the review', async () => {
    const missing = await as('editorB')
      .post(path(id, '/publication'), { mode: 'summary' })
      .expect(400);
    expect(missing.body.error.details.key).toBe('summary');
    const response = await as('editorB')
      .post(path(id, '/publication'), {
        mode: 'summary',
        summary: '我局已将技术改造列入重点支持方向。',
      })
      .expect(200);
    const { item } = response.body.data.reply.publication;
    expect(item).toMatchObject({ contentType: 'api::article.article', locale: 'zh-Hans' });
    const draft = await app.strapi.documents('api::article.article').findOne({
      documentId: item.documentId,
      locale: 'zh-Hans',
      status: 'draft',
      populate: ['column', 'department', 'metadata'],
    });
    expect(draft).toMatchObject({
      column: { code: 'suggestions-proposals' },
      department: { code: 'TZJS' },
      metadata: { genre: 'reply', disclosureMode: 'proactive' },
    });
    expect(draft!.title).toContain('第45号提案');
    expect(JSON.stringify(draft)).toContain('我局已将技术改造列入重点支持方向。');
    expect(JSON.stringify(draft)).not.toContain(PHONE);
    // A draft, and only the review publishes it (先审查、后公开).
    await expect(
      app.strapi
        .documents('api::article.article')
        .publish({ documentId: item.documentId, locale: 'zh-Hans' })
    ).rejects.toThrow();
    await reviewAndPublish(app.strapi, 'api::article.article', item.documentId);
    const published = await app.strapi
      .documents('api::article.article')
      .findOne({ documentId: item.documentId, locale: 'zh-Hans', status: 'published' });
    expect(published).not.toBeNull();
    const again = await as('editorB').post(path(id, '/publication'), { mode: 'full' }).expect(400);
    expect(again.body.error.message).toContain('already decided');
  });

  it('a division neither lead nor co-handler gets 404 and does not see it in its list', async () => {
    await as('outsider').get(path(id)).expect(404);
    await as('outsider').post(path(id, '/feedback'), { feedback: 'satisfied' }).expect(404);
    await as('outsider').post(path(id, '/opinions'), { text: 'x' }).expect(404);
    const list = await as('outsider').get('/disclosure/proposals').expect(200);
    expect(list.body.data).toEqual([]);
    const lead = await as('editorB').get('/disclosure/proposals').expect(200);
    expect(lead.body.data.map((row: { id: number }) => row.id)).toEqual([id]);
    const all = await as('coordinator').get('/disclosure/proposals').expect(200);
    expect(all.body.meta.pagination.total).toBe(2);
    expect(JSON.stringify(all.body)).not.toContain(PHONE);
  });

  it('lists the divisions to assign to, in the catalogue’s order', async () => {
    const response = await as('coordinator').get('/disclosure/proposal-divisions').expect(200);
    expect(response.body.data.map((d: { code: string }) => d.code).sort()).toEqual([
      'BGS',
      'TZJS',
      'ZXQY',
    ]);
    await as('secrecy').get('/disclosure/proposal-divisions').expect(403);
  });

  it('only the coordinator registers', async () => {
    await as('editorA').post('/disclosure/proposals', suggestion('99')).expect(403);
    await as('secrecy').post('/disclosure/proposals', suggestion('99')).expect(403);
  });
});

describe('bad input', () => {
  it.each([
    [
      'a proposer without a name',
      suggestion('70', { proposers: [{ phone: PHONE }] }),
      'proposers[0].name',
    ],
    ['an unknown field', { ...suggestion('71'), secret: 1 }, 'secret'],
    ['an unknown kind', suggestion('72', { kind: 'citizen' }), 'kind'],
    ['a lead that is no division', suggestion('73', { lead: 'NOPE' }), 'lead'],
    ['a co-handler that is the lead', suggestion('74', { coHandlers: ['BGS'] }), 'coHandlers'],
    ['a number that is not one', suggestion('7a'), 'number'],
    ['an assignment in the future', suggestion('75', { assignedOn: '2999-01-01' }), 'assignedOn'],
    ['no proposers', suggestion('76', { proposers: [] }), 'proposers'],
    [
      'a bad e-mail',
      suggestion('77', { proposers: [{ name: 'x', email: 'nope' }] }),
      'proposers[0].email',
    ],
  ])('refuses %s with 400 naming the field, storing nothing', async (_what, body, key) => {
    const before = await proposalCount();
    const response = await as('coordinator').post('/disclosure/proposals', body).expect(400);
    expect(response.body.error.details.key).toBe(key);
    expect(await proposalCount()).toBe(before);
  });

  it('refuses a number already registered for the same kind, term and meeting', async () => {
    const before = await proposalCount();
    const response = await as('coordinator')
      .post('/disclosure/proposals', suggestion('12'))
      .expect(400);
    expect(response.body.error.details.key).toBe('number');
    expect(await proposalCount()).toBe(before);
  });

  it('refuses a draft without a result class, and a feedback that is none', async () => {
    const { body } = await as('coordinator').get('/disclosure/proposals?state=closed').expect(200);
    const id = body.data[0].id;
    const response = await as('coordinator')
      .post('/disclosure/proposals', suggestion('80'))
      .expect(201);
    const fresh = response.body.data.id;
    const noClass = await as('editorA').post(path(fresh, '/reply'), { answer: 'x' }).expect(400);
    expect(noClass.body.error.details.key).toBe('resultClass');
    expect((await as('editorA').get(path(fresh)).expect(200)).body.data.reply).toBeNull();
    const badFeedback = await as('editorA')
      .post(path(id, '/feedback'), { feedback: 'great' })
      .expect(400);
    expect(badFeedback.body.error.details.key).toBe('feedback');
    await as('coordinator').get('/disclosure/proposals?state=nope').expect(400);
  });
});

describe('reassignment, four eyes and the letter templates', () => {
  let id: number;

  it('a reassigned case leaves the former lead division and reaches the new one', async () => {
    const created = await as('coordinator')
      .post('/disclosure/proposals', suggestion('81'))
      .expect(201);
    id = created.body.data.id;
    await as('outsider').get(path(id)).expect(404);
    const moved = await as('coordinator')
      .post(path(id, '/assign'), { lead: 'ZXQY', coHandlers: ['TZJS'] })
      .expect(200);
    expect(moved.body.data).toMatchObject({ lead: 'ZXQY', coHandlers: ['TZJS'] });
    await as('editorA').get(path(id)).expect(404);
    const page = await as('outsider').get(path(id)).expect(200);
    expect(page.body.data.role).toBe('lead');
    const bad = await as('coordinator').post(path(id, '/assign'), { lead: 'NOPE' }).expect(400);
    expect(bad.body.error.details.key).toBe('lead');
  });

  it('takes the reply period from the plugin config (proposalReplyMonths)', async () => {
    app.strapi.config.set('plugin::disclosure.proposalReplyMonths', 2);
    try {
      const created = await as('coordinator')
        .post('/disclosure/proposals', suggestion('83', { assignedOn: `${year()}-01-01` }))
        .expect(201);
      expect(created.body.data.dueDate).toBe(`${year()}-03-01`);
    } finally {
      app.strapi.config.set('plugin::disclosure.proposalReplyMonths', undefined);
    }
  });

  it('someone holding both rights cannot clear the reply they drafted (403)', async () => {
    const both = await staffLogin(app.strapi, app.http, {
      email: 'both@proposals.test',
      role: 'disclosure-coordinator',
    });
    const roles = await app.strapi.db.query('admin::role').findMany({
      where: { code: { $in: ['disclosure-coordinator', 'disclosure-confidentiality-reviewer'] } },
    });
    await app.strapi
      .service('admin::user')
      .updateById(both.id, { roles: roles.map((role: { id: number }) => role.id) });
    const call = asStaff(app.http, both);
    await call.post(path(id, '/opinions'), { text: '同意', division: 'TZJS' }).expect(200);
    await call.post(path(id, '/reply'), { resultClass: 'C', answer: '留作参考。' }).expect(200);
    const opened = await call.get(path(id)).expect(200);
    expect(opened.body.data.allowedActions).not.toContain('clear_reply');
    const refused = await call
      .post(path(id, '/reply/clear'), { hash: opened.body.data.reply.hash })
      .expect(403);
    expect(refused.body.error.message).toContain('four eyes');
  });

  it('keeps the office’s wording of the letter, refusing unknown placeholders', async () => {
    const bad = await as('editorA')
      .put('/disclosure/proposal-reply-templates/deputy', { subject: '答复', body: '{{nope}}' })
      .expect(400);
    expect(bad.body.error.details.key).toBe('body');
    await as('editorA')
      .put('/disclosure/proposal-reply-templates/deputy', {
        subject: '{{term}}{{meeting}}第{{number}}号建议答复',
        body: '{{proposers}}代表：{{answer}}（{{resultClass}}）',
      })
      .expect(200);
    const list = await as('editorA').get('/disclosure/proposal-reply-templates').expect(200);
    expect(list.body.data.map((t: { kind: string }) => t.kind)).toEqual(['deputy', 'member']);
    const created = await as('coordinator')
      .post('/disclosure/proposals', suggestion('82'))
      .expect(201);
    const drafted = await as('editorA')
      .post(path(created.body.data.id, '/reply'), { resultClass: 'A', answer: '已解决。' })
      .expect(200);
    expect(drafted.body.data.reply).toMatchObject({
      subject: '第十五届第三次会议第82号建议答复',
      body: expect.stringMatching(/^王建国代表：已解决。（A类/),
    });
  });
});

describe('the yearly figures', () => {
  it('counts received, by kind, closed, rates and publications, with records free of contacts', async () => {
    const response = await as('coordinator')
      .get(`/disclosure/statistics?year=${year()}&providers=proposals`)
      .expect(200);
    const section = response.body.data.sections.proposals;
    expect(section.received).toMatchObject({ key: 'proposals.received', value: 6 });
    expect(section.byType.deputy).toMatchObject({ key: 'proposals.type:deputy', value: 5 });
    expect(section.byType.member).toMatchObject({ key: 'proposals.type:member', value: 1 });
    expect(section.closed).toMatchObject({ key: 'proposals.closed', value: 2 });
    // 12 and 45 replied of the six assigned this year.
    expect(section.completionRate).toBe(33.3);
    expect(section.satisfactionRate).toBe(100);
    expect(section.fullySatisfiedRate).toBe(50);
    expect(section.byResult.A.value).toBe(2);
    expect(section.published).toMatchObject({ key: 'proposals.published', value: 1 });
    const records = await as('coordinator')
      .get(`/disclosure/statistics/records?year=${year()}&figure=proposals.received`)
      .expect(200);
    expect(records.body.data).toHaveLength(6);
    expect(records.body.data[0]).toMatchObject({
      uid: 'plugin::disclosure.proposal',
      title: expect.stringContaining('第12号'),
    });
    const text = JSON.stringify(records.body);
    expect(text).toContain('第12号');
    expect(text).toContain('关于支持工业企业技术改造的提案');
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('王建国');
  });
});

describe('the daily reminders', () => {
  it('reminds of cases overdue and due soon once, however often the job runs', async () => {
    await as('coordinator')
      .post('/disclosure/proposals', suggestion('90', { dueDate: beijingToday() }))
      .expect(201);
    const job = app.strapi.plugin('disclosure').service('proposal-reminders');
    const first = await job.run();
    expect(first.reminders).toContainEqual(expect.stringMatching(/^【即将到期】.*第90号/));
    // 第83号 (due on 1 March, the two-month config test above) is overdue from March on.
    if (beijingToday() > `${year()}-03-01`) {
      expect(first.reminders).toContainEqual(expect.stringMatching(/^【已逾期】.*第83号/));
    }
    expect((await job.run()).reminders).toEqual([]);
    const mail = await mailbox.waitFor((m) => (m.subject ?? '').includes('第90号'));
    // The lead division's staff and the coordinators (both@ holds that role too); no contacts.
    expect(recipients(mail).sort()).toEqual([
      'both@proposals.test',
      'coordinator@test',
      'editor@bgs.test',
      'head@bgs.test',
    ]);
    expect(mail.text).not.toContain(PHONE);
  });

  it('sends a reminder once when two runs of the job overlap', async () => {
    await as('coordinator')
      .post('/disclosure/proposals', suggestion('92', { dueDate: beijingToday() }))
      .expect(201);
    const job = app.strapi.plugin('disclosure').service('proposal-reminders');
    const runs = await Promise.all([job.run(), job.run()]);
    const about92 = runs.flatMap((run: { reminders: string[] }) =>
      run.reminders.filter((subject) => subject.includes('第92号'))
    );
    expect(about92).toHaveLength(1);
  });

  it('reminds of a reply whose publication is due, until it is decided', async () => {
    const daysAgo = (n: number) =>
      new Date(Date.parse(`${beijingToday()}T00:00:00Z`) - n * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const created = await as('coordinator')
      .post('/disclosure/proposals', suggestion('91', { assignedOn: daysAgo(90) }))
      .expect(201);
    const id = created.body.data.id;
    await as('editorA')
      .post(path(id, '/reply'), { resultClass: 'A', answer: '已办理。' })
      .expect(200);
    await review(id, 'clear');
    const sent = await as('editorA')
      .post(path(id, '/reply/send'), { date: daysAgo(40) })
      .expect(200);
    expect(sent.body.data.publicationDueDate < beijingToday()).toBe(true);
    const job = app.strapi.plugin('disclosure').service('proposal-reminders');
    expect((await job.run()).reminders).toEqual([expect.stringMatching(/【答复公开】.*第91号/)]);
    expect((await job.run()).reminders).toEqual([]);
  });
});
