import request from 'supertest';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';

describe('the admin in 简体中文 for the staff', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await stopApp(app);
  });

  it('gives a new admin user 简体中文 as the language Strapi applies at login', async () => {
    const user = await app.strapi.service('admin::user').create({
      email: 'new.staff@example.gov.cn',
      password: 'NewStaff2018!Password',
      firstname: '新',
      lastname: '同事',
      isActive: true,
    });
    expect(user.preferedLanguage).toBe('zh-Hans');
    const login = await request(app.http)
      .post('/admin/login')
      .send({ email: 'new.staff@example.gov.cn', password: 'NewStaff2018!Password' })
      .expect(200);
    expect(login.body.data.user.preferedLanguage).toBe('zh-Hans');
  });

  it("keeps a language chosen for the user (English, in the user's profile)", async () => {
    const user = await app.strapi.service('admin::user').create({
      email: 'english.staff@example.gov.cn',
      firstname: 'English',
      lastname: 'Staff',
      preferedLanguage: 'en',
    });
    expect(user.preferedLanguage).toBe('en');
  });

  it("names Strapi's own roles in Chinese on the settings pages", async () => {
    const adminRoles = (await app.strapi.db.query('admin::role').findMany({
      where: { code: { $in: ['strapi-super-admin', 'strapi-editor', 'strapi-author'] } },
      orderBy: { id: 'asc' },
    })) as Array<{ name: string }>;
    expect(adminRoles.map((role) => role.name)).toEqual(['超级管理员', '内容编辑', '作者']);
    const websiteRoles = (await app.strapi.db
      .query('plugin::users-permissions.role')
      .findMany({ orderBy: { type: 'asc' } })) as Array<{ type: string; name: string }>;
    expect(websiteRoles.map((role) => [role.type, role.name])).toEqual([
      ['authenticated', '已登录用户'],
      ['public', '公众'],
    ]);
  });

  it("names Strapi's default API tokens in Chinese", async () => {
    const tokens = (await app.strapi.db
      .query('admin::api-token')
      .findMany({ where: { type: { $in: ['read-only', 'full-access'] } } })) as Array<{
      type: string;
      name: string;
    }>;
    expect(Object.fromEntries(tokens.map((token) => [token.type, token.name]))).toEqual({
      'read-only': '只读',
      'full-access': '完全访问',
    });
  });
});
