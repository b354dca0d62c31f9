import { errors } from '@strapi/utils';
import { ACTION_DEFINITIONS, PLUGIN_ID } from '../constants';

interface PolicyContext {
  state: { userAbility?: { can(action: string): boolean } };
}

const ALLOWS: Record<string, string> = Object.fromEntries(
  Object.values(ACTION_DEFINITIONS).map(({ uid, allows }) => [
    `plugin::${PLUGIN_ID}.${uid}`,
    allows,
  ])
);

/**
 * Like `admin::hasPermissions` for any of the plugin actions given, but a refusal says which
 * permission is missing instead of "Policy Failed".
 */
export default (ctx: PolicyContext, { actions }: { actions: string[] }) => {
  if (actions.some((action) => ctx.state.userAbility?.can(action))) return true;
  const wanted = actions.map((action) => ALLOWS[action] ?? action).join(' or ');
  throw new errors.PolicyError(
    `Your roles do not allow you to ${wanted}: ask the coordinator for the permission "${actions.join('" or "')}".`
  );
};
