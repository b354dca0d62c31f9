/** The plugin's identifiers, defined once. */

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
} as const;

/** RBAC actions, registered in bootstrap as `plugin::disclosure.<uid>`. */
export const ACTIONS = {
  submit: 'plugin::disclosure.submit',
  approveDivision: 'plugin::disclosure.approve-division',
  approveConfidentiality: 'plugin::disclosure.approve-confidentiality',
  unpublish: 'plugin::disclosure.unpublish',
  readQueue: 'plugin::disclosure.queue.read',
  readAudit: 'plugin::disclosure.audit.read',
  manageStaff: 'plugin::disclosure.staff.manage',
  readStatistics: 'plugin::disclosure.statistics.read',
  manageReports: 'plugin::disclosure.annual-report.manage',
  handleRequests: 'plugin::disclosure.requests.handle',
} as const;

/** Content types under review by default: every public catalogue type of the app. */
export const DEFAULT_GATED_CONTENT_TYPES = [
  'api::article.article',
  'api::policy-document.policy-document',
  'api::policy-interpretation.policy-interpretation',
  'api::meeting.meeting',
  'api::leader.leader',
  'api::organisation-profile.organisation-profile',
  'api::disclosure-guide.disclosure-guide',
  'api::annual-report.annual-report',
];

/** Where annual reports live: their content type and the catalogue column they are published in. */
export const DEFAULT_ANNUAL_REPORTS = {
  contentType: 'api::annual-report.annual-report',
  columnCode: 'annual-reports',
};

/** The catalogue metadata component (公开属性) whose `indexNumber` the plugin assigns. */
export const METADATA_COMPONENT = 'disclosure.metadata';

/** RBAC condition: the item belongs to the user's division (users without one are not limited). */
export const SAME_DIVISION_CONDITION = 'plugin::disclosure.same-division';
