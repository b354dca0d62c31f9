import type { Server } from 'http';
import request from 'supertest';
import { beijingToday } from './proposals';

export { asStaff, beijingToday } from './proposals';

/** YYYY-MM-DD `days` after `date`. */
export const daysAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const consultationPath = (id: number, rest = '') => `/disclosure/consultations/${id}${rest}`;
/** The website's path of a consultation: by its public id (a numeric one must be a 404). */
export const publicPath = (id: number | string, rest = '') =>
  `/api/disclosure/consultations/${id}${rest}`;

/** What a public id looks like: random letters and digits, nothing sequential to count on. */
export const PUBLIC_ID = /^[a-z][a-z0-9]{23}$/;

/** The draft of the demo's measures: a preamble, two chapters and six articles. */
export const DRAFT_TEXT = [
  '为促进本市中小企业健康发展，制定本措施。',
  '第一章 总则',
  '第一条 本措施适用于在本市依法登记的中小企业。',
  '第二条 市工业和信息化局负责本措施的组织实施。',
  '各区县工业和信息化主管部门负责本辖区内的具体工作。',
  '第二章 支持措施',
  '第三条 设立中小企业发展专项资金，每年安排不少于5000万元。',
  '第四条 对首次认定的“专精特新”中小企业给予一次性奖励。',
  '第五条 支持中小企业开展技术改造，按设备投资额的10%给予补助。',
  '第六条 本措施自发布之日起施行，有效期三年。',
].join('\n');

/** A consultation as an editor creates it: 30 days from today. */
export const consultation = (over: object = {}) => ({
  title: '示范市促进中小企业发展若干措施（征求意见稿）',
  purpose: '为进一步优化中小企业发展环境，我局起草了本措施，现公开征求社会意见。',
  draftText: DRAFT_TEXT,
  opensOn: beijingToday(),
  closesOn: daysAfter(beijingToday(), 29),
  ...over,
});

/** A comment from the website, with contacts that must never leave. */
export const commentBody = (over: object = {}) => ({
  anchor: 'art-1',
  text: '建议将个体工商户纳入适用范围。',
  name: '李明',
  phone: '13912345678',
  email: 'liming@example.com',
  ...over,
});

/** POST a comment to the website's API (`id`: the public id, or a wrong one). */
export const postComment = (http: Server, id: number | string, body: object) =>
  request(http).post(publicPath(id, '/comments')).send(body);
