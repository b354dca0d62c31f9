/**
 * What the clearance hash binds: what the item itself publishes, nothing that other items link
 * to it (issue #10, F6).
 */
import request from 'supertest';
import { columnId, createPublished } from '../helpers/content';
import { createDivisions, loginCast, type StaffLogin } from '../helpers/staff';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

const POLICY = 'api::policy-document.policy-document';
const CM = '/content-manager/collection-types';

let app: TestApp;
let office: string; // 办公室 (division A)
let other: string; // 投资处 (division B)
const staff: Record<string, StaffLogin> = {};

beforeAll(async () => {
  app = await bootApp();
  ({ office, other } = await createDivisions(app.strapi));
  Object.assign(
    staff,
    await loginCast(app.strapi, app.http, { office, other }, [
      'editorA',
      'headA',
      'editorB',
      'secrecy',
    ])
  );
});

afterAll(async () => {
  if (app) await stopApp(app);
});

const as = (who: StaffLogin) => ({ Authorization: `Bearer ${who.token}` });

const step = (action: string, who: StaffLogin, documentId: string) =>
  request(app.http)
    .post(`/disclosure/reviews/${action}`)
    .set(as(who))
    .send({ contentType: POLICY, documentId, locale: 'zh-Hans' });

const publishedPolicyOfA = async (title: string) =>
  createPublished(app.strapi, POLICY, {
    title,
    issuingAuthority: '示范市工业和信息化局',
    dateWritten: '2018-03-12',
    documentKind: 'normative',
    validity: 'valid',
    column: await columnId(app.strapi, 'department-documents'),
    department: office,
  });

/** An unpublished interpretation linking the document, created by `who` in the Content Manager. */
const linkDraftInterpretation = async (who: StaffLogin, documentId: string, title: string) =>
  request(app.http)
    .post(`${CM}/api::policy-interpretation.policy-interpretation?locale=zh-Hans`)
    .set(as(who))
    .send({
      title,
      form: 'text',
      metadata: { disclosureMode: 'proactive' },
      policyDocument: { connect: [{ documentId, locale: 'zh-Hans' }] },
    })
    .expect(201);

/** Division A edits its published document and takes the new version through the review. */
const reviseAndPublish = async (documentId: string, summary: string) => {
  await request(app.http)
    .put(`${CM}/${POLICY}/${documentId}?locale=zh-Hans`)
    .set(as(staff.editorA))
    .send({ summary })
    .expect(200);
  await step('submit', staff.editorA, documentId).expect(200);
  await step('approve', staff.headA, documentId).expect(200);
  await step('clear', staff.secrecy, documentId).expect(200);
  return step('publish', staff.editorA, documentId);
};

const publishedState = (response: request.Response) => ({
  status: response.status,
  state: response.body.data?.state,
  message: response.body.error?.message,
});

describe('the clearance hash covers what the item publishes', () => {
  it('lets A republish its policy document although B links an unpublished interpretation to it', async () => {
    const documentId = await publishedPolicyOfA('关于促进工业投资的若干措施');
    await linkDraftInterpretation(staff.editorB, documentId, '投资处的解读草稿');

    const published = await reviseAndPublish(documentId, '修订后的摘要');
    expect(publishedState(published)).toEqual({ status: 200, state: 'published' });
    const website = await request(app.http).get(`/api/policy-documents/${documentId}`).expect(200);
    expect(website.body.data.summary).toBe('修订后的摘要');
  });

  it("lets A republish while A's own unpublished interpretation links the document", async () => {
    const documentId = await publishedPolicyOfA('关于规范行政执法的办法');
    await linkDraftInterpretation(staff.editorA, documentId, '办公室的解读草稿');

    const published = await reviseAndPublish(documentId, '第二次修订');
    expect(publishedState(published)).toEqual({ status: 200, state: 'published' });
  });
});
