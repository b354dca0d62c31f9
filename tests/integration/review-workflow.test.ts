import request from 'supertest';
import { columnId, createApiToken, createDraft, createPublished } from '../helpers/content';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';
const CM = '/content-manager/collection-types/api::article.article';

let app: TestApp;
let office: string; // 办公室
let other: string; // 投资处
const staff: Record<string, StaffLogin> = {};

beforeAll(async () => {
  app = await bootApp();
  ({ office, other } = await createDivisions(app.strapi));
  const login = (email: string, role: string, division?: string) =>
    staffLogin(app.strapi, app.http, { email, role, division });
  staff.editor = await login('editor@bgs.test', 'disclosure-editor', office);
  staff.editor2 = await login('editor2@bgs.test', 'disclosure-editor', office);
  staff.head = await login('head@bgs.test', 'disclosure-division-reviewer', office);
  staff.otherHead = await login('head@tzjs.test', 'disclosure-division-reviewer', other);
  staff.secrecy = await login('secrecy@test', 'disclosure-confidentiality-reviewer');
  staff.coordinator = await login('coordinator@test', 'disclosure-coordinator');
  staff.superAdmin = await login('super@test', 'strapi-super-admin');
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const as = (who: StaffLogin) => ({ Authorization: `Bearer ${who.token}` });

const draft = async (title: string, locale = 'zh-Hans') =>
  createDraft(
    app.strapi,
    ARTICLE,
    {
      title,
      column: await columnId(app.strapi, 'notices'),
      department: office,
      metadata: { disclosureMode: 'proactive', docNumber: '示工信发〔2018〕1号' },
    },
    locale
  );

const step = (
  action: string,
  who: StaffLogin,
  documentId: string,
  extra: Record<string, string> = {}
) =>
  request(app.http)
    .post(`/disclosure/reviews/${action}`)
    .set(as(who))
    .send({ contentType: ARTICLE, documentId, locale: 'zh-Hans', ...extra });

const stateOf = async (documentId: string, locale = 'zh-Hans') =>
  (
    (await app.strapi.db
      .query('plugin::disclosure.review')
      .findOne({ where: { itemDocumentId: documentId, itemLocale: locale } })) as {
      state: string;
    } | null
  )?.state ?? 'draft';

const walkToCleared = async (documentId: string) => {
  await step('submit', staff.editor, documentId).expect(200);
  await step('approve', staff.head, documentId).expect(200);
  await step('clear', staff.secrecy, documentId).expect(200);
};

describe('the review, step by step, by the people whose job it is', () => {
  it('takes an item from draft to the website with its 索引号 and a named record of each step', async () => {
    const id = await draft('关于开展技术改造项目申报的通知');
    expect((await step('submit', staff.editor, id).expect(200)).body.data.state).toBe('submitted');
    expect((await step('approve', staff.head, id).expect(200)).body.data.state).toBe(
      'division_approved'
    );
    expect((await step('clear', staff.secrecy, id).expect(200)).body.data.state).toBe('cleared');
    expect((await step('publish', staff.editor, id).expect(200)).body.data.state).toBe('published');

    const published = await request(app.http)
      .get(`/api/articles/${id}?populate[metadata]=true`)
      .expect(200);
    expect(published.body.data.metadata.indexNumber).toMatch(/^11210100MB0000000X\/\d{4}-00001$/);

    const record = await request(app.http)
      .get(`/disclosure/reviews/${ARTICLE}/${id}`)
      .set(as(staff.coordinator))
      .expect(200);
    expect(record.body.data.indexNumber).toBe(published.body.data.metadata.indexNumber);
    expect(
      record.body.data.history.map((entry: { action: string; actorName: string }) => [
        entry.action,
        entry.actorName,
      ])
    ).toEqual([
      ['submit', 'editor Staff'],
      ['approve', 'head Staff'],
      ['clear', 'secrecy Staff'],
      ['publish', 'editor Staff'],
    ]);
  });

  it('returns an item with a mandatory reason, and the editor can resubmit it', async () => {
    const id = await draft('需要修改的通知');
    await step('submit', staff.editor, id).expect(200);
    const noReason = await step('return', staff.head, id).expect(400);
    expect(noReason.body.error.message).toBe(
      'You cannot return it for changes without a reason: write why.'
    );
    await step('return', staff.head, id, { reason: '文号有误' }).expect(200);
    expect(await stateOf(id)).toBe('draft');
    await step('submit', staff.editor, id).expect(200);
  });

  it('lets the confidentiality reviewer withhold an item with a reason category (不予公开)', async () => {
    const id = await draft('涉及商业秘密的材料');
    await step('submit', staff.editor, id).expect(200);
    await step('approve', staff.head, id).expect(200);
    await step('withhold', staff.secrecy, id, {
      reason: '含企业报价',
      category: 'nonsense',
    }).expect(400);
    const response = await step('withhold', staff.secrecy, id, {
      reason: '含企业报价',
      category: 'commercial_secret',
    }).expect(200);
    expect(response.body.data).toMatchObject({
      state: 'withheld',
      withholdCategory: 'commercial_secret',
      lastReason: '含企业报价',
    });
    await step('publish', staff.editor, id).expect(400);
  });
});

describe('the review queue (审核任务) and the panel', () => {
  it('lists what waits for each reviewer, in their division only', async () => {
    const id = await draft('排队等待审核的稿件');
    await step('submit', staff.editor, id).expect(200);
    const queue = async (who: StaffLogin, query = '') =>
      (await request(app.http).get(`/disclosure/queue${query}`).set(as(who)).expect(200)).body;
    const titlesIn = (body: { data: Array<{ title: string }> }) =>
      body.data.map((row) => row.title);
    expect(titlesIn(await queue(staff.head))).toContain('排队等待审核的稿件');
    expect(titlesIn(await queue(staff.otherHead))).not.toContain('排队等待审核的稿件');
    expect(titlesIn(await queue(staff.secrecy))).not.toContain('排队等待审核的稿件');
    const filtered = await queue(staff.coordinator, '?state=submitted&column=notices');
    expect(
      filtered.data.find((row: { title: string }) => row.title === '排队等待审核的稿件')
    ).toMatchObject({
      state: 'submitted',
      stateLabel: '待审核',
      column: 'notices',
      locale: 'zh-Hans',
    });
    await step('approve', staff.head, id).expect(200);
    expect(titlesIn(await queue(staff.secrecy))).toContain('排队等待审核的稿件');
  });

  it('answers a bad filter with a 400', async () => {
    await request(app.http).get('/disclosure/queue?state=nonsense').set(as(staff.head)).expect(400);
    await request(app.http).get('/disclosure/queue?pageSize=1000').set(as(staff.head)).expect(400);
    await request(app.http).get('/disclosure/queue?foo=1').set(as(staff.head)).expect(400);
    await request(app.http).get('/disclosure/queue?page=abc').set(as(staff.head)).expect(400);
    const paged = await request(app.http)
      .get('/disclosure/queue?page=1&pageSize=50')
      .set(as(staff.head))
      .expect(200);
    expect(paged.body.meta.pagination).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('offers each user only the steps they may take', async () => {
    const id = await draft('面板按钮测试');
    const allowed = async (who: StaffLogin) =>
      (
        await request(app.http)
          .get(`/disclosure/reviews/${ARTICLE}/${id}?locale=zh-Hans`)
          .set(as(who))
          .expect(200)
      ).body.data.allowedActions;
    const editorRecord = await request(app.http)
      .get(`/disclosure/reviews/${ARTICLE}/${id}?locale=zh-Hans`)
      .set(as(staff.head))
      .expect(200);
    expect(editorRecord.body.data.states).toEqual([]);
    await step('submit', staff.editor, id).expect(200);
    expect(await allowed(staff.head)).toEqual(['approve', 'return']);
    // Another division's head does not see the record at all (issue #10 item 4).
    await request(app.http)
      .get(`/disclosure/reviews/${ARTICLE}/${id}?locale=zh-Hans`)
      .set(as(staff.otherHead))
      .expect(404);
    expect(await allowed(staff.secrecy)).toEqual([]);
    await step('approve', staff.head, id).expect(200);
    expect(await allowed(staff.secrecy)).toEqual(['clear', 'withhold', 'return']);
    expect(await allowed(staff.coordinator)).toEqual([]);
  });
});

describe('four eyes and divisions', () => {
  it("files an editor's new item under the editor's division", async () => {
    const created = await request(app.http)
      .post(`${CM}?locale=zh-Hans`)
      .set(as(staff.editor))
      .send({ title: '编辑新建的稿件' })
      .expect(201);
    const item = await app.strapi.documents(ARTICLE).findOne({
      documentId: created.body.data.documentId,
      locale: 'zh-Hans',
      populate: ['department'],
    });
    expect((item as { department?: { documentId: string } }).department?.documentId).toBe(office);
  });

  it('refuses the submitter the approval, even as a super admin holding every role', async () => {
    const id = await draft('超级管理员自己的稿件');
    await step('submit', staff.superAdmin, id).expect(200);
    const response = await step('approve', staff.superAdmin, id).expect(403);
    expect(response.body.error.message).toBe(
      'You cannot approve it for the division: you submitted this version, and nobody reviews their own item (four eyes).'
    );
    await step('approve', staff.head, id).expect(200);
    await step('clear', staff.superAdmin, id).expect(403);
  });

  it("refuses the head of another division and an editor's approval", async () => {
    const id = await draft('办公室的稿件');
    await step('submit', staff.editor, id).expect(200);
    // Another division's head is told nothing of the item (the answer for an unknown one).
    const otherHead = await step('approve', staff.otherHead, id).expect(404);
    expect(otherHead.body.error.message).toBe(
      `No item ${id} of api::article.article under review that you can see.`
    );
    await step('approve', staff.editor2, id).expect(403);
  });

  it('refuses an editor of another division changing or publishing the item, on every path', async () => {
    const outsider = await staffLogin(app.strapi, app.http, {
      email: 'editor@tzjs.test',
      role: 'disclosure-editor',
      division: other,
    });
    const id = await draft('办公室的通知（他处不得修改）');
    // The Content Manager refuses by its RBAC condition (本处室)…
    await request(app.http)
      .put(`${CM}/${id}?locale=zh-Hans`)
      .set(as(outsider))
      .send({ title: '被他处修改' })
      .expect(403);
    // …and the review's step routes answer as for an unknown item.
    await walkToCleared(id);
    const response = await step('publish', outsider, id).expect(404);
    expect(response.body.error.message).toBe(
      `No item ${id} of api::article.article under review that you can see.`
    );
    expect(await stateOf(id)).toBe('cleared');
    await request(app.http)
      .put(`${CM}/${id}?locale=zh-Hans`)
      .set(as(staff.editor))
      .send({ title: '本处室修改' })
      .expect(200);
  });

  it("shows an editor only their own division's items in the Content Manager", async () => {
    const outsider = await staffLogin(app.strapi, app.http, {
      email: 'reader@tzjs.test',
      role: 'disclosure-editor',
      division: other,
    });
    const id = await draft('办公室内部可见的稿件');
    const list = (who: StaffLogin) =>
      request(app.http).get(`${CM}?page=1&pageSize=100&locale=zh-Hans`).set(as(who)).expect(200);
    const titlesOf = (body: { results: Array<{ title: string }> }) =>
      body.results.map((row) => row.title);
    expect(titlesOf((await list(staff.editor)).body)).toContain('办公室内部可见的稿件');
    expect(titlesOf((await list(outsider)).body)).not.toContain('办公室内部可见的稿件');
    expect(titlesOf((await list(staff.coordinator)).body)).toContain('办公室内部可见的稿件');
    await request(app.http).get(`${CM}/${id}?locale=zh-Hans`).set(as(outsider)).expect(403);
    await request(app.http).get(`${CM}/${id}?locale=zh-Hans`).set(as(staff.editor)).expect(200);
    await request(app.http).get(`${CM}/${id}?locale=zh-Hans`).set(as(staff.head)).expect(200);
  });

  it('refuses a step that does not fit the state, saying which state it is in', async () => {
    const id = await draft('还没提交的稿件');
    const response = await step('clear', staff.secrecy, id).expect(400);
    expect(response.body.error.message).toContain('it is 草稿 (draft)');
  });
});

describe('the publish gate: no path around the review', () => {
  let id: string;
  beforeAll(async () => {
    id = await draft('未经审查的稿件');
  });

  const refusal = (body: { error: { message: string } }) => body.error.message;

  it("refuses the Content Manager's publish button with the gate's reason", async () => {
    const response = await request(app.http)
      .post(`${CM}/${id}/actions/publish?locale=zh-Hans`)
      .set(as(staff.superAdmin))
      .send({})
      .expect(400);
    expect(refusal(response.body)).toBe(
      '"未经审查的稿件" (zh-Hans) cannot be published: it is 草稿 (draft). Publishing needs the division head’s approval (发布审核) and confidentiality clearance (保密审查) first.'
    );
  });

  it("refuses the Content Manager's bulk publish", async () => {
    const response = await request(app.http)
      .post(`${CM}/actions/bulkPublish?locale=zh-Hans`)
      .set(as(staff.superAdmin))
      .send({ documentIds: [id] });
    expect(response.status).toBe(400);
    expect(await stateOf(id)).toBe('draft');
  });

  it('refuses REST create and update, which publish by default', async () => {
    const token = await createApiToken(app.strapi, 'full-access');
    const created = await request(app.http)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: '直接发布', metadata: { disclosureMode: 'proactive' } } })
      .expect(400);
    expect(refusal(created.body)).toContain('Create it as a draft');
    await request(app.http)
      .put(`/api/articles/${id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: '直接修改并发布' } })
      .expect(400);
  });

  it('refuses code calling the Document Service', async () => {
    await expect(
      app.strapi.documents(ARTICLE).publish({ documentId: id, locale: 'zh-Hans' })
    ).rejects.toThrow('cannot be published: it is 草稿 (draft)');
    await expect(
      app.strapi.documents(ARTICLE).create({ data: { title: 'x' } as never, status: 'published' })
    ).rejects.toThrow('Create it as a draft');
    const website = await request(app.http).get('/api/articles').expect(200);
    expect(website.body.data.map((item: { title: string }) => item.title)).not.toContain(
      '未经审查的稿件'
    );
  });

  it('allows every path once the item is cleared: here the Content Manager button', async () => {
    await walkToCleared(id);
    await request(app.http)
      .post(`${CM}/${id}/actions/publish?locale=zh-Hans`)
      .set(as(staff.editor))
      .send({})
      .expect(200);
    expect(await stateOf(id)).toBe('published');
    await request(app.http).get(`/api/articles/${id}`).expect(200);
  });

  it('allows bulk publish once the items are cleared', async () => {
    const first = await draft('批量发布一');
    const second = await draft('批量发布二');
    await walkToCleared(first);
    await walkToCleared(second);
    await request(app.http)
      .post(`${CM}/actions/bulkPublish?locale=zh-Hans`)
      .set(as(staff.editor))
      .send({ documentIds: [first, second] })
      .expect(200);
    expect([await stateOf(first), await stateOf(second)]).toEqual(['published', 'published']);
  });

  it('refuses a REST update that changes a cleared item while publishing it, and keeps nothing of it', async () => {
    const id = await draft('已通过审查的原文');
    await walkToCleared(id);
    const token = await createApiToken(app.strapi, 'full-access');
    const response = await request(app.http)
      .put(`/api/articles/${id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: '审查后偷偷改过的标题' } })
      .expect(400);
    expect(response.body.error.message).toContain('it differs from the version that was cleared');
    await request(app.http).get(`/api/articles/${id}`).expect(404);
    const kept = await app.strapi.documents(ARTICLE).findOne({ documentId: id, locale: 'zh-Hans' });
    expect(kept).toMatchObject({ title: '已通过审查的原文' });
    expect(await stateOf(id)).toBe('cleared');
  });

  it('gates each locale on its own', async () => {
    const doc = await draft('双语稿件');
    await app.strapi.documents(ARTICLE).update({
      documentId: doc,
      locale: 'en',
      data: { title: 'Bilingual item', metadata: { disclosureMode: 'proactive' } } as never,
    });
    await walkToCleared(doc);
    await expect(
      app.strapi.documents(ARTICLE).publish({ documentId: doc, locale: 'en' })
    ).rejects.toThrow('"Bilingual item" (en) cannot be published');
    await expect(
      app.strapi.documents(ARTICLE).publish({ documentId: doc, locale: '*' })
    ).rejects.toThrow('(en) cannot be published');
    await expect(stateOf(doc)).resolves.toBe('cleared');
    await app.strapi.documents(ARTICLE).publish({ documentId: doc, locale: 'zh-Hans' });
    expect(await stateOf(doc)).toBe('published');
    await request(app.http).get(`/api/articles/${doc}?locale=en`).expect(404);
  });
});

