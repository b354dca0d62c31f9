import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN_ID, ROLES, SAME_DIVISION_CONDITION } from '../constants';
import type { DisclosureConfig } from '../config';

const CM = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
};

const UPLOAD_READ = [
  'plugin::upload.read',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];
const UPLOAD_WRITE = [
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.configure-view',
];

/** The four roles of domain.md §1, with the Content Manager rights each needs. */
export const WORKFLOW_ROLES = [
  {
    code: ROLES.editor,
    name: '编辑',
    divisionScoped: true,
    description: '起草本处室的信息，提交审核。',
    content: {
      gated: [CM.read, CM.create, CM.update, CM.delete, CM.publish],
      catalogue: [CM.read],
    },
    plugin: [
      ACTIONS.submit,
      ACTIONS.readQueue,
      // Division staff draft their division's service items and handle its cases and proposals.
      ACTIONS.manageServiceItems,
      ACTIONS.handleServiceCases,
      ACTIONS.handleProposals,
      // … answers the public inquiries assigned to it and runs its consultations.
      ACTIONS.handleInquiries,
      ACTIONS.manageConsultations,
      ...UPLOAD_READ,
      ...UPLOAD_WRITE,
    ],
  },
  {
    code: ROLES.divisionReviewer,
    name: '处室审核人',
    divisionScoped: true,
    description: '审核本处室的信息：审核通过或退回修改（发布审核）。',
    content: { gated: [CM.read], catalogue: [CM.read] },
    plugin: [
      ACTIONS.approveDivision,
      ACTIONS.readQueue,
      ACTIONS.readAudit,
      ACTIONS.handleServiceCases,
      ACTIONS.handleProposals,
      ACTIONS.handleInquiries,
      ...UPLOAD_READ,
    ],
  },
  {
    code: ROLES.confidentialityReviewer,
    name: '保密审查员',
    divisionScoped: false,
    description: '任何信息发布前进行保密审查：通过、不予公开或退回修改（保密审查）。',
    content: { gated: [CM.read], catalogue: [CM.read] },
    plugin: [ACTIONS.approveConfidentiality, ACTIONS.readQueue, ACTIONS.readAudit, ...UPLOAD_READ],
  },
  {
    code: ROLES.coordinator,
    name: '政务公开协调员',
    divisionScoped: false,
    description:
      '查看全部信息，管理公开目录，说明理由后撤稿，查阅审计记录，统计数据并编制年度报告。',
    content: {
      gated: [CM.read, CM.create, CM.update, CM.delete, CM.publish],
      catalogue: [CM.read, CM.create, CM.update, CM.delete, CM.publish],
    },
    plugin: [
      // The coordinator writes and submits the annual report.
      ACTIONS.submit,
      ACTIONS.unpublish,
      ACTIONS.readQueue,
      ACTIONS.readAudit,
      ACTIONS.manageStaff,
      ACTIONS.readStatistics,
      ACTIONS.manageReports,
      ACTIONS.handleRequests,
      // The coordinator sees every division's cases and assigns suggestions and proposals.
      ACTIONS.manageServiceItems,
      ACTIONS.handleServiceCases,
      ACTIONS.handleProposals,
      ACTIONS.assignProposals,
      // … logs the phone desk's calls, assigns every channel's inquiries, runs consultations.
      ACTIONS.handleInquiries,
      ACTIONS.assignInquiries,
      ACTIONS.manageConsultations,
      // … watches the columns' timeliness (栏目更新监测).
      ACTIONS.readMonitor,
      // … keeps the pre-screen's sensitive words.
      ACTIONS.managePrescreen,
      ...UPLOAD_READ,
      ...UPLOAD_WRITE,
    ],
  },
] as const;

interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
}

/**
 * Plugin actions added after the first release of the roles: a database whose roles were created
 * before them gets each once (then the coordinator's edits rule, as for the rest).
 */
const LATER_ACTIONS: readonly string[] = [
  ACTIONS.manageServiceItems,
  ACTIONS.handleServiceCases,
  ACTIONS.handleProposals,
  ACTIONS.assignProposals,
  ACTIONS.handleInquiries,
  ACTIONS.assignInquiries,
  ACTIONS.manageConsultations,
  ACTIONS.readMonitor,
  ACTIONS.managePrescreen,
];

/** The content types whose Content Manager rights the workflow roles are given: the app's. */
const appContentTypes = (strapi: Core.Strapi): string[] =>
  Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));

/**
 * The Content Manager permissions each workflow role gets on `subjects`: the gated types' rights
 * (scoped to the division where the type has one) or the catalogue's, in every content locale.
 */
