/** The plugin's identifiers, defined once (shared with the admin), and the server's defaults. */
import type { ContentTypeUid } from './config';

export {
  ACTION_DEFINITIONS,
  ACTIONS,
  PLUGIN_ID,
  ROLES,
  UID,
  INQUIRY_CHANNELS,
  type InquiryChannel,
} from '../../../shared/kernel/constants';

/** Where annual reports live: their content type and the catalogue column they are published in. */
export const DEFAULT_ANNUAL_REPORTS: { contentType: ContentTypeUid; columnCode: string } = {
  contentType: 'api::annual-report.annual-report',
  columnCode: 'annual-reports',
};

/** The 政府网站工作年度报表: the host's type and the column it is published in. */
export const DEFAULT_WEBSITE_REPORTS: { contentType: ContentTypeUid; columnCode: string } = {
  contentType: 'api::website-report.website-report',
  columnCode: 'annual-reports',
};

/** The host's content type of divisions (处室) by default: the app's departments. */
export const DEFAULT_DIVISION_CONTENT_TYPE = 'api::department.department';

/** The catalogue metadata component (公开属性) whose `indexNumber` the plugin assigns, by default. */
export const DEFAULT_METADATA_COMPONENT = 'disclosure.metadata';

/** RBAC condition: the item belongs to the user's division (users without one are not limited). */
export const SAME_DIVISION_CONDITION = 'plugin::disclosure.same-division';