describe('approval binds to the content', () => {
  it('sends an item edited after submission back to draft, and the approval is refused', async () => {
    const id = await draft('提交后又修改的稿件');
    await step('submit', staff.editor, id).expect(200);
    await request(app.http)
      .put(`${CM}/${id}?locale=zh-Hans`)
      .set(as(staff.editor))
      .send({ title: '提交后又修改的稿件（改）' })
      .expect(200);
    expect(await stateOf(id)).toBe('draft');
    const response = await step('approve', staff.head, id).expect(400);
    expect(response.body.error.message).toContain('it is 草稿 (draft)');
  });

  it('needs the whole review again after an edit to a published item, and keeps its 索引号', async () => {
    const id = await draft('已发布后修改的稿件');
    await walkToCleared(id);
    await step('publish', staff.editor, id).expect(200);
    const first = await request(app.http)
      .get(`/api/articles/${id}?populate[metadata]=true`)
      .expect(200);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: id, locale: 'zh-Hans', data: { summary: '补充说明' } as never });
    expect(await stateOf(id)).toBe('draft');
    await expect(
      app.strapi.documents(ARTICLE).publish({ documentId: id, locale: 'zh-Hans' })
    ).rejects.toThrow('it is 草稿 (draft)');
    const live = await request(app.http).get(`/api/articles/${id}`).expect(200);
    expect(live.body.data.summary).toBeNull();
    await walkToCleared(id);
    await step('publish', staff.editor, id).expect(200);
    const again = await request(app.http)
      .get(`/api/articles/${id}?populate[metadata]=true`)
      .expect(200);
    expect(again.body.data.summary).toBe('补充说明');
    expect(again.body.data.metadata.indexNumber).toBe(first.body.data.metadata.indexNumber);
  });
});

