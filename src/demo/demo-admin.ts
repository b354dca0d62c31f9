import type { Core } from '@strapi/strapi';

interface DemoAdminEnv {
  email?: string;
  password?: string;
}

/**
 * Development only: when no admin exists yet and DEMO_ADMIN_EMAIL / DEMO_ADMIN_PASSWORD are set,
 * creates that super admin so a fresh clone can log in at /admin straight away. Never in
 * production, where the first admin registers on Strapi's own page. Returns the email or null.
 */
export async function createDemoSuperAdmin(
  strapi: Core.Strapi,
  { email, password }: DemoAdminEnv
): Promise<string | null> {
  if (process.env.NODE_ENV === 'production' || !email || !password) return null;
  if ((await strapi.db.query('admin::user').count()) > 0) return null;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: '演示',
    lastname: '管理员',
    isActive: true,
    preferedLanguage: 'zh-Hans',
    roles: [superAdmin.id],
  });
  return email;
}
