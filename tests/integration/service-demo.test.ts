import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { staffLogin } from '../helpers/staff';

const DEMO_ENV = {
  DEMO_SEED: 'true',
  DEMO_ADMIN_EMAIL: 'admin@demo.gov.cn',
  DEMO_ADMIN_PASSWORD: 'Demo2018!Disclosure',
};

let app: TestApp;
beforeAll(async () => {
  app = await bootApp({ env: DEMO_ENV });
  // The run's first boot with the demo seeds it (npm run bench:demo measures how long).
}, 300_000);
afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the demo’s 2018 service items and cases', () => {
  it('shows the four 2018 items on the public guide, the radio licence taken back by the province', async () => {
    const list = await request(app.http).get('/api/disclosure/service-items').expect(200);
    const byName = Object.fromEntries(
      list.body.data.map((item: { name: string }) => [item.name, item])
    );
    expect(Object.keys(byName).sort()).toEqual(
      [
        '工业企业技术改造投资项目备案',
        '废旧电力设施器材收购的许可',
        '民用爆炸物品安全生产许可初审',
        '无线电频率台（站）许可',
      ].sort()
    );
    expect(byName['工业企业技术改造投资项目备案']).toMatchObject({
      itemTypeLabel: '行政备案',
      division: { code: 'TZJS' },
    });
    expect(byName['废旧电力设施器材收购的许可'].division.code).toBe('XZSP');
    expect(byName['无线电频率台（站）许可']).toMatchObject({
      isWithdrawn: true,
      withdrawal: { kind: 'taken_back', label: '上级收回', date: '2018-07-02' },
    });
  });

  it('counts 19 + 13 + 2 = 34 closed 2018 cases (never the report’s 36), completion 100%', async () => {
    const coordinator = await staffLogin(app.strapi, app.http, {
      email: 'stats@service-demo.test',
      role: 'disclosure-coordinator',
    });
    const response = await request(app.http)
      .get('/disclosure/statistics?year=2018&providers=serviceCases')
      .set('Authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    const section = response.body.data.sections.serviceCases;
    expect(section.closed.value).toBe(34);
    expect(section.completionRate).toBe(100);
    expect(section.onTimeRate).toBe(100);
    expect(
      Object.fromEntries(
        section.byItem.map((figure: { label: string; value: number }) => [
          figure.label,
          figure.value,
        ])
      )
    ).toEqual({
      工业企业技术改造投资项目备案: 19,
      废旧电力设施器材收购的许可: 13,
      民用爆炸物品安全生产许可初审: 2,
    });
    expect(section.licensingDecisions.value).toBe(15);
  });

  it('dates every case on working days of 2018', async () => {
    const rows = await app.strapi.db
      .query('plugin::disclosure.service-case')
      .findMany({ select: ['appliedOn', 'acceptedOn', 'decidedOn', 'closedOn'] });
    const calendar = await app.strapi.plugin('disclosure').service('calendar').current();
    for (const row of rows as Array<Record<string, string>>) {
      for (const date of Object.values(row).map((value) => String(value).slice(0, 10))) {
        expect(date.startsWith('2018-')).toBe(true);
        expect({ date, working: calendar.isWorkingDay(date) }).toEqual({ date, working: true });
      }
    }
  });
});
