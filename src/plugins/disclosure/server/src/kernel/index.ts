import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS, PLUGIN_ID, UID } from './constants';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import {
  closeRateLimitClients,
  guardsBeforeBody,
  INTAKE_GUARD,
  prepareIntakeLimiter,
} from './middlewares/intake-guard';
import intakeGuard from './middlewares/intake-guard';
import personalDataKey from './middlewares/personal-data-key';
import type { DisclosureModule } from './module';
import hasPermission from './policies/has-permission';
import { adminRoutes } from './routes';
import { services } from './services';
import { getService } from '../get-service';

/**
 * What every module shares: the audit chain, divisions and staff, the RBAC actions and the
 * workflow roles, the working-day calendar, the intake guard.
 */
export const kernel: DisclosureModule = {
  name: 'kernel',
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes },
  policies: { 'has-permission': hasPermission },
  middlewares: { 'intake-guard': intakeGuard, 'personal-data-key': personalDataKey },
  staffReferences: [
    {
      kind: 'column',
      uid: UID.staff,
      id: 'adminUserId',
      email: 'email',
      label: '处室人员 (division)',
    },
    {
      kind: 'column',
      uid: UID.auditEntry,
      id: 'actorId',
      email: 'actorEmail',
      label: '审计日志 (audit trail)',
      immutable: true,
    },
  ],
  async bootstrap(strapi) {
    // The personal-data key against the one the stored data was encrypted with (logged when not).
    await getService(strapi, 'personal-data').check();
    // The plugin's actions in Settings › Roles.
    await strapi.admin.services.permission.actionProvider.registerMany(
      Object.values(ACTION_DEFINITIONS).map(({ uid, displayName }) => ({
        uid,
        displayName,
        section: 'plugins',
        pluginName: PLUGIN_ID,
      }))
    );
    // The plugin's own records (reviews, audit trail, requests …) are read through its pages,
    // never through the Content Manager — not even by a super admin.
    keepInternalTypesOutOfContentManager(strapi);
    // The request intake's rate limiter (in Redis when REDIS_URL is set), and its place before
    // the body parser.
    await prepareIntakeLimiter(strapi);
    if (!guardsBeforeBody(strapi.config.get('middlewares', []))) {
      strapi.log.warn(
        `[disclosure] list '${INTAKE_GUARD}' before 'strapi::body' in config/middlewares: ` +
          'until then request uploads are read before the rate limit and size check'
      );
    }
    // Staff by stable identity: e-mails beside stored admin-user ids on every write, filled once
    // into older rows, and ids pointed back at their people after an import (docs/decisions/0039).
    await prepareStaffIdentity(strapi);
    // The four workflow roles are created by the app once its content locales exist
    // (getService(strapi, 'roles').ensureWorkflowRoles()), since role permissions name the locales.
  },
  async destroy() {
    await closeRateLimitClients();
  },
};

async function prepareStaffIdentity(strapi: Core.Strapi): Promise<void> {
  const identity = getService(strapi, 'staffIdentity');
  const uids = [...new Set(identity.references().map((ref) => ref.uid))];
  const fill = async (event: { model: { uid: string }; params: { data?: unknown } }) => {
    const data = event.params.data;
    for (const row of Array.isArray(data) ? data : [data]) {
      if (row && typeof row === 'object') {
        await identity.fillEmails(event.model.uid, row as Record<string, unknown>);
      }
    }
  };
  strapi.db.lifecycles.subscribe({
    models: uids,
    beforeCreate: fill,
    beforeCreateMany: fill,
    beforeUpdate: fill,
    beforeUpdateMany: fill,
  });
  const filled = await identity.backfill();
  if (filled) strapi.log.info(`[disclosure] staff e-mails filled in beside ${filled} stored ids`);
  await identity.reconcileAtStart();
}

const INTERNAL_TYPES: readonly string[] = Object.values(UID);

/**
 * Drops every Content Manager permission on the plugin's types when an ability is built. Their
 * schemas already hide them (`content-manager.visible: false`), but the Content Manager still
 * grants `explorer.read` on hidden types, so a super admin could list the requests, private
 * fields included, at /content-manager/collection-types/<uid>; without the permission its
 * routes answer 403. An admin token's ability is built by the same engine.
 */
function keepInternalTypesOutOfContentManager(strapi: Core.Strapi): void {
  const engine = strapi.service('admin::permission').engine as {
    hooks: Record<
      string,
      {
        register(
          handler: (context: { permission: { action: string; subject?: unknown } }) => unknown
        ): void;
      }
    >;
  };
  engine.hooks['before-format::validate.permission'].register(({ permission }) =>
    permission.action.startsWith('plugin::content-manager.') &&
    typeof permission.subject === 'string' &&
    INTERNAL_TYPES.includes(permission.subject)
      ? false
      : undefined
  );
}