describe('unpublishing (撤稿)', () => {
  it('needs a reason: refused in the Content Manager and without one, recorded with one', async () => {
    const id = await createPublished(app.strapi, ARTICLE, {
      title: '将被撤回的稿件',
      department: office,
    });
    const cm = await request(app.http)
      .post(`${CM}/${id}/actions/unpublish?locale=zh-Hans`)
      .set(as(staff.coordinator))
      .send({})
      .expect(400);
    expect(cm.body.error.message).toContain('Unpublishing (撤稿) needs a reason');
    await step('unpublish', staff.coordinator, id).expect(400);
    const byEditor = await step('unpublish', staff.editor, id, { reason: '信息有误' }).expect(403);
    expect(byEditor.body.error.message).toBe(
      'Your roles do not allow you to unpublish items (撤稿): ask the coordinator for the permission "plugin::disclosure.unpublish".'
    );
    await step('unpublish', staff.coordinator, id, { reason: '信息有误，需更正' }).expect(200);
    await request(app.http).get(`/api/articles/${id}`).expect(404);
    const record = await request(app.http)
      .get(`/disclosure/reviews/${ARTICLE}/${id}`)
      .set(as(staff.coordinator))
      .expect(200);
    expect(record.body.data.history.at(-1)).toMatchObject({
      action: 'unpublish',
      reason: '信息有误，需更正',
      actorName: 'coordinator Staff',
    });
  });

  it('refuses deleting a published item before it is unpublished', async () => {
    const id = await createPublished(app.strapi, ARTICLE, {
      title: '不能直接删除的稿件',
      department: office,
    });
    await expect(
      app.strapi.documents(ARTICLE).delete({ documentId: id, locale: 'zh-Hans' })
    ).rejects.toThrow('unpublish it (撤稿, with a reason) before deleting it');
  });
});

