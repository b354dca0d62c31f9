/** The plugin's identifiers, defined once (shared with the admin), and the server's defaults. */
import type { ContentTypeUid } from './config';

export {
  ACTION_DEFINITIONS,
  ACTIONS,
  PLUGIN_ID,
  ROLES,
  UID,
} from '../../../shared/kernel/constants';

/** Content types under review by default: every public catalogue type of the app. */
export const DEFAULT_GATED_CONTENT_TYPES: ContentTypeUid[] = [
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
export const DEFAULT_ANNUAL_REPORTS: { contentType: ContentTypeUid; columnCode: string } = {
  contentType: 'api::annual-report.annual-report',
  columnCode: 'annual-reports',
};

/** The app's divisions (处室): staff and items belong to one, named by its documentId. */
export const DIVISION_CONTENT_TYPE = 'api::department.department';

/** The catalogue metadata component (公开属性) whose `indexNumber` the plugin assigns. */
export const METADATA_COMPONENT = 'disclosure.metadata';

/** RBAC condition: the item belongs to the user's division (users without one are not limited). */
export const SAME_DIVISION_CONDITION = 'plugin::disclosure.same-division';