async function contentPermissions(
  strapi: Core.Strapi,
  subjects: readonly string[]
): Promise<Map<string, Permission[]>> {
  const gated: readonly string[] = (strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig)
    .contentTypes;
  const locales = (
    (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>
  ).map((locale) => locale.code);
  const actions = (
    strapi.service('admin::permission').actionProvider.values() as Array<{
      actionId: string;
      section: string;
    }>
  ).filter(
    (action) => action.section === 'contentTypes' && Object.values(CM).includes(action.actionId)
  );
  const withFields = (
    strapi.service('admin::content-type').getPermissionsWithNestedFields(actions) as Permission[]
  ).filter((permission) => permission.subject && subjects.includes(permission.subject));

  const byRole = new Map<string, Permission[]>();
  for (const definition of WORKFLOW_ROLES) {
    const allowed = (subject: string, action: string) =>
      gated.includes(subject)
        ? (definition.content.gated as readonly string[]).includes(action)
        : (definition.content.catalogue as readonly string[]).includes(action);
    byRole.set(
      definition.code,
      withFields
        .filter((permission) => allowed(permission.subject!, permission.action))
        .map((permission) => ({
          ...permission,
          // Items of a type with divisions are seen and changed by their own division only.
          conditions:
            definition.divisionScoped &&
            gated.includes(permission.subject!) &&
            hasDivision(strapi, permission.subject!)
              ? [SAME_DIVISION_CONDITION]
              : [],
          properties: {
            ...permission.properties,
            ...(isLocalized(strapi, permission.subject!) ? { locales } : {}),
          },
        }))
    );
  }
  return byRole;
}

/**
 * Creates the workflow roles once on a new database, so a coordinator's later edits in
 * Settings › Roles survive restarts; a later version's new actions and content types are
 * granted once each on a database created before them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureWorkflowRoles(): Promise<void> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    if (await store.get({ key: 'roles-seeded' })) {
      await grantLaterActions(strapi, store);
      await grantLaterContentTypes(strapi, store);
      return;
    }

    const types = appContentTypes(strapi);
    const content = await contentPermissions(strapi, types);
    for (const definition of WORKFLOW_ROLES) {
      const roleService = strapi.service('admin::role');
      const existing = await strapi.db
        .query('admin::role')
        .findOne({ where: { code: definition.code } });
      const role =
        existing ??
        (await roleService.create({
          name: definition.name,
          code: definition.code,
          description: definition.description,
        }));
      const plugin = definition.plugin.map((action) => ({ action, subject: null, properties: {} }));
      await roleService.addPermissions(role.id, [
        ...(content.get(definition.code) ?? []),
        ...plugin,
      ]);
    }
    await store.set({ key: 'roles-seeded', value: { at: new Date().toISOString() } });
    await store.set({ key: 'roles-later-actions', value: LATER_ACTIONS });
    await store.set({ key: 'roles-content-types', value: types });
  },
});

type PluginStore = ReturnType<Core.Strapi['store']>;

/** Grants the workflow roles the later actions they were not yet offered, once each. */
async function grantLaterActions(strapi: Core.Strapi, store: PluginStore): Promise<void> {
  const offered = ((await store.get({ key: 'roles-later-actions' })) as string[] | null) ?? [];
  const missing = LATER_ACTIONS.filter((action) => !offered.includes(action));
  if (missing.length === 0) return;
  for (const definition of WORKFLOW_ROLES) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: definition.code } });
    const actions = (definition.plugin as readonly string[]).filter((action) =>
      missing.includes(action)
    );
    if (!role || actions.length === 0) continue;
    await strapi.service('admin::role').addPermissions(
      role.id,
      actions.map((action) => ({ action, subject: null, properties: {} }))
    );
  }
  await store.set({ key: 'roles-later-actions', value: [...offered, ...missing] });
}

/**
 * Grants the workflow roles their Content Manager rights on app content types they were never
 * offered (a type added by a later version, such as the website's yearly report), once each.
 * A database from before this bookkeeping counts a type as offered when any workflow role holds
 * a permission on it, so rights a coordinator took away from some roles stay away.
 */
async function grantLaterContentTypes(strapi: Core.Strapi, store: PluginStore): Promise<void> {
  const recorded = (await store.get({ key: 'roles-content-types' })) as string[] | null;
  const offered = recorded ?? (await typesWithWorkflowPermissions(strapi));
  const types = appContentTypes(strapi);
  const missing = types.filter((uid) => !offered.includes(uid));
  if (missing.length > 0) {
    const content = await contentPermissions(strapi, missing);
    for (const definition of WORKFLOW_ROLES) {
      const role = await strapi.db
        .query('admin::role')
        .findOne({ where: { code: definition.code } });
      const permissions = content.get(definition.code) ?? [];
      if (!role || permissions.length === 0) continue;
      await strapi.service('admin::role').addPermissions(role.id, permissions);
    }
  }
  if (missing.length > 0 || recorded === null) {
    await store.set({ key: 'roles-content-types', value: [...new Set([...offered, ...types])] });
  }
}

/** The content types on which some workflow role holds a permission. */
async function typesWithWorkflowPermissions(strapi: Core.Strapi): Promise<string[]> {
  const roles = (await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: WORKFLOW_ROLES.map((role) => role.code) } } })) as Array<{
    id: number;
  }>;
  if (roles.length === 0) return [];
  const permissions = (await strapi.db.query('admin::permission').findMany({
    where: { role: { id: { $in: roles.map((role) => role.id) } }, subject: { $notNull: true } },
    select: ['subject'],
  })) as Array<{ subject: string }>;
  return [...new Set(permissions.map((permission) => permission.subject))];
}

const isLocalized = (strapi: Core.Strapi, uid: string): boolean =>
  Boolean(
    (
      strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.pluginOptions as
        { i18n?: { localized?: boolean } } | undefined
    )?.i18n?.localized
  );

const hasDivision = (strapi: Core.Strapi, uid: string): boolean =>
  'department' in (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {});