describe('staff divisions (处室人员)', () => {
  it('lets the coordinator put a user in a division, move them and take them out', async () => {
    const list = await request(app.http)
      .get('/disclosure/staff')
      .set(as(staff.coordinator))
      .expect(200);
    expect(list.body.data.departments.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['BGS', 'TZJS'])
    );
    const editor2 = list.body.data.users.find(
      (u: { email: string }) => u.email === 'editor2@bgs.test'
    );
    expect(editor2.department).toBe(office);

    await request(app.http)
      .put(`/disclosure/staff/${editor2.id}`)
      .set(as(staff.coordinator))
      .send({ department: other })
      .expect(200);
    const id = await draft('调动后的权限');
    await step('submit', staff.editor2, id).expect(404);
    await request(app.http)
      .put(`/disclosure/staff/${editor2.id}`)
      .set(as(staff.coordinator))
      .send({ department: office })
      .expect(200);
    await step('submit', staff.editor2, id).expect(200);
  });

  it('answers bad assignments with a 400 or 404, and others than the coordinator with a 403', async () => {
    const put = (userId: string, body: object, who = staff.coordinator) =>
      request(app.http).put(`/disclosure/staff/${userId}`).set(as(who)).send(body);
    await put(String(staff.editor.id), { department: 'no-such-division' }).expect(400);
    await put(String(staff.editor.id), {}).expect(400);
    await put(String(staff.editor.id), { department: office, extra: true }).expect(400);
    await put('abc', { department: office }).expect(400);
    await put('999999', { department: office }).expect(404);
    await put(String(staff.editor.id), { department: other }, staff.editor).expect(403);
    await request(app.http).get('/disclosure/staff').set(as(staff.head)).expect(403);
  });

  it('lets the coordinator filter the queue by division', async () => {
    const id = await draft('按处室筛选');
    await step('submit', staff.editor, id).expect(200);
    const byOffice = await request(app.http)
      .get(`/disclosure/queue?state=submitted&department=${office}`)
      .set(as(staff.coordinator))
      .expect(200);
    expect(byOffice.body.data.map((row: { title: string }) => row.title)).toContain('按处室筛选');
    expect(byOffice.body.meta.division).toBeNull();
    const byOther = await request(app.http)
      .get(`/disclosure/queue?state=submitted&department=${other}`)
      .set(as(staff.coordinator))
      .expect(200);
    expect(byOther.body.data.map((row: { title: string }) => row.title)).not.toContain(
      '按处室筛选'
    );
  });
});

