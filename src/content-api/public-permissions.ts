import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS, UID } from '../constants';
import { seedOnce } from '../seed-store';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** The website's service guide (办事指南), served by the disclosure plugin: published items only. */
export const SERVICE_GUIDE_ACTIONS = [
  'plugin::disclosure.service-guide.find',
  'plugin::disclosure.service-guide.findOne',
] as const;

async function grantServiceGuide(strapi: Core.Strapi, role: number): Promise<void> {
  for (const action of SERVICE_GUIDE_ACTIONS) {
    const existing = await strapi.db.query(PERMISSION_UID).findOne({ where: { role, action } });
    if (!existing) await strapi.db.query(PERMISSION_UID).create({ data: { action, role } });
  }
}

/**
 * On a new database the website's anonymous visitors get read access to the public types and
 * nothing else: users-permissions' default sign-up and login actions are removed and sign-up is
 * switched off, since the site has no visitor accounts. Runs once; later changes made in
 * Settings › Roles survive restarts.
 */
export async function setUpPublicRole(strapi: Core.Strapi): Promise<void> {
  await seedOnce(strapi, 'public-role', async () => {
    const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
    if (!role) throw new Error('users-permissions did not create the Public role');
    await strapi.db.query(PERMISSION_UID).deleteMany({
      where: { role: role.id, action: { $notIn: [...PUBLIC_ACTIONS, ...SERVICE_GUIDE_ACTIONS] } },
    });
    const existing = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id } });
    const granted = new Set(existing.map((permission: { action: string }) => permission.action));
    for (const action of PUBLIC_ACTIONS.filter((candidate) => !granted.has(candidate))) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }

    await grantServiceGuide(strapi, role.id);

    const settings = strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = ((await settings.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
    await settings.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  });
  await setUpPublicServiceGuide(strapi);
  await setUpPublicWebsiteReports(strapi);
}

/**
 * The service guide, granted once on databases whose Public role was set up before it existed (a
 * later removal in Settings › Roles survives restarts).
 */
async function setUpPublicServiceGuide(strapi: Core.Strapi): Promise<void> {
  await seedOnce(strapi, 'public-role-service-guide', async () => {
    const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
    if (role) await grantServiceGuide(strapi, role.id);
  });
}

/** The 政府网站工作年度报表 (published versions only), on databases set up before the type existed. */
export const WEBSITE_REPORT_ACTIONS = [
  `${UID.websiteReport}.find`,
  `${UID.websiteReport}.findOne`,
] as const;

async function setUpPublicWebsiteReports(strapi: Core.Strapi): Promise<void> {
  await seedOnce(strapi, 'public-role-website-reports', async () => {
    const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
    if (!role) return;
    for (const action of WEBSITE_REPORT_ACTIONS) {
      const existing = await strapi.db
        .query(PERMISSION_UID)
        .findOne({ where: { role: role.id, action } });
      if (!existing)
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  });
}
