import request from 'supertest';
import { createDivisions, staffLogin, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { asStaff, completeGuide } from '../helpers/service-items';

/**
 * 先审查、后公开 for service guides: no version of a 办事指南 reaches the website without its
 * division's 发布审核 and the 保密审查员's 保密审查 of exactly that text, four eyes.
 */
let app: TestApp;
let divisions: { office: string; other: string };
let editor: StaffLogin;
let coordinator: StaffLogin;
let head: StaffLogin;
let otherHead: StaffLogin;
let secrecy: StaffLogin;
/** An editor of the office who is also its reviewer and a 保密审查员 (a small bureau). */
let everything: StaffLogin;

const item = (documentId: string, step = '') =>
  `/disclosure/service-items/${documentId}${step ? `/${step}` : ''}`;
const step = (login: StaffLogin, documentId: string, name: string) =>
  asStaff(app.http, login)('post', item(documentId, name));
const publicOne = (documentId: string) =>
  request(app.http).get(`/api/disclosure/service-items/${documentId}`);
const publishedRow = (documentId: string) =>
  app.strapi
    .documents('plugin::disclosure.service-item')
    .findOne({ documentId, status: 'published' });

async function draft(
  name: string,
  division: string | null = divisions.office,
  login = editor
): Promise<string> {
  const created = await asStaff(app.http, login)('post', '/disclosure/service-items')
    .send(completeGuide(name, division))
    .expect(201);
  return created.body.data.documentId as string;
}

beforeAll(async () => {
  app = await bootApp();
  divisions = await createDivisions(app.strapi);
  const login = (email: string, role: string, division?: string) =>
    staffLogin(app.strapi, app.http, { email, role, division });
  editor = await login('editor@bgs.review.test', 'disclosure-editor', divisions.office);
  coordinator = await login('coordinator@review.test', 'disclosure-coordinator');
  head = await login('head@bgs.review.test', 'disclosure-division-reviewer', divisions.office);
  otherHead = await login('head@tzjs.review.test', 'disclosure-division-reviewer', divisions.other);
  secrecy = await login('secrecy@review.test', 'disclosure-confidentiality-reviewer');
  everything = await login('all@bgs.review.test', 'disclosure-editor', divisions.office);
  const roles = await app.strapi.db.query('admin::role').findMany({
    where: {
      code: {
        $in: [
          'disclosure-editor',
          'disclosure-division-reviewer',
          'disclosure-confidentiality-reviewer',
        ],
      },
    },
  });
  await app.strapi
    .service('admin::user')
    .updateById(everything.id, { roles: roles.map((role: { id: number }) => role.id) });
});

afterAll(async () => {
  await stopApp(app);
});

describe('the review of a service guide (发布审核, 保密审查)', () => {
  it('refuses to publish a complete guide that was never reviewed (400 with a sentence); nothing is public', async () => {
    const documentId = await draft('未经审核的事项');
    const refused = await step(editor, documentId, 'publish').expect(400);
    expect(refused.body.error.message).toContain('先审查、后公开');
    expect(await publishedRow(documentId)).toBeNull();
    await publicOne(documentId).expect(404);
    // The coordinator cannot publish it either.
    await step(coordinator, documentId, 'publish').expect(400);
    expect(await publishedRow(documentId)).toBeNull();
  });

  it('refuses to submit a guide without a division (nobody could approve it), naming the field', async () => {
    const documentId = await draft('没有处室的事项', null, coordinator);
    const refused = await step(coordinator, documentId, 'submit').expect(400);
    expect(refused.body.error.details.key).toBe('division');
    expect(refused.body.error.message).toContain('实施处室');
  });

  it('goes submit → approve → clear → publish, the page offering each step to the right person only', async () => {
    const documentId = await draft('全流程事项');
    const actions = async (login: StaffLogin) =>
      (await asStaff(app.http, login)('get', item(documentId)).expect(200)).body.data
        .allowedActions;
    expect(await actions(editor)).toEqual(['submit']);
    expect(await actions(head)).toEqual([]);

    const submitted = await step(editor, documentId, 'submit').expect(200);
    expect(submitted.body.data.review).toMatchObject({
      state: 'submitted',
      kind: 'publish',
      matchesDraft: true,
      submittedBy: 'editor Staff',
    });
    expect(submitted.body.data.review.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await actions(head)).toEqual(['approve', 'return']);
    expect(await actions(otherHead)).toEqual([]);
    expect(await actions(secrecy)).toEqual([]);
    expect(await actions(editor)).toEqual([]);
    // Not cleared yet: publishing, clearing before approval are refused.
    await step(editor, documentId, 'publish').expect(400);
    const early = await step(secrecy, documentId, 'clear').expect(400);
    expect(early.body.error.message).toContain('发布审核 comes before 保密审查');
    await publicOne(documentId).expect(404);

    const approved = await step(head, documentId, 'approve').expect(200);
    expect(approved.body.data.review).toMatchObject({
      state: 'approved',
      approvedBy: 'head Staff',
    });
    expect(await actions(secrecy)).toEqual(['return', 'clear']);
    await step(editor, documentId, 'publish').expect(400);
    await publicOne(documentId).expect(404);

    const cleared = await step(secrecy, documentId, 'clear').expect(200);
    expect(cleared.body.data.review).toMatchObject({
      state: 'cleared',
      clearedBy: 'secrecy Staff',
    });
    expect(await actions(editor)).toEqual(['publish']);
    await publicOne(documentId).expect(404);

    const published = await step(editor, documentId, 'publish').expect(200);
    expect(published.body.data).toMatchObject({
      isPublished: true,
      review: { state: 'published' },
    });
    const one = await publicOne(documentId).expect(200);
    expect(one.body.data.name).toBe('全流程事项');
    expect(JSON.stringify(one.body)).not.toContain('review');

    // Every step in the audit trail, with actor and the reviewed hash.
    const trail = await app.strapi
      .plugin('disclosure')
      .service('audit')
      .history('plugin::disclosure.service-item', documentId);
    const hash = submitted.body.data.review.contentHash;
    expect(
      trail
        .filter((entry: { action: string }) => entry.action !== 'service_item_created')
        .filter((entry: { action: string }) => entry.action !== 'service_item_edited')
        .map((entry: { action: string; actorName: string; contentHash: string | null }) => [
          entry.action,
          entry.actorName,
          entry.contentHash,
        ])
    ).toEqual([
      ['service_item_submitted', 'editor Staff', hash],
      ['service_item_approved', 'head Staff', hash],
      ['service_item_cleared', 'secrecy Staff', hash],
      ['service_item_published', 'editor Staff', hash],
    ]);
    // Nothing left to submit: the draft is what the website shows.
    await step(editor, documentId, 'submit').expect(400);
  });

  it('voids a cleared review when the draft is edited: publishing is refused until it is reviewed again', async () => {
    const documentId = await draft('送审后修改的事项');
    await step(editor, documentId, 'submit').expect(200);
    await step(head, documentId, 'approve').expect(200);
    await step(secrecy, documentId, 'clear').expect(200);
    const edited = await asStaff(app.http, editor)('put', item(documentId))
      .send(completeGuide('送审后修改的事项', divisions.office, { conditions: '未经审核的新条件' }))
      .expect(200);
    expect(edited.body.data.review).toMatchObject({ state: 'voided', matchesDraft: false });
    expect(edited.body.data.allowedActions).toEqual(['submit']);
    const refused = await step(editor, documentId, 'publish').expect(400);
    expect(refused.body.error.message).toContain('先审查、后公开');
    expect(await publishedRow(documentId)).toBeNull();
    await publicOne(documentId).expect(404);

    // The page says why: the review was voided by the edit, in the audit trail too.
    const audit = await app.strapi
      .plugin('disclosure')
      .service('audit')
      .history('plugin::disclosure.service-item', documentId);
    expect(audit.map((entry: { action: string }) => entry.action)).toContain(
      'service_item_review_voided'
    );

    await step(editor, documentId, 'submit').expect(200);
    await step(head, documentId, 'approve').expect(200);
    await step(secrecy, documentId, 'clear').expect(200);
    await step(editor, documentId, 'publish').expect(200);
    const one = await publicOne(documentId).expect(200);
    expect(one.body.data.conditions).toBe('未经审核的新条件');
  });

  it('voids an approval when the draft is edited between approval and clearance', async () => {
    const documentId = await draft('审核中修改的事项');
    await step(editor, documentId, 'submit').expect(200);
    await step(head, documentId, 'approve').expect(200);
    await asStaff(app.http, editor)('put', item(documentId))
      .send(completeGuide('审核中修改的事项', divisions.office, { phone: '024-99999999' }))
      .expect(200);
    await step(secrecy, documentId, 'clear').expect(400);
    await step(editor, documentId, 'publish').expect(400);
    expect(await publishedRow(documentId)).toBeNull();
  });

  it('four eyes: the submitter and co-authors neither approve nor clear, the approver does not also clear (403)', async () => {
    const documentId = await draft('四眼原则的事项', divisions.office, everything);
    await step(everything, documentId, 'submit').expect(200);
    const own = await step(everything, documentId, 'approve').expect(403);
    expect(own.body.error.message).toContain('Four eyes');
    await asStaff(app.http, everything)('post', item(documentId, 'return'))
      .send({ reason: '自己退回自己' })
      .expect(403);
    await step(head, documentId, 'approve').expect(200);
    const ownClear = await step(everything, documentId, 'clear').expect(403);
    expect(ownClear.body.error.message).toContain('you submitted this version');

    // Another item: `everything` approves it for the division, so may not clear it.
    const second = await draft('四眼原则的第二个事项');
    await step(editor, second, 'submit').expect(200);
    await step(everything, second, 'approve').expect(200);
    const approverClears = await step(everything, second, 'clear').expect(403);
    expect(approverClears.body.error.message).toContain('you approved this version');
    await step(secrecy, second, 'clear').expect(200);
    expect(await publishedRow(documentId)).toBeNull();

    // A third: `everything` wrote part of it, the editor submits it: still not theirs to review.
    const third = await draft('四眼原则的第三个事项');
    await asStaff(app.http, everything)('put', item(third))
      .send(completeGuide('四眼原则的第三个事项', divisions.office, { fees: '按规定收费' }))
      .expect(200);
    await step(editor, third, 'submit').expect(200);
    const shown = await asStaff(app.http, everything)('get', item(third)).expect(200);
    expect(shown.body.data.allowedActions).toEqual([]);
    const coAuthor = await step(everything, third, 'approve').expect(403);
    expect(coAuthor.body.error.message).toContain('you wrote part of this version');
    await step(head, third, 'approve').expect(200);
    await step(everything, third, 'clear').expect(403);
    await step(secrecy, third, 'clear').expect(200);
  });

  it('a reviewer of another division, the coordinator and the 保密审查员 cannot approve for the division (403)', async () => {
    const documentId = await draft('他处审核的事项');
    await step(editor, documentId, 'submit').expect(200);
    const other = await step(otherHead, documentId, 'approve').expect(403);
    expect(other.body.error.message).toContain('another division');
    await step(coordinator, documentId, 'approve').expect(403);
    await step(secrecy, documentId, 'approve').expect(403);
    // The division reviewer has no catalogue rights: no edit, submit or publish.
    await asStaff(app.http, head)('put', item(documentId))
      .send(completeGuide('处长改的', divisions.office))
      .expect(403);
    await step(head, documentId, 'publish').expect(403);
  });

  it('returns with a reason at either stage (the reason required, 400 naming it); a returned version is not published', async () => {
    const documentId = await draft('被退回的事项');
    await step(editor, documentId, 'submit').expect(200);
    const noReason = await asStaff(app.http, head)('post', item(documentId, 'return'))
      .send({ reason: '  ' })
      .expect(400);
    expect(noReason.body.error.details.key).toBe('reason');
    const returned = await asStaff(app.http, head)('post', item(documentId, 'return'))
      .send({ reason: '办理材料不全，请补充。' })
      .expect(200);
    expect(returned.body.data.review).toMatchObject({
      state: 'returned',
      returnStage: 'division',
      returnReason: '办理材料不全，请补充。',
      returnedBy: 'head Staff',
    });
    await step(head, documentId, 'approve').expect(400);
    await step(editor, documentId, 'publish').expect(400);

    await step(editor, documentId, 'submit').expect(200);
    await step(head, documentId, 'approve').expect(200);
    const secrecyReturn = await asStaff(app.http, secrecy)('post', item(documentId, 'return'))
      .send({ reason: '联系电话为内部号码，不宜公开。' })
      .expect(200);
    expect(secrecyReturn.body.data.review).toMatchObject({
      state: 'returned',
      returnStage: 'confidentiality',
      returnReason: '联系电话为内部号码，不宜公开。',
    });
    await step(secrecy, documentId, 'clear').expect(400);
    await step(editor, documentId, 'publish').expect(400);
    expect(await publishedRow(documentId)).toBeNull();
    const trail = await app.strapi
      .plugin('disclosure')
      .service('audit')
      .history('plugin::disclosure.service-item', documentId);
    expect(
      trail
        .filter((entry: { action: string }) => entry.action === 'service_item_returned')
        .map((entry: { reason: string }) => entry.reason)
    ).toEqual([
      '发布审核退回：办理材料不全，请补充。',
      '保密审查退回：联系电话为内部号码，不宜公开。',
    ]);
  });

  it('puts a withdrawal through the same chain: nothing changes on the website until it is cleared and published', async () => {
    const documentId = await draft('将被取消的事项');
    await step(editor, documentId, 'submit').expect(200);
    await step(head, documentId, 'approve').expect(200);
    await step(secrecy, documentId, 'clear').expect(200);
    await step(editor, documentId, 'publish').expect(200);

    const submitted = await asStaff(app.http, editor)('post', item(documentId, 'withdraw'))
      .send({ kind: 'cancelled', date: '2018-09-01', authority: '省人民政府', reason: '取消' })
      .expect(200);
    expect(submitted.body.data.review).toMatchObject({
      state: 'submitted',
      kind: 'withdraw',
      withdrawal: { kind: 'cancelled', date: '2018-09-01', authority: '省人民政府' },
    });
    expect(submitted.body.data.lifecycle).toBe('in_force');
    expect((await publicOne(documentId).expect(200)).body.data.isWithdrawn).toBe(false);
    await step(editor, documentId, 'publish').expect(400);
    await step(head, documentId, 'approve').expect(200);
    expect((await publicOne(documentId).expect(200)).body.data.isWithdrawn).toBe(false);
    await step(secrecy, documentId, 'clear').expect(200);
    expect((await publicOne(documentId).expect(200)).body.data.isWithdrawn).toBe(false);
    const withdrawn = await step(editor, documentId, 'publish').expect(200);
    expect(withdrawn.body.data.lifecycle).toBe('withdrawn');
    const one = await publicOne(documentId).expect(200);
    expect(one.body.data).toMatchObject({
      isWithdrawn: true,
      withdrawal: { kind: 'cancelled', date: '2018-09-01', authority: '省人民政府' },
    });
  });

  it('the guard refuses a publication by code whatever the review says, unless the cleared hash is the draft’s', async () => {
    const documentId = await draft('被代码直接发布的事项');
    await step(editor, documentId, 'submit').expect(200);
    await step(head, documentId, 'approve').expect(200);
    await step(secrecy, documentId, 'clear').expect(200);
    // Outside the module's publish step: refused although cleared.
    await expect(
      app.strapi.documents('plugin::disclosure.service-item').publish({ documentId })
    ).rejects.toThrow(/published through POST/);
    // A forged clearance of another text does not pass the module's own path either.
    await app.strapi.db
      .query('plugin::disclosure.service-item-review')
      .updateMany({ where: { item: documentId }, data: { contentHash: 'f'.repeat(64) } });
    await step(editor, documentId, 'publish').expect(400);
    expect(await publishedRow(documentId)).toBeNull();
  });

  it('lists what waits for the current reviewer (the 待审核 filter’s data)', async () => {
    const documentId = await draft('等待处长审核的事项');
    await step(editor, documentId, 'submit').expect(200);
    const list = async (login: StaffLogin) =>
      (await asStaff(app.http, login)('get', '/disclosure/service-items').expect(200)).body
        .data as {
        name: string;
        allowedActions: string[];
      }[];
    const waiting = (rows: { name: string; allowedActions: string[] }[]) =>
      rows
        .filter((row) =>
          row.allowedActions.some((action) => action === 'approve' || action === 'clear')
        )
        .map((row) => row.name);
    expect(waiting(await list(head))).toContain('等待处长审核的事项');
    expect(waiting(await list(otherHead))).not.toContain('等待处长审核的事项');
    expect(waiting(await list(secrecy))).not.toContain('等待处长审核的事项');
  });
});
