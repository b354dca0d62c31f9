import type { Core } from '@strapi/strapi';
import { seedOnce } from '../seed-store';

/** The admin panel's language for the bureau's staff (the profile's "界面语言"). */
export const ADMIN_LANGUAGE = 'zh-Hans';

/**
 * Staff created later (Settings › 管理员, an invitation) work in 简体中文 from their first login,
 * even in a browser that showed the admin in another language before: a new admin user without
 * a language gets zh-Hans, which Strapi applies at login. They may choose another in their profile.
 */
export function staffWorkInChinese(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as { preferedLanguage?: string | null };
      if (!data.preferedLanguage) data.preferedLanguage = ADMIN_LANGUAGE;
    },
  });
}

/** Strapi's own roles as it creates them, and their Chinese names and descriptions. */
const ADMIN_ROLES = [
  {
    code: 'strapi-super-admin',
    name: 'Super Admin',
    chinese: { name: '超级管理员', description: '可以使用和管理全部功能与设置。' },
  },
  {
    code: 'strapi-editor',
    name: 'Editor',
    chinese: { name: '内容编辑', description: '可以管理和发布全部内容，包括他人创建的内容。' },
  },
  {
    code: 'strapi-author',
    name: 'Author',
    chinese: { name: '作者', description: '可以管理自己创建的内容。' },
  },
];
const WEBSITE_ROLES = [
  {
    type: 'authenticated',
    name: 'Authenticated',
    chinese: { name: '已登录用户', description: '网站上已登录用户的默认角色。' },
  },
  {
    type: 'public',
    name: 'Public',
    chinese: { name: '公众', description: '网站上未登录访客的默认角色。' },
  },
];

/** The two API tokens Strapi creates on a new database. */
const DEFAULT_API_TOKENS = [
  {
    type: 'read-only',
    name: 'Read Only',
    chinese: { name: '只读', description: '默认的只读 API 令牌，只能读取资源。' },
  },
  {
    type: 'full-access',
    name: 'Full Access',
    chinese: { name: '完全访问', description: '默认的完全访问 API 令牌，可以读取和修改资源。' },
  },
];

/**
 * On a new database: Strapi's roles (admin Super Admin, Editor, Author; the website's
 * Authenticated and Public) and its default API tokens get Chinese names and descriptions, as the
 * settings pages show them. Once, and only while one still has Strapi's English name, so a name
 * given in the admin stays.
 */
export async function nameStrapiRolesInChinese(strapi: Core.Strapi): Promise<void> {
  await seedOnce(strapi, 'role-names-zh', async () => {
    for (const { code, name, chinese } of ADMIN_ROLES) {
      await strapi.db.query('admin::role').update({ where: { code, name }, data: chinese });
    }
    for (const { type, name, chinese } of WEBSITE_ROLES) {
      await strapi.db
        .query('plugin::users-permissions.role')
        .update({ where: { type, name }, data: chinese });
    }
    for (const { type, name, chinese } of DEFAULT_API_TOKENS) {
      await strapi.db.query('admin::api-token').update({ where: { type, name }, data: chinese });
    }
  });
}
