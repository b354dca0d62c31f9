import type { Server } from 'http';
import request from 'supertest';
import type { StaffLogin } from './staff';

/** A complete 办事指南 (every required field) of a 行政许可, for `division`. */
export const completeGuide = (name: string, division: string | null, extra: object = {}) => ({
  name,
  itemType: 'licensing',
  division,
  legalBasis: '《电力设施保护条例》第十八条',
  conditions: '具有固定经营场所和相应的专业技术人员',
  materials: '申请书；营业执照；场所证明',
  location: '示范市政务服务中心三楼工信窗口',
  hours: '工作日 9:00-12:00，13:30-17:00',
  phone: '024-22880000',
  process: '申请 → 受理 → 审查 → 决定 → 送达',
  legalDays: 20,
  promisedDays: 10,
  fees: '不收费',
  onlineUrl: 'https://zwfw.example.gov.cn/item/1',
  onlineDepth: 'full',
  ...extra,
});

/** An HTTP caller signed in as `login`. */
export const asStaff =
  (http: Server, login: StaffLogin) => (method: 'get' | 'post' | 'put' | 'delete', url: string) =>
    request(http)[method](url).set('Authorization', `Bearer ${login.token}`);

/** Who reviews a guide: the item division's reviewer (发布审核) and the 保密审查员 (保密审查). */
export interface GuideReviewers {
  approver: StaffLogin;
  clearer: StaffLogin;
}

/**
 * Takes the item's draft through its review: `submitter` submits it (or `submit` does, e.g. a
 * withdrawal), the division approves, the 保密审查员 clears; then `submitter` publishes it.
 */
export async function reviewAndPublish(
  http: Server,
  documentId: string,
  submitter: StaffLogin,
  reviewers: GuideReviewers,
  submit: () => Promise<unknown> = () =>
    asStaff(http, submitter)('post', `/disclosure/service-items/${documentId}/submit`).expect(200)
) {
  await submit();
  await asStaff(http, reviewers.approver)(
    'post',
    `/disclosure/service-items/${documentId}/approve`
  ).expect(200);
  await asStaff(http, reviewers.clearer)(
    'post',
    `/disclosure/service-items/${documentId}/clear`
  ).expect(200);
  return asStaff(http, submitter)('post', `/disclosure/service-items/${documentId}/publish`).expect(
    200
  );
}

/** Creates an item through the admin API and publishes it through its review; its documentId. */
export async function publishItem(
  http: Server,
  login: StaffLogin,
  guide: object,
  reviewers: GuideReviewers
): Promise<string> {
  const created = await asStaff(http, login)('post', '/disclosure/service-items')
    .send(guide)
    .expect(201);
  const documentId = created.body.data.documentId as string;
  await reviewAndPublish(http, documentId, login, reviewers);
  return documentId;
}
