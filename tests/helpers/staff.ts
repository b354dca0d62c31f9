import type { Server } from 'http';
import type { Core } from '@strapi/strapi';
import { staffLogin, type StaffLogin } from './admin-login';
import { createPublished } from './content';

export { staffLogin, type StaffLogin };

/** Two published divisions for the review tests: 办公室 (BGS) and 投资处 (TZJS); their documentIds. */
export async function createDivisions(
  strapi: Core.Strapi
): Promise<{ office: string; other: string }> {
  const office = await createPublished(strapi, 'api::department.department', {
    name: '办公室',
    code: 'BGS',
  });
  const other = await createPublished(strapi, 'api::department.department', {
    name: '投资处',
    code: 'TZJS',
  });
  return { office, other };
}

/** The review's cast across two divisions (A = 办公室, B = 投资处) and the roles without one. */
const CAST = {
  editorA: { email: 'editor@bgs.test', role: 'disclosure-editor', division: 'office' },
  headA: { email: 'head@bgs.test', role: 'disclosure-division-reviewer', division: 'office' },
  editorB: { email: 'editor@tzjs.test', role: 'disclosure-editor', division: 'other' },
  headB: { email: 'head@tzjs.test', role: 'disclosure-division-reviewer', division: 'other' },
  secrecy: { email: 'secrecy@test', role: 'disclosure-confidentiality-reviewer' },
  coordinator: { email: 'coordinator@test', role: 'disclosure-coordinator' },
  superAdmin: { email: 'super@test', role: 'strapi-super-admin' },
} as const satisfies Record<string, { email: string; role: string; division?: 'office' | 'other' }>;

export type CastMember = keyof typeof CAST;

/** Logs in the named members of the cast, each in their division; returns them by name. */
export async function loginCast(
  strapi: Core.Strapi,
  http: Server,
  divisions: { office: string; other: string },
  members: CastMember[]
): Promise<Record<string, StaffLogin>> {
  const logins: Record<string, StaffLogin> = {};
  for (const name of members) {
    const { email, role, ...rest } = CAST[name] as {
      email: string;
      role: string;
      division?: 'office' | 'other';
    };
    logins[name] = await staffLogin(strapi, http, {
      email,
      role,
      division: rest.division && divisions[rest.division],
    });
  }
  return logins;
}
