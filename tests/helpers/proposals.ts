import type { Server } from 'http';
import request from 'supertest';
import type { StaffLogin } from './admin-login';

/** Calls of the admin API as one signed-in staff member. */
export const asStaff = (http: Server, login: StaffLogin) => ({
  get: (url: string) => request(http).get(url).set('Authorization', `Bearer ${login.token}`),
  post: (url: string, body: object = {}) =>
    request(http).post(url).set('Authorization', `Bearer ${login.token}`).send(body),
  put: (url: string, body: object) =>
    request(http).put(url).set('Authorization', `Bearer ${login.token}`).send(body),
});

export const proposalPath = (id: number, rest = '') => `/disclosure/proposals/${id}${rest}`;

/** A deputy's suggestion as the coordinator registers it, with contacts to keep private. */
export const suggestion = (number: string, over: object = {}) => ({
  kind: 'deputy',
  term: '第十五届',
  meeting: '第三次会议',
  number,
  title: '关于加快推进中小企业数字化转型的建议',
  content: '建议设立专项资金，支持中小企业上云用云。',
  proposers: [
    {
      name: '王建国',
      delegation: '沈河区代表团',
      phone: '13800001111',
      email: 'wangjianguo@example.com',
      address: '示范市沈河区北京街1号',
    },
  ],
  lead: 'BGS',
  ...over,
});

/** The Beijing date today. */
export const beijingToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
