import type { Core } from '@strapi/strapi';

/** Who is acting, as written into the audit trail. */
export interface Actor {
  id: number | null;
  name: string;
  /** The admin user's e-mail (their identity across a transfer of the data); absent otherwise. */
  email?: string | null;
  roles: string[];
}

/** The signed-in admin user as Strapi puts it on the request. */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string;
  roles?: Array<{ code?: string; name?: string }>;
}

/** What RBAC says the acting admin may do: `ability.can(action, subject?)`. */
export interface Ability {
  can(action: string, subject?: string): boolean;
}

export const actorFromUser = (user: AdminUser): Actor => ({
  id: Number(user.id),
  email: user.email ? user.email.toLowerCase() : null,
  name:
    [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `user ${user.id}`,
  roles: (user.roles ?? []).map((role) => role.code ?? role.name ?? '').filter(Boolean),
});

/**
 * The actor of the current request: an admin user, an API token, or — with no request, as in
 * start-up seeding or a script — the system itself. Never treated as permission: the gate checks
 * the item's review state whoever acts.
 */
export function currentActor(strapi: Core.Strapi): Actor {
  const state = strapi.requestContext.get()?.state as
    | {
        user?: AdminUser;
        auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
      }
    | undefined;
  if (state?.user && state.auth?.strategy?.name === 'admin') return actorFromUser(state.user);
  if (state?.auth?.credentials && state.auth.strategy?.name?.includes('token')) {
    return {
      id: null,
      name: `API token ${state.auth.credentials.name ?? state.auth.credentials.id}`,
      roles: [],
    };
  }
  return { id: null, name: 'system', roles: [] };
}
