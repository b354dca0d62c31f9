/**
 * A request from the website to its answer: submitted with attachments, looked up by the
 * applicant, handled, answered by a reply drafted from its template, cleared by the 保密审查员 and
 * e-mailed to a real SMTP server; counted in table 三; the released information turned into a
 * draft proactive item (Art. 44).
 */
import { readdir, readFile, stat } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let mailbox: Mailbox;
let office: StaffLogin;
let secrecy: StaffLogin;
/** Holds both rights: drafts a reply, then may not clear it. */
let both: StaffLogin;

/** A marker no other file in the temporary directory holds. */
const MARKER = `identity-scan-${process.pid}-${Date.now()}`;
const PDF = Buffer.from(`%PDF-1.4\n% ${MARKER}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const RELEASED = Buffer.from('%PDF-1.4\n% 2018年技术改造项目备案清单\n%%EOF\n');

const APPLICANT = {
  applicantType: 'natural',
  name: '李四海',
  idType: 'id_card',
  idNumber: '210102199002021234',
  phone: '13900005678',
  email: 'lisihai@example.com',
  address: '示范市沈河区青年大街2号',
  title: '2018年工业企业技术改造项目备案清单',
  form: 'electronic',
  delivery: 'email',
};

const as = (login: StaffLogin) => ({
  get: (url: string) => request(app.http).get(url).set('Authorization', `Bearer ${login.token}`),
  post: (url: string, body: object = {}) =>
    request(app.http).post(url).set('Authorization', `Bearer ${login.token}`).send(body),
  put: (url: string, body: object) =>
    request(app.http).put(url).set('Authorization', `Bearer ${login.token}`).send(body),
});
const path = (trackingNumber: string, rest = '') => `/disclosure/requests/${trackingNumber}${rest}`;
/** 保密审查: the reviewer opens the request and clears (or returns) the version they read. */
const review = async (
  login: StaffLogin,
  tn: string,
  step: 'clear' | 'return',
  { body = {}, status = 200 }: { body?: object; status?: number } = {}
) => {
  const opened = await as(login).get(path(tn)).expect(200);
  return as(login)
    .post(path(tn, `/reply/${step}`), { ...body, hash: opened.body.data.reply.hash })
    .expect(status);
};
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const submit = (data: object, files: Array<[Buffer, string]>) => {
  const call = request(app.http)
    .post('/api/disclosure-requests')
    .field('data', JSON.stringify(data));
  for (const [content, name] of files) call.attach('attachments', content, name);
  return call;
};
const requestCount = () => app.strapi.db.query('plugin::disclosure.disclosure-request').count();

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await bootApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailbox.port) } });
  await createDivisions(app.strapi);
  office = await staffLogin(app.strapi, app.http, {
    email: 'office@replies.test',
    role: 'disclosure-coordinator',
  });
  secrecy = await staffLogin(app.strapi, app.http, {
    email: 'secrecy@replies.test',
    role: 'disclosure-confidentiality-reviewer',
  });
  both = await staffLogin(app.strapi, app.http, {
    email: 'both@replies.test',
    role: 'disclosure-confidentiality-reviewer',
  });
  const roles = await app.strapi.db.query('admin::role').findMany({
    where: { code: { $in: ['disclosure-coordinator', 'disclosure-confidentiality-reviewer'] } },
  });
  await app.strapi
    .service('admin::user')
    .updateById(both.id, { roles: roles.map((role: { id: number }) => role.id) });
});

afterAll(async () => {
  if (app) await stopApp(app);
  if (mailbox) await mailbox.close();
});

describe('from the website to the answer', () => {
  let tracking: { trackingNumber: string; queryCode: string };
  let tn: string;

  it('refuses a request whose attachment is not what its name says, keeping nothing', async () => {
    const before = await requestCount();
    const response = await submit(APPLICANT, [
      [PDF, '身份证.pdf'],
      [Buffer.from('MZ\x90\x00 program'), '授权书.pdf'],
    ]).expect(400);
    // Files are numbered in the order the parser finished them; the message names the file.
    expect(response.body.error.details.errors).toEqual([
      {
        field: expect.stringMatching(/^attachments\[[01]\]$/),
        message: expect.stringContaining('授权书.pdf'),
      },
    ]);
    expect(response.body.error.message).toContain('授权书.pdf');
    expect(await requestCount()).toBe(before);
    expect(await app.strapi.db.query('plugin::disclosure.request-attachment').count()).toBe(0);
  });

  it('takes the request with its attachments and answers with a tracking number', async () => {
    const response = await submit(APPLICANT, [
      [PDF, '身份证.pdf'],
      [PNG, 'scan.png'],
    ]).expect(201);
    tracking = response.body.data;
    tn = tracking.trackingNumber;
    expect(response.body.data).toMatchObject({ attachments: 2, receivedOn: today() });
    const stored = await app.strapi.db
      .query('plugin::disclosure.request-attachment')
      .findMany({ where: { trackingNumber: tn } });
    expect(stored).toHaveLength(2);
    // Encrypted at rest: the file's bytes are not in the row.
    expect(stored[0].content).not.toContain(PDF.toString('base64').slice(0, 20));
  });

  it('leaves no copy of the uploaded files in the temporary directory', async () => {
    const leftovers: string[] = [];
    for (const name of await readdir(tmpdir())) {
      const file = join(tmpdir(), name);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.size > 10_000_000) continue;
      if ((await readFile(file).catch(() => Buffer.alloc(0))).includes(MARKER)) {
        leftovers.push(name);
      }
    }
    expect(leftovers).toEqual([]);
  });

  it('tells the applicant the state and due date', async () => {
    const response = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: tn, queryCode: tracking.queryCode })
      .expect(200);
    expect(response.body.data).toMatchObject({ trackingNumber: tn, state: 'registered' });
    expect(response.text).not.toContain('李四海');
  });

  it('shows the office the request, its files and timeline; a download is audited', async () => {
    const response = await as(office).get(path(tn)).expect(200);
    const data = response.body.data;
    expect(data.name).toBe('李四海');
    expect(data.urgency).toBe('on_time');
    expect(data.workingDaysLeft).toBe(20);
    // Both files, in the order the body parser finished them (not necessarily the sending order).
    const files: { id: number; fileName: string }[] = data.attachments;
    expect(files.map((file) => file.fileName).sort()).toEqual(['scan.png', '身份证.pdf']);
    const pdf = files.find((file) => file.fileName === '身份证.pdf')!;
    expect(data.timeline[0]).toMatchObject({ action: 'registered' });
    expect(data.timeline[0].text).toContain('网上申请');
    expect(data.allowedActions).toEqual(
      expect.arrayContaining(['correction_requested', 'draft_reply', 'withdraw'])
    );
    const file = await as(office)
      .get(path(tn, `/attachments/${pdf.id}`))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    const views = await app.strapi.db.query('plugin::disclosure.audit-entry').findMany({
      where: { itemDocumentId: tn, action: 'view_personal_data', reason: { $contains: '附件' } },
    });
    expect(views).toHaveLength(1);
  });

  it('is accepted (受理) once', async () => {
    const accepted = await as(office).post(path(tn, '/accept')).expect(200);
    expect(accepted.body.data).toMatchObject({ state: 'accepted' });
    expect(accepted.body.data.allowedActions).not.toContain('accept');
    await as(office).post(path(tn, '/accept')).expect(400);
  });

  it('cannot be answered while a correction is awaited', async () => {
    await as(office)
      .post(path(tn, '/events'), {
        type: 'correction_requested',
        date: today(),
        dueBy: '2026-12-31',
      })
      .expect(200);
    const notice = await mailbox.waitFor((mail) => mail.subject?.includes('补正告知书') ?? false);
    expect(recipients(notice)).toEqual(['lisihai@example.com']);
    expect(notice.text).toContain('请您于2026-12-31前对申请作出补正');
    expect(notice.text).toContain('第三十条');
    const refused = await as(office).post(path(tn, '/reply'), { outcome: 'disclosed' }).expect(400);
    expect(refused.body.error.message).toContain('补正');
    const corrected = await as(office)
      .post(path(tn, '/events'), { type: 'corrected', date: today() })
      .expect(200);
    expect(corrected.body.data.state).toBe('corrected');
    expect(corrected.body.data.timeline.map((entry: { text: string }) => entry.text)).toEqual(
      expect.arrayContaining([
        `${today()} 一次性告知补正，应于2026-12-31前补正`,
        `${today()} 收到补正后的申请`,
      ])
    );
  });

  it('tells the applicant of an extension, with the approver and reason on the timeline', async () => {
    const response = await as(office)
      .post(path(tn, '/events'), {
        type: 'extended',
        date: today(),
        days: 5,
        reason: '需要征求多个处室意见',
      })
      .expect(200);
    const { dueDate, timeline } = response.body.data;
    const texts = timeline.map((entry: { text: string }) => entry.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        `${today()} 延期答复5个工作日（office Staff批准：需要征求多个处室意见）`,
        expect.stringContaining('已告知申请人：电子邮件：政府信息公开申请延期答复告知书'),
      ])
    );
    const mail = await mailbox.waitFor((message) => message.subject?.includes('延期答复') ?? false);
    expect(mail.text).toContain('答复期限延长5个工作日');
    expect(mail.text).toContain(`本机关将于${dueDate}前答复`);
    expect(mail.text).toContain('第三十三条第二款');
  });

  let replyFile: number;
  it('drafts the reply from the template, citing the 条例, with the released file', async () => {
    const upload = await request(app.http)
      .post(path(tn, '/attachments'))
      .set('Authorization', `Bearer ${office.token}`)
      .attach('files', RELEASED, '备案清单.pdf')
      .expect(201);
    replyFile = upload.body.data[0].id;
    expect(upload.body.data[0]).toMatchObject({ kind: 'reply', mime: 'application/pdf' });
    const response = await as(office)
      .post(path(tn, '/reply'), { outcome: 'disclosed', attachmentIds: [replyFile] })
      .expect(200);
    const reply = response.body.data.reply;
    expect(reply).toMatchObject({
      state: 'draft',
      outcome: 'disclosed',
      outcomeLabel: '（一）予以公开',
      article: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
      subject: `政府信息公开申请答复告知书（${tn}）`,
    });
    expect(reply.body).toContain('李四海：');
    expect(reply.body).toContain('申请获取“2018年工业企业技术改造项目备案清单”');
    expect(reply.body).toContain(
      '根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定'
    );
    expect(reply.body).toContain('示范市工业和信息化局');
    expect(reply.body).not.toContain('{{');
  });

  it('asks the 保密审查员 by mail to review it', async () => {
    // One mail per reviewer: secrecy@ and both@ hold the right.
    const mail = await mailbox.waitFor(
      (message) =>
        message.subject === `【答复待保密审查】${tn}` &&
        recipients(message).includes('secrecy@replies.test')
    );
    expect(mail.text).toContain(`/admin/plugins/disclosure/requests/${tn}`);
  });

  it('is not sent before the confidentiality review, nor cleared by its drafter', async () => {
    const early = await as(office).post(path(tn, '/reply/send')).expect(400);
    expect(early.body.error.message).toContain('保密审查');
    await as(office).post(path(tn, '/reply/clear'), { hash: 'x' }).expect(403);
    await as(both)
      .post(path(tn, '/reply'), { outcome: 'disclosed', attachmentIds: [replyFile] })
      .expect(200);
    const own = await review(both, tn, 'clear', { status: 403 });
    expect(own.body.error.message).toContain('four eyes');
  });

  it('shows the 保密审查员 the reply with the applicant masked, and lets them return it', async () => {
    const response = await as(secrecy).get(path(tn)).expect(200);
    expect(response.body.data.name).toBe('李*海');
    expect(response.body.data.idNumber).not.toContain('199002021');
    expect(response.body.data.allowedActions).toEqual(['clear_reply', 'return_reply']);
    await review(secrecy, tn, 'return', { status: 400 });
    // The version the reviewer read, or nothing is cleared or returned.
    const stale = await as(secrecy)
      .post(path(tn, '/reply/clear'), { hash: '0'.repeat(64) })
      .expect(400);
    expect(stale.body.error.message).toContain('changed since you opened it');
    const returned = await review(secrecy, tn, 'return', {
      body: { reason: '请删去附件中的联系人电话' },
    });
    expect(returned.body.data.reply).toMatchObject({
      state: 'returned',
      returnedReason: '请删去附件中的联系人电话',
    });
    const back = await mailbox.waitFor((message) => message.subject === `【答复被退回】${tn}`);
    expect(recipients(back)).toEqual(['both@replies.test']);
    expect(back.text).toContain('请删去附件中的联系人电话');
    const reviewerViews = await app.strapi.db.query('plugin::disclosure.audit-entry').count({
      where: {
        itemDocumentId: tn,
        action: 'view_personal_data',
        actorName: { $contains: 'secrecy' },
      },
    });
    expect(reviewerViews).toBe(0);
  });

  it("lets the 保密审查员 open the reply's files, not the applicant's", async () => {
    const files = (await as(office).get(path(tn)).expect(200)).body.data.attachments as Array<{
      id: number;
      kind: string;
    }>;
    const application = files.find((file) => file.kind === 'application')!;
    await as(secrecy)
      .get(path(tn, `/attachments/${replyFile}`))
      .expect(200);
    await as(secrecy)
      .get(path(tn, `/attachments/${application.id}`))
      .expect(403);
    await as(office).get(path(tn, '/attachments/abc')).expect(404);
    await as(office).get(path(tn, '/attachments/999999')).expect(404);
  });

  it('needs a new clearance when the reply changes after it was cleared', async () => {
    await as(office)
      .post(path(tn, '/reply'), { outcome: 'disclosed', attachmentIds: [replyFile] })
      .expect(200);
    const cleared = await review(secrecy, tn, 'clear', { status: 200 });
    expect(cleared.body.data.reply).toMatchObject({
      state: 'cleared',
      clearedBy: { id: secrecy.id },
    });
    const redrafted = await as(office)
      .post(path(tn, '/reply'), {
        outcome: 'disclosed',
        attachmentIds: [replyFile],
        body: '改动后的答复正文',
      })
      .expect(200);
    expect(redrafted.body.data.reply.state).toBe('draft');
    await as(office).post(path(tn, '/reply/send')).expect(400);
    // Back to the template's letter, cleared again.
    await as(office)
      .post(path(tn, '/reply'), { outcome: 'disclosed', attachmentIds: [replyFile] })
      .expect(200);
    await review(secrecy, tn, 'clear', { status: 200 });
  });

  it('refuses a cleared reply whose stored text was changed behind the review', async () => {
    const rows = app.strapi.db.query('plugin::disclosure.disclosure-request');
    const row = await rows.findOne({ where: { trackingNumber: tn } });
    await rows.update({
      where: { id: row.id },
      data: { reply: { ...row.reply, body: 'tampered' } },
    });
    const response = await as(office).post(path(tn, '/reply/send')).expect(400);
    expect(response.body.error.message).toContain('changed after it was cleared');
    await rows.update({ where: { id: row.id }, data: { reply: row.reply } });
  });

  it('e-mails the cleared reply once with its file and records the 送达 date', async () => {
    // Two clicks at once: one sends, the other finds the request answered.
    const attempts = await Promise.all([
      as(office).post(path(tn, '/reply/send')),
      as(office).post(path(tn, '/reply/send')),
    ]);
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 400]);
    const response = attempts.find((attempt) => attempt.status === 200)!;
    const subject = `政府信息公开申请答复告知书（${tn}）`;
    const mail = await mailbox.waitFor((message) => message.subject === subject);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailbox.messages.filter((message) => message.subject === subject)).toHaveLength(1);
    expect(recipients(mail)).toEqual(['lisihai@example.com']);
    expect(mail.text).toContain('第三十六条第（二）项');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe('备案清单.pdf');
    expect(Buffer.compare(mail.attachments[0].content, RELEASED)).toBe(0);
    expect(response.body.data).toMatchObject({
      state: 'answered',
      outcome: 'disclosed',
      answeredOn: today(),
      urgency: 'closed',
      reply: { state: 'delivered', deliveredOn: today(), deliveryMethod: 'email' },
    });
    expect(response.body.data.allowedActions).toEqual(['make_proactive']);
    const status = await request(app.http)
      .get('/api/disclosure-requests/status')
      .query({ trackingNumber: tn, queryCode: tracking.queryCode })
      .expect(200);
    expect(status.body.data).toMatchObject({ state: 'answered', outcome: 'disclosed' });
    await as(office).post(path(tn, '/reply/send')).expect(400);
  });

  it('counts the answer in table 三 of the year', async () => {
    const year = Number(today().slice(0, 4));
    const response = await as(office)
      .get(`/disclosure/statistics?year=${year}&providers=requests`)
      .expect(200);
    const table3 = response.body.data.sections.requests.table3;
    const cell = (row: string, column: string) =>
      table3[row].find((figure: { key: string }) => figure.key.endsWith(`:${row}.${column}`)).value;
    expect(cell('new', 'natural')).toBe(1);
    expect(cell('disclosed', 'natural')).toBe(1);
    expect(cell('resultsTotal', 'total')).toBe(1);
    expect(response.body.data.sections.requests.corrections.value).toBe(1);
  });

  it('turns the released information into a draft proactive item, once (Art. 44)', async () => {
    const response = await as(office).post(path(tn, '/proactive')).expect(200);
    const { contentType, documentId, locale } = response.body.data;
    expect(contentType).toBe('api::article.article');
    const draft = await app.strapi.documents('api::article.article').findOne({
      documentId,
      locale,
      status: 'draft',
      populate: ['column', 'attachments', 'metadata'],
    });
    expect(draft).toMatchObject({
      title: '2018年工业企业技术改造项目备案清单',
      column: { code: 'disclosure-on-request' },
      metadata: { disclosureMode: 'proactive', publisher: '示范市工业和信息化局' },
    });
    expect(draft!.summary).toContain(tn);
    expect(draft!.attachments).toHaveLength(1);
    // A draft: not on the website until it passes the review.
    const published = await app.strapi
      .documents('api::article.article')
      .findOne({ documentId, locale, status: 'published' });
    expect(published).toBeNull();
    await expect(
      app.strapi.documents('api::article.article').publish({ documentId, locale })
    ).rejects.toThrow();
    const again = await as(office).post(path(tn, '/proactive')).expect(400);
    expect(again.body.error.message).toContain('already');
  });
});

describe('reply templates', () => {
  it('lists one per outcome and keeps the office wording', async () => {
    const list = await as(office).get('/disclosure/reply-templates').expect(200);
    expect(list.body.data).toHaveLength(21);
    expect(list.body.data[5]).toMatchObject({
      outcome: 'refused.4',
      label: '（三）不予公开 · 4.保护第三方合法权益',
    });
    await as(office)
      .put('/disclosure/reply-templates/refused.4', {
        article: '第十五条',
        subject: 's',
        body: ' ',
      })
      .expect(400);
    await as(office)
      .put('/disclosure/reply-templates/nope', { article: 'a', subject: 's', body: 'b' })
      .expect(400);
    const saved = await as(office)
      .put('/disclosure/reply-templates/refused.4', {
        article: '《中华人民共和国政府信息公开条例》第十五条',
        subject: '答复（{{trackingNumber}}）',
        body: '{{applicantName}}：经征求第三方意见，不予公开。{{reason}}',
      })
      .expect(200);
    expect(saved.body.data.subject).toBe('答复（{{trackingNumber}}）');
    const registered = await as(office)
      .post('/disclosure/requests', {
        ...APPLICANT,
        name: '王五',
        idNumber: '210102199103031234',
        channel: 'paper',
        receivedOn: today(),
      })
      .expect(201);
    const tn = registered.body.data.trackingNumber;
    const reply = await as(office)
      .post(path(tn, '/reply'), { outcome: 'refused.4', reason: '涉及企业商业秘密。' })
      .expect(200);
    expect(reply.body.data.reply).toMatchObject({
      subject: `答复（${tn}）`,
      body: '王五：经征求第三方意见，不予公开。涉及企业商业秘密。',
    });
    await review(secrecy, tn, 'clear', { status: 200 });
    // Not while the applicant owes a correction: the letter predates it.
    await as(office)
      .post(path(tn, '/events'), { type: 'correction_requested', date: today() })
      .expect(200);
    const owed = await as(office)
      .post(path(tn, '/reply/delivered'), { date: today(), method: 'post' })
      .expect(400);
    expect(owed.body.error.message).toContain('补正');
    await as(office).post(path(tn, '/events'), { type: 'corrected', date: today() }).expect(200);
    // The mail server is down: 502, and nothing is recorded.
    await mailbox.close();
    const failed = await as(office).post(path(tn, '/reply/send')).expect(502);
    expect(failed.body.error.message).toContain('nothing was recorded');
    const after = await as(office).get(path(tn)).expect(200);
    expect(after.body.data).toMatchObject({ state: 'corrected', reply: { state: 'cleared' } });
    // On paper instead.
    const delivered = await as(office)
      .post(path(tn, '/reply/delivered'), { date: today(), method: 'post' })
      .expect(200);
    expect(delivered.body.data).toMatchObject({
      state: 'answered',
      outcome: 'refused.4',
      reply: { deliveryMethod: 'post' },
    });
  });

  it('refuses an unknown placeholder when saved, and shows one stored earlier as written, flagged', async () => {
    const refused = await as(office)
      .put('/disclosure/reply-templates/refused.5', {
        article: '《中华人民共和国政府信息公开条例》第十六条第一款',
        subject: '答复（{{trackingNumber}}）',
        body: '{{applicantName}}：{{constructor}}{{toString}}',
      })
      .expect(400);
    expect(refused.body.error).toMatchObject({
      message:
        '"body" uses unknown placeholder(s) {{constructor}}, {{toString}}: the placeholders are {{trackingNumber}}, {{applicantName}}, {{title}}, {{receivedOn}}, {{replyDate}}, {{reason}}, {{article}}, {{bureau}}.',
      details: { key: 'body', placeholders: ['constructor', 'toString'] },
    });
    const list = await as(office).get('/disclosure/reply-templates').expect(200);
    expect(
      list.body.data.find((t: { outcome: string }) => t.outcome === 'refused.5').body
    ).not.toContain('{{constructor}}');
    // A template stored before the check: its letter shows the name as written, never Object.prototype.
    await app.strapi.db.query('plugin::disclosure.reply-template').create({
      data: {
        outcome: 'refused.5',
        article: '第十六条第一款',
        subject: '答复（{{trackingNumber}}）{{__proto__}}',
        body: '{{applicantName}}：{{constructor}}{{toString}}',
      },
    });
    const flagged = await as(office).get('/disclosure/reply-templates').expect(200);
    expect(
      flagged.body.data.find((t: { outcome: string }) => t.outcome === 'refused.5')
        .unknownPlaceholders
    ).toEqual(['__proto__', 'constructor', 'toString']);
    const registered = await as(office)
      .post('/disclosure/requests', {
        ...APPLICANT,
        name: '赵六',
        idNumber: '210102199204041234',
        channel: 'paper',
        receivedOn: today(),
      })
      .expect(201);
    const tn = registered.body.data.trackingNumber;
    const reply = await as(office).post(path(tn, '/reply'), { outcome: 'refused.5' }).expect(200);
    expect(reply.body.data.reply).toMatchObject({
      subject: `答复（${tn}）{{__proto__}}`,
      body: '赵六：{{constructor}}{{toString}}',
    });
  });
});
