import type { Core } from '@strapi/strapi';
import {
  publishThroughReview,
  staffMember,
  type ReviewCrew,
} from '../../src/demo/publish-through-review';

const crews = new WeakMap<Core.Strapi, ReviewCrew>();

/** Three super admins: enough people for four eyes, with every permission. */
export async function superAdminCrew(strapi: Core.Strapi): Promise<ReviewCrew> {
  const known = crews.get(strapi);
  if (known) return known;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  const member = async (name: string) => {
    const user = await strapi.service('admin::user').create({
      email: `${name}-${Math.random().toString(36).slice(2, 8)}@crew.test`,
      password: 'Crew2018!Password',
      firstname: name,
      lastname: 'Crew',
      isActive: true,
      roles: [superAdmin.id],
    });
    return staffMember(strapi, user.id);
  };
  const crew = {
    author: await member('author'),
    divisionReviewer: await member('division'),
    confidentialityReviewer: await member('secrecy'),
  };
  crews.set(strapi, crew);
  return crew;
}

/** Publishes a draft through the whole review, as three different super admins. */
export async function reviewAndPublish(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale = 'zh-Hans'
) {
  await publishThroughReview(strapi, await superAdminCrew(strapi), { uid, documentId, locale });
}
