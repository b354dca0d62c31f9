/**
 * The demo's source year of 留言办理 (domain.md §6): 103 phone consultations, 12 民心网 cases and
 * 2 transfers from 政府公开电话, all answered in 2018 (答复率 100%), and the yearly figures that
 * follow — for the office (admin) and for the website (an API token), each drillable to its
 * de-identified records.
 */
import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { staffLogin, type StaffLogin } from '../helpers/staff';

const DEMO_ENV = {
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};

let app: TestApp;
let coordinator: StaffLogin;
let token: string;

beforeAll(async () => {
  app = await bootApp({ env: DEMO_ENV });
  coordinator = await staffLogin(app.strapi, app.http, {
    email: 'coordinator@inquiries-demo.test',
    role: 'disclosure-coordinator',
  });
  token = (
    await app.strapi.service('admin::api-token').create({
      name: 'website statistics',
      description: '',
      type: 'custom',
      lifespan: null,
      permissions: ['plugin::disclosure.statistics.find', 'plugin::disclosure.statistics.records'],
    })
  ).accessKey;
}, 300_000);
afterAll(async () => {
  if (app) await stopApp(app);
});

const asCoordinator = (url: string) =>
  request(app.http).get(url).set('Authorization', `Bearer ${coordinator.token}`);
const asWebsite = (url: string) =>
  request(app.http).get(url).set('Authorization', `Bearer ${token}`);

describe('the demo’s public inquiries of 2018', () => {
  it('are 103 phone calls, 12 民心网 cases and 2 hotline transfers, all closed in 2018', async () => {
    const rows = (await app.strapi.db.query('plugin::disclosure.inquiry').findMany({})) as Array<{
      channel: string;
      state: string;
      repliedOn: string;
      transferredBy: string | null;
      division: string | null;
      satisfaction: string | null;
    }>;
    const of = (channel: string) => rows.filter((row) => row.channel === channel);
    expect(of('phone')).toHaveLength(103);
    expect(of('minxin')).toHaveLength(12);
    expect(of('hotline')).toHaveLength(2);
    for (const row of rows) {
      expect(row.state).toBe('closed');
      expect(String(row.repliedOn)).toMatch(/^2018-/);
      expect(row.division).toEqual(expect.any(String));
    }
    expect(of('hotline').map((row) => row.transferredBy)).toEqual([
      'government_hotline',
      'government_hotline',
    ]);
    expect(of('minxin').every((row) => row.satisfaction === 'satisfied')).toBe(true);
  });

  it.each([
    ['the office (admin)', asCoordinator, '/disclosure/statistics'],
    ['the website (API token)', asWebsite, '/api/disclosure/statistics'],
  ])(
    'gives %s 103 / 12 / 2 and 答复率 100%%, each drillable to its records',
    async (_who, get, base) => {
      const response = await get(`${base}?year=2018&providers=inquiries`).expect(200);
      const section = response.body.data.sections.inquiries;
      expect(section).toMatchObject({
        received: { key: 'inquiries.received', value: 117 },
        closed: { key: 'inquiries.closed', value: 117 },
        byChannel: {
          phone: { key: 'inquiries.channel:phone', value: 103 },
          minxin: { key: 'inquiries.channel:minxin', value: 12 },
          hotline: { key: 'inquiries.channel:hotline', value: 2 },
          website: { value: 0 },
        },
        closedByChannel: {
          phone: { key: 'inquiries.closedChannel:phone', value: 103 },
          minxin: { value: 12 },
          hotline: { value: 2 },
        },
        replyRate: 100,
        averageWorkingDays: { key: 'inquiries.averageWorkingDays', value: expect.any(Number) },
      });
      for (const [figure, total] of [
        ['inquiries.channel:phone', 103],
        ['inquiries.channel:minxin', 12],
        ['inquiries.channel:hotline', 2],
      ] as const) {
        const records = await get(
          `${base}/records?year=2018&figure=${encodeURIComponent(figure)}&pageSize=100`
        ).expect(200);
        expect(records.body.meta.pagination.total).toBe(total);
        expect(records.body.data[0]).toMatchObject({
          uid: 'plugin::disclosure.inquiry',
          title: expect.stringMatching(/2018-\d{2}-\d{2} 收到/),
          date: expect.stringMatching(/^2018-/),
        });
        const text = JSON.stringify(records.body);
        // De-identified: no subject, message, reply, name, phone or tracking number.
        expect(text).not.toMatch(/LY2018\d{4}-\d{6}/);
        expect(text).not.toMatch(/1[38]\d{9}/);
        expect(text).not.toContain('先生');
        expect(text).not.toContain('女士');
        expect(text).not.toContain('技术改造补助资金拨付进度');
        expect(text).not.toContain('在市政务服务中心工信窗口办理');
      }
    }
  );
});