describe('the admin API validates its input', () => {
  it.each([
    [{}, 'contentType'],
    [{ contentType: ARTICLE, locale: 'zh-Hans' }, 'documentId'],
    [{ contentType: ARTICLE, documentId: 'x', locale: 'zh-Hans', extra: 1 }, 'extra'],
  ])('answers %j with a 400 naming %s', async (body, field) => {
    const response = await request(app.http)
      .post('/disclosure/reviews/submit')
      .set(as(staff.editor))
      .send(body)
      .expect(400);
    expect(JSON.stringify(response.body.error)).toContain(field);
  });

  it('answers an unknown document with a 404 and an anonymous caller with a 401', async () => {
    await step('submit', staff.editor, 'no-such-document').expect(404);
    await request(app.http).post('/disclosure/reviews/submit').send({}).expect(401);
  });

  it("refuses a step to a role without the plugin's permission", async () => {
    const id = await draft('权限测试');
    await step('submit', staff.secrecy, id).expect(403);
  });
});

describe('the audit trail', () => {
  it('verifies, and finds the row that was tampered with', async () => {
    const verify = () =>
      request(app.http).get('/disclosure/audit/verify').set(as(staff.coordinator)).expect(200);
    expect((await verify()).body.data).toMatchObject({ ok: true });
    const entries = app.strapi.db.query('plugin::disclosure.audit-entry');
    const victim = (await entries.findOne({ where: { seq: 3 } })) as {
      id: number;
      actorName: string;
    };
    await entries.update({ where: { id: victim.id }, data: { actorName: 'someone else' } });
    expect((await verify()).body.data).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'entry 3 was changed after it was written',
    });
    await entries.update({ where: { id: victim.id }, data: { actorName: victim.actorName } });
    expect((await verify()).body.data).toMatchObject({ ok: true });
  });

  it('is readable only with the audit permission', async () => {
    await request(app.http).get('/disclosure/audit/verify').set(as(staff.editor)).expect(403);
  });
});

describe('index numbers (索引号)', () => {
  it('are unique and consecutive when many publications happen at once', async () => {
    const numbers = disclosureService(app.strapi, 'index-numbers');
    const ids = Array.from({ length: 30 }, (_, n) => `concurrent-${n}`);
    const values: string[] = await Promise.all(
      ids.map((documentId) =>
        numbers.allocate(ARTICLE, documentId, new Date('2030-06-01T00:00:00Z'))
      )
    );
    expect(new Set(values).size).toBe(30);
    expect(values.map((value) => Number(value.slice(-5))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, n) => n + 1)
    );
    expect(await numbers.allocate(ARTICLE, 'concurrent-0')).toBe(values[0]);
  });

  it('count the year in Beijing time', async () => {
    const numbers = disclosureService(app.strapi, 'index-numbers');
    // 2031-01-01 00:30 in Beijing is still 2030 in UTC.
    expect(await numbers.allocate(ARTICLE, 'new-year', new Date('2030-12-31T16:30:00Z'))).toBe(
      '11210100MB0000000X/2031-00001'
    );
  });
});
