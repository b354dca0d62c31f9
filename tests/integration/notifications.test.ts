import request from 'supertest';
import { columnId, createDraft } from '../helpers/content';
import { recipients, startMailbox, type Mailbox } from '../helpers/smtp';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';

let app: TestApp;
let mailbox: Mailbox;
let office: string;
const staff: Record<string, StaffLogin> = {};

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
  office = divisions.office;
  const other = divisions.other;
  const login = (email: string, role: string, division?: string) =>
    staffLogin(app.strapi, app.http, { email, role, division });
  staff.editor = await login('editor@bgs.test', 'disclosure-editor', office);
  staff.head = await login('head@bgs.test', 'disclosure-division-reviewer', office);
  staff.otherHead = await login('head@tzjs.test', 'disclosure-division-reviewer', other);
  staff.secrecy = await login('secrecy1@test', 'disclosure-confidentiality-reviewer');
  staff.secrecy2 = await login('secrecy2@test', 'disclosure-confidentiality-reviewer');
});

afterAll(async () => {
  if (app) await stopApp(app);
  await mailbox?.close();
});

const step = (
  action: string,
  who: StaffLogin,
  documentId: string,
  extra: Record<string, string> = {}
) =>
  request(app.http)
    .post(`/disclosure/reviews/${action}`)
    .set({ Authorization: `Bearer ${who.token}` })
    .send({ contentType: ARTICLE, documentId, locale: 'zh-Hans', ...extra })
    .expect(200);

const draft = async (title: string) =>
  createDraft(app.strapi, ARTICLE, {
    title,
    column: await columnId(app.strapi, 'notices'),
    department: office,
    metadata: { disclosureMode: 'proactive' },
  });

describe('email at each step, through a real SMTP server', () => {
  it("tells the division's reviewers of a submission, and nobody else", async () => {
    const id = await draft('关于征集技改项目的通知');
    await step('submit', staff.editor, id);
    const mail = await mailbox.waitFor((m) => m.subject === '【待审核】关于征集技改项目的通知');
    expect(recipients(mail)).toEqual(['head@bgs.test']);
    expect(mail.text).toContain('「关于征集技改项目的通知」（zh-Hans）已提交，请进行发布审核。');
    expect(mail.text).toContain(`/admin/content-manager/collection-types/${ARTICLE}/${id}`);
    expect(mailbox.messages.flatMap(recipients)).not.toContain('head@tzjs.test');
  });

  it('tells every confidentiality reviewer of a division approval', async () => {
    const id = await draft('待保密审查的通知');
    await step('submit', staff.editor, id);
    await step('approve', staff.head, id);
    await mailbox.waitFor(
      (m) => m.subject === '【待保密审查】待保密审查的通知' && recipients(m)[0] === 'secrecy1@test'
    );
    await mailbox.waitFor(
      (m) => m.subject === '【待保密审查】待保密审查的通知' && recipients(m)[0] === 'secrecy2@test'
    );
    // Mails go out after the step's commit, one by one: the first submission's have long been
    // sent, and still none went to the other division's head.
    expect(mailbox.messages.flatMap(recipients)).not.toContain('head@tzjs.test');
  });

  it('tells the author of a return with the reason, and of the publication with the 索引号', async () => {
    const id = await draft('先退回后发布的通知');
    await step('submit', staff.editor, id);
    await step('approve', staff.head, id);
    await step('return', staff.secrecy, id, { reason: '附件含有内部联系方式' });
    const returned = await mailbox.waitFor((m) => m.subject === '【退回修改】先退回后发布的通知');
    expect(recipients(returned)).toEqual(['editor@bgs.test']);
    expect(returned.text).toContain('理由：附件含有内部联系方式');

    await step('submit', staff.editor, id);
    await step('approve', staff.head, id);
    await step('clear', staff.secrecy, id);
    await step('publish', staff.editor, id);
    const published = await mailbox.waitFor((m) => m.subject === '【已发布】先退回后发布的通知');
    expect(recipients(published)).toEqual(['editor@bgs.test']);
    expect(published.text).toMatch(/索引号 11210100MB0000000X\/\d{4}-\d{5}/);
  });

  it('tells the author of a withholding with its category', async () => {
    const id = await draft('不予公开的材料');
    await step('submit', staff.editor, id);
    await step('approve', staff.head, id);
    await step('withhold', staff.secrecy, id, {
      reason: '含企业报价',
      category: 'commercial_secret',
    });
    const mail = await mailbox.waitFor((m) => m.subject === '【不予公开】不予公开的材料');
    expect(mail.text).toContain('类别：商业秘密');
    expect(mail.text).toContain('理由：含企业报价');
  });

  it('never loses or blocks a step when the mail server is down', async () => {
    await mailbox.close();
    const id = await draft('邮件服务器故障时提交的稿件');
    const response = await step('submit', staff.editor, id);
    expect(response.body.data.state).toBe('submitted');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const review = await app.strapi.db
      .query('plugin::disclosure.review')
      .findOne({ where: { itemDocumentId: id } });
    expect(review).toMatchObject({ state: 'submitted' });
  });
});
