import type { Server } from 'http';
import request from 'supertest';

export { asStaff, beijingToday } from './proposals';

export const inquiryPath = (id: number, rest = '') => `/disclosure/inquiries/${id}${rest}`;

/** Personal data the tests look for in every public answer (it must never appear). */
export const WRITER = {
  name: '赵铁柱',
  phone: '13912345678',
  email: 'zhaotiezhu@example.com',
};

/** A message as the website's 监督投诉 form sends it. */
export const websiteMessage = (over: object = {}) => ({
  channel: 'website',
  kind: 'complaint',
  category: 'funding',
  subject: '技术改造专项资金迟迟未拨付',
  message: '我公司2018年申报的技术改造项目已通过验收，专项资金至今未拨付，请问何时拨付？',
  ...WRITER,
  publicConsent: true,
  ...over,
});

/** Sends the website's form: the response (201 with trackingNumber and queryCode, or the error). */
export const submit = (http: Server, body: object) =>
  request(http).post('/api/disclosure/inquiries').send(body);

/** The writer's status lookup. */
export const lookUp = (http: Server, query: Record<string, string>) =>
  request(http).get('/api/disclosure/inquiries/status').query(query);

/** A 民心网 case as the coordinator registers it. */
export const minxinCase = (over: object = {}) => ({
  channel: 'minxin',
  kind: 'consultation',
  category: 'licensing',
  subject: '民用爆炸物品安全生产许可初审需要哪些材料',
  message: '请问申请民用爆炸物品安全生产许可初审需要提交哪些材料，在哪里办理？',
  externalNumber: 'MXW-2018-000123',
  name: '钱多多',
  phone: '13600009999',
  ...over,
});

/** YYYY-MM-DD `days` calendar days after (or, negative, before) `date`. */
export const daysAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
