/**
 * The plugin's public server entry for the host app: the typed service accessor, the plugin's
 * content types and workflow roles, the statistics provider SDK, the working-day calendar and the
 * date helpers. Everything else under server/src is private to the plugin.
 */
export {
  ACTIONS as DISCLOSURE_ACTIONS,
  ROLES as DISCLOSURE_ROLES,
  UID as DISCLOSURE_UID,
} from './kernel/constants';
export { getService as disclosureService, type Services } from './get-service';
export * from './reporting/sdk';
export {
  WorkingDayCalendar,
  isDate,
  nextDate,
  type CalendarOverride,
} from './kernel/domain/calendar';
export {
  beijingDate,
  beijingMidnight,
  beijingMonthStarts,
  beijingYear,
  beijingYearRange,
} from '../../shared/kernel/dates';
export type { Ability, AdminUser } from './kernel/services/actor';
export type { ProactiveConverter } from './requests/services/request-replies';
export type { ReplyArticleConverter } from './proposals/services/proposal-steps';
export type { Intake, StaffChannel } from './requests/domain/intake';
