import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { createPublishGate } from './services/publish-gate';

const RBAC_ACTIONS = [
  { uid: 'submit', displayName: 'Submit for review (提交审核)' },
  { uid: 'approve-division', displayName: 'Approve for the division (发布审核)' },
  { uid: 'approve-confidentiality', displayName: 'Clear or withhold (保密审查)' },
  { uid: 'unpublish', displayName: 'Unpublish with a reason (撤稿)' },
  { uid: 'queue.read', displayName: 'Read the review queue (审核任务)' },
  { uid: 'audit.read', displayName: 'Read and verify the audit trail' },
];

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // 1. The plugin's actions in Settings › Roles.
  await strapi.admin.services.permission.actionProvider.registerMany(
    RBAC_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }))
  );
  // 2. The publish gate: no publish path around the review.
  strapi.documents.use(createPublishGate(strapi));
  // The four workflow roles are created by the app once its content locales exist
  // (service('roles').ensureWorkflowRoles()), since role permissions name the locales.
};
