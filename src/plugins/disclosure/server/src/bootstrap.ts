import type { Core } from '@strapi/strapi';
import type { DisclosureConfig } from './config';
import { METADATA_COMPONENT, PLUGIN_ID, UID } from './constants';
import { parseKey } from './domain/requests/personal-data';
import { guardsBeforeBody, INTAKE_GUARD, prepareIntakeLimiter } from './middlewares/intake-guard';
import { createPublishGate } from './services/publish-gate';
import { requestsProvider } from './statistics/providers/requests';
import { reviewsProvider } from './statistics/providers/reviews';

const RBAC_ACTIONS = [
  { uid: 'submit', displayName: 'Submit for review (提交审核)' },
  { uid: 'approve-division', displayName: 'Approve for the division (发布审核)' },
  { uid: 'approve-confidentiality', displayName: 'Clear or withhold (保密审查)' },
  { uid: 'unpublish', displayName: 'Unpublish with a reason (撤稿)' },
  { uid: 'queue.read', displayName: 'Read the review queue (审核任务)' },
  { uid: 'audit.read', displayName: 'Read and verify the audit trail' },
  { uid: 'staff.manage', displayName: 'Assign staff to divisions (处室人员)' },
  { uid: 'statistics.read', displayName: 'Read the yearly statistics (统计)' },
  { uid: 'annual-report.manage', displayName: 'Prepare the annual report (年度报告)' },
  { uid: 'requests.handle', displayName: 'Handle disclosure requests (依申请公开)' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. The plugin's actions in Settings › Roles.
  await strapi.admin.services.permission.actionProvider.registerMany(
    RBAC_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }))
  );
  // 2. Editors and division reviewers see their own division's items in the Content Manager.
  await strapi.admin.services.permission.conditionProvider.register({
    displayName: 'Same division (本处室)',
    name: 'same-division',
    plugin: PLUGIN_ID,
    async handler(user: { id: number; permission?: { subject?: string | null } }) {
      const reviews = strapi.plugin(PLUGIN_ID).service('reviews');
      const division: string | null = await reviews.divisionOf(user.id);
      if (!division) return true;
      // The division belongs to the document: a language version that carries none of its own
      // (a division exists in Chinese only) is the division's through its document.
      const subject = user.permission?.subject;
      const versions: string[] = subject
        ? await reviews.documentsOfDivisionWithoutOwn(subject, division)
        : [];
      return {
        $or: [{ 'department.documentId': division }, { documentId: { $in: versions } }],
      };
    },
  });
  // Review rows of language versions recorded before divisions belonged to the document.
  await strapi.plugin(PLUGIN_ID).service('reviews').assignDocumentDivisions();
  // 3. The publish gate: no publish path around the review.
  strapi.documents.use(createPublishGate(strapi));
  // 4. The plugin's own statistics (review figures); the app and later modules add theirs.
  strapi.plugin(PLUGIN_ID).service('statistics').register(reviewsProvider(strapi));
  strapi.plugin(PLUGIN_ID).service('statistics').register(requestsProvider());
  // 5. An annual report whose 勾稽 checks fail cannot be submitted or published.
  const { annualReports } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  strapi
    .plugin(PLUGIN_ID)
    .service('reviews')
    .guardSubmission(
      annualReports.contentType,
      (draft: Record<string, unknown> & { documentId: string }) =>
        strapi.plugin(PLUGIN_ID).service('annual-reports').refusalFor(draft)
    );
  // 6. Disclosure requests need the key that encrypts applicants' personal data; query codes of
  // earlier versions (unsalted SHA-256) are rekeyed under it.
  if (!parseKey((strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig).personalDataKey)) {
    strapi.log.warn(
      '[disclosure] DISCLOSURE_PERSONAL_DATA_KEY is not set: disclosure requests are refused until it is'
    );
  } else {
    const rekeyed: number = await strapi
      .plugin(PLUGIN_ID)
      .service('requests')
      .rekeyLegacyQueryCodes();
    if (rekeyed) strapi.log.info(`[disclosure] rekeyed ${rekeyed} query code hash(es) (HMAC)`);
  }
  // 7. The request intake's rate limiter (in Redis when REDIS_URL is set), and its place before
  // the body parser.
  await prepareIntakeLimiter(strapi);
  if (!guardsBeforeBody(strapi.config.get('middlewares', []))) {
    strapi.log.warn(
      `[disclosure] list '${INTAKE_GUARD}' before 'strapi::body' in config/middlewares: ` +
        'until then request uploads are read before the rate limit and size check'
    );
  }
  // 8. Every morning: reminders of requests due soon or overdue, lapsed corrections and fees.
  strapi.cron.add({
    disclosureRequestReminders: {
      task: () => strapi.plugin(PLUGIN_ID).service('request-reminders').run(),
      options: { rule: '0 30 8 * * *', tz: 'Asia/Shanghai' },
    },
  });
  // 9. 索引号 is shown but not editable in the Content Manager: the gate assigns it.
  await makeIndexNumberReadOnly(strapi);
  // 10. The plugin's own records (reviews, audit trail, requests …) are read through its pages,
  // never through the Content Manager — not even by a super admin.
  keepInternalTypesOutOfContentManager(strapi);
  // The four workflow roles are created by the app once its content locales exist
  // (service('roles').ensureWorkflowRoles()), since role permissions name the locales.
};

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

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

async function makeIndexNumberReadOnly(strapi: Core.Strapi): Promise<void> {
  const components = strapi.plugin('content-manager').service('components');
  const component = components.findComponent(METADATA_COMPONENT);
  if (!component) return;
  const {
    uid: _uid,
    category: _category,
    ...configuration
  } = await components.findConfiguration(component);
  const metadatas = configuration.metadatas as Record<string, FieldMetadata> | undefined;
  const field = metadatas?.indexNumber;
  if (!field || field.edit.editable === false) return;
  await components.updateConfiguration(component, {
    ...configuration,
    metadatas: {
      ...metadatas,
      indexNumber: {
        ...field,
        edit: {
          ...field.edit,
          editable: false,
          description: '首次发布时由系统自动生成 / assigned at first publication',
        },
      },
    },
  });
}
