import type { Core } from '@strapi/strapi';
import { disclosureService, type Ability, type AdminUser } from 'strapi-plugin-gov-disclosure/sdk';

export interface StaffMember {
  user: AdminUser;
  ability: Ability;
}

export interface ReviewCrew {
  /** Submits and, once cleared, publishes. */
  author: StaffMember;
  divisionReviewer: StaffMember;
  confidentialityReviewer: StaffMember;
}

/** An admin user with roles, and their RBAC ability as Strapi computes it for a request. */
export async function staffMember(strapi: Core.Strapi, userId: number): Promise<StaffMember> {
  const user = await strapi.db
    .query('admin::user')
    .findOne({ where: { id: userId }, populate: ['roles'] });
  const ability = await strapi.service('admin::permission').engine.generateUserAbility(user);
  return { user, ability };
}

/**
 * Three new super admins: enough people for four eyes, with every permission. For the tests and
 * the benchmark, which publish through the review without the demo's staff.
 */
export async function newSuperAdminCrew(strapi: Core.Strapi): Promise<ReviewCrew> {
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
  return {
    author: await member('author'),
    divisionReviewer: await member('division'),
    confidentialityReviewer: await member('secrecy'),
  };
}

/**
 * Publishes a draft the only way there is: submitted by its author, approved by the division,
 * cleared by the confidentiality reviewer, then published (先审查、后公开). Used by the demo seed
 * and the tests, with real users and their real permissions. The pre-screen's findings (the
 * demo's office phone numbers and e-mail addresses, published on purpose) are confirmed by the
 * confidentiality reviewer before the clearance, each with its audit entry, as the panel would.
 */
export async function publishThroughReview(
  strapi: Core.Strapi,
  crew: ReviewCrew,
  { uid, documentId, locale }: { uid: string; documentId: string; locale: string }
): Promise<void> {
  const reviews = disclosureService(strapi, 'reviews');
  const steps = [
    ['submit', crew.author],
    ['approve', crew.divisionReviewer],
    ['clear', crew.confidentialityReviewer],
    ['publish', crew.author],
  ] as const;
  for (const [action, member] of steps) {
    if (action === 'clear') await confirmFindings(strapi, member, { uid, documentId, locale });
    await reviews.transition({
      uid,
      documentId,
      locale,
      action,
      user: member.user,
      ability: member.ability,
    });
  }
}

/** Confirms every open pre-screen finding of the draft as harmless (确认无碍), as `member`. */
async function confirmFindings(
  strapi: Core.Strapi,
  member: StaffMember,
  { uid, documentId, locale }: { uid: string; documentId: string; locale: string }
): Promise<void> {
  const prescreen = disclosureService(strapi, 'prescreen');
  const { findings } = await prescreen.forItem(
    uid as Parameters<typeof prescreen.forItem>[0],
    documentId,
    locale
  );
  for (const finding of findings.filter((found) => found.status === 'open')) {
    const row = await prescreen.find(finding.id);
    if (row) await prescreen.confirm(row, member.user, '公开的办公联系方式');
  }
}
