import { errors } from '@strapi/utils';

interface PolicyContext {
  state: { userAbility?: { can(action: string): boolean } };
}

const ACTION_LABELS: Record<string, string> = {
  'plugin::disclosure.submit': 'submit items for review (提交审核)',
  'plugin::disclosure.approve-division': 'approve items for a division (发布审核)',
  'plugin::disclosure.approve-confidentiality': 'clear or withhold items (保密审查)',
  'plugin::disclosure.unpublish': 'unpublish items (撤稿)',
  'plugin::disclosure.queue.read': 'read the review queue (审核任务)',
  'plugin::disclosure.audit.read': 'read the audit trail',
  'plugin::disclosure.staff.manage': 'assign staff to divisions (处室人员)',
  'plugin::disclosure.statistics.read': 'read the yearly statistics (统计)',
  'plugin::disclosure.annual-report.manage': 'prepare the annual report (年度报告)',
  'plugin::disclosure.requests.handle': 'handle disclosure requests (依申请公开)',
};

/**
 * Like `admin::hasPermissions` for any of the plugin actions given, but a refusal says which
 * permission is missing instead of "Policy Failed".
 */
export default (ctx: PolicyContext, { actions }: { actions: string[] }) => {
  if (actions.some((action) => ctx.state.userAbility?.can(action))) return true;
  const wanted = actions.map((action) => ACTION_LABELS[action] ?? action).join(' or ');
  throw new errors.PolicyError(
    `Your roles do not allow you to ${wanted}: ask the coordinator for the permission "${actions.join('" or "')}".`
  );
};
