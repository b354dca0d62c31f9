import type { Core } from '@strapi/strapi';
import {
  newSuperAdminCrew,
  publishThroughReview,
  type ReviewCrew,
} from '../../src/demo/publish-through-review';

const crews = new WeakMap<Core.Strapi, ReviewCrew>();

/** Three super admins (src/demo/publish-through-review.ts), made once per app. */
export async function superAdminCrew(strapi: Core.Strapi): Promise<ReviewCrew> {
  const crew = crews.get(strapi) ?? (await newSuperAdminCrew(strapi));
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
