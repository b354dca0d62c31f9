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

/** Creates and publishes an item through the admin API; its documentId. */
export async function publishItem(http: Server, login: StaffLogin, guide: object): Promise<string> {
  const created = await asStaff(http, login)('post', '/disclosure/service-items')
    .send(guide)
    .expect(201);
  const documentId = created.body.data.documentId as string;
  await asStaff(http, login)('post', `/disclosure/service-items/${documentId}/publish`).expect(200);
  return documentId;
}
