/**
 * The plugin's identifiers, defined once for the server and the admin: the plugin id, its content
 * types, its RBAC actions (registered in bootstrap, required by the routes' policies, named by
 * the admin's menu links) and the workflow roles' codes.
 */

export const PLUGIN_ID = 'disclosure';

export const UID = {
  review: 'plugin::disclosure.review',
  auditEntry: 'plugin::disclosure.audit-entry',
  indexNumber: 'plugin::disclosure.index-number',
  staff: 'plugin::disclosure.staff',
  disclosureRequest: 'plugin::disclosure.disclosure-request',
  calendarOverride: 'plugin::disclosure.calendar-override',
  replyTemplate: 'plugin::disclosure.reply-template',
  requestAttachment: 'plugin::disclosure.request-attachment',
  serviceItem: 'plugin::disclosure.service-item',
  serviceCase: 'plugin::disclosure.service-case',
  proposal: 'plugin::disclosure.proposal',
  inquiry: 'plugin::disclosure.inquiry',
  consultation: 'plugin::disclosure.consultation',
  consultationComment: 'plugin::disclosure.consultation-comment',
  prescreenScan: 'plugin::disclosure.prescreen-scan',
  prescreenFinding: 'plugin::disclosure.prescreen-finding',
  linkCheck: 'plugin::disclosure.link-check',
} as const;

export interface ActionDefinition {
  /** Registered as `plugin::disclosure.<uid>`. */
  uid: string;
  /** Shown in Settings › Roles. */
  displayName: string;
  /** Completes "Your roles do not allow you to …" when a route refuses. */
  allows: string;
}

/** Every RBAC action of the plugin, in the order Settings › Roles lists them. */
export const ACTION_DEFINITIONS = {
  submit: {
    uid: 'submit',
    displayName: 'Submit for review (提交审核)',
    allows: 'submit items for review (提交审核)',
  },
  approveDivision: {
    uid: 'approve-division',
    displayName: 'Approve for the division (发布审核)',
    allows: 'approve items for a division (发布审核)',
  },
  approveConfidentiality: {
    uid: 'approve-confidentiality',
    displayName: 'Clear or withhold (保密审查)',
    allows: 'clear or withhold items (保密审查)',
  },
  unpublish: {
    uid: 'unpublish',
    displayName: 'Unpublish with a reason (撤稿)',
    allows: 'unpublish items (撤稿)',
  },
  readQueue: {
    uid: 'queue.read',
    displayName: 'Read the review queue (审核任务)',
    allows: 'read the review queue (审核任务)',
  },
  readAudit: {
    uid: 'audit.read',
    displayName: 'Read and verify the audit trail',
    allows: 'read the audit trail',
  },
  manageStaff: {
    uid: 'staff.manage',
    displayName: 'Assign staff to divisions (处室人员)',
    allows: 'assign staff to divisions (处室人员)',
  },
  readStatistics: {
    uid: 'statistics.read',
    displayName: 'Read the yearly statistics (统计)',
    allows: 'read the yearly statistics (统计)',
  },
  manageReports: {
    uid: 'annual-report.manage',
    displayName: 'Prepare the annual report (年度报告)',
    allows: 'prepare the annual report (年度报告)',
  },
  handleRequests: {
    uid: 'requests.handle',
    displayName: 'Handle disclosure requests (依申请公开)',
    allows: 'handle disclosure requests (依申请公开)',
  },
  manageServiceItems: {
    uid: 'service-items.manage',
    displayName: 'Edit the service catalogue (政务服务事项)',
    allows: 'edit the service catalogue (政务服务事项)',
  },
  handleServiceCases: {
    uid: 'service-cases.handle',
    displayName: 'Handle service cases (办件)',
    allows: 'handle service cases (办件)',
  },
  handleProposals: {
    uid: 'proposals.handle',
    displayName: "Handle deputies' suggestions and members' proposals (建议提案办理)",
    allows: 'handle suggestions and proposals (建议提案办理)',
  },
  assignProposals: {
    uid: 'proposals.assign',
    displayName: 'Register and assign suggestions and proposals (建议提案交办)',
    allows: 'register and assign suggestions and proposals (建议提案交办)',
  },
  handleInquiries: {
    uid: 'inquiries.handle',
    displayName: 'Answer public inquiries and complaints (留言办理)',
    allows: 'answer public inquiries and complaints (留言办理)',
  },
  assignInquiries: {
    uid: 'inquiries.assign',
    displayName: 'Log, assign and oversee public inquiries (留言登记交办)',
    allows: 'log, assign and oversee public inquiries (留言登记交办)',
  },
  manageConsultations: {
    uid: 'consultations.manage',
    displayName: 'Run public consultations (调查征集)',
    allows: 'run public consultations (调查征集)',
  },
  readMonitor: {
    uid: 'monitor.read',
    displayName: 'Read the timeliness monitor (栏目更新监测)',
    allows: 'read the timeliness monitor (栏目更新监测)',
  },
  managePrescreen: {
    uid: 'prescreen.manage',
    displayName: 'Edit the confidentiality pre-screen word list (保密预审敏感词)',
    allows: 'edit the confidentiality pre-screen word list (保密预审敏感词)',
  },
} as const satisfies Record<string, ActionDefinition>;

type ActionKey = keyof typeof ACTION_DEFINITIONS;

/** The full action names, as policies and permissions use them. */
export const ACTIONS = Object.fromEntries(
  Object.entries(ACTION_DEFINITIONS).map(([key, { uid }]) => [key, `plugin::${PLUGIN_ID}.${uid}`])
) as { [K in ActionKey]: `plugin::disclosure.${(typeof ACTION_DEFINITIONS)[K]['uid']}` };

/** The four workflow roles the plugin creates (codes of admin roles). */
export const ROLES = {
  editor: 'disclosure-editor',
  divisionReviewer: 'disclosure-division-reviewer',
  confidentialityReviewer: 'disclosure-confidentiality-reviewer',
  coordinator: 'disclosure-coordinator',
} as const;

/**
 * The channels public inquiries arrive by (留言办理): 电话 (the phone desk), 民心网 (the province's
 * platform), 政府公开电话 / 12345 transfers (转办), the website's 监督投诉 form, 企业服务热线.
 */
export const INQUIRY_CHANNELS = ['phone', 'minxin', 'hotline', 'website', 'enterprise'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
