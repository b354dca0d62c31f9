import request from 'supertest';
import { createAdminAndLogin } from '../helpers/admin';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  if (app) await stopApp(app);
});

describe('the disclosure plugin', () => {
  // Strapi skips a local plugin whose server entry fails to load without a word (strapi-notes §1.2).
  it('is loaded from the compiled server code', () => {
    const plugin = app.strapi.plugin('disclosure');
    expect(plugin).toBeDefined();
    expect(typeof plugin.service('workflow').describe).toBe('function');
  });

  it('serves its workflow description to signed-in admins only', async () => {
    await request(app.http).get('/disclosure/workflow').expect(401);
    const admin = await createAdminAndLogin(app.strapi, app.http, {
      email: 'coordinator@test.gov.cn',
    });
    const response = await request(app.http)
      .get('/disclosure/workflow')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(response.body.data.states.map((s: { label: string }) => s.label)).toEqual([
      '草稿',
      '待审核',
      '待保密审查',
      '可发布',
      '已发布',
      '不予公开',
    ]);
  });
});
