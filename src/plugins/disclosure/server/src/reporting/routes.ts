import { ACTIONS } from '../kernel/constants';
import type { RouteDefinition } from '../kernel/module';
import { allowed } from '../kernel/policies/allowed';

/** Admin routes (mounted under /disclosure): the dashboard's figures, the annual report and the
 * 政府网站工作年度报表. */
export const adminRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: '/statistics',
    handler: 'staff-statistics.find',
    config: allowed(ACTIONS.readStatistics),
  },
  {
    method: 'GET',
    path: '/statistics/records',
    handler: 'staff-statistics.records',
    config: allowed(ACTIONS.readStatistics),
  },
  {
    method: 'GET',
    path: '/annual-reports/:year',
    handler: 'annual-reports.show',
    config: allowed(ACTIONS.readStatistics),
  },
  {
    method: 'PUT',
    path: '/annual-reports/:year',
    handler: 'annual-reports.save',
    config: allowed(ACTIONS.manageReports),
  },
  {
    method: 'POST',
    path: '/annual-reports/:year/submit',
    handler: 'annual-reports.submit',
    config: allowed(ACTIONS.manageReports),
  },
  {
    method: 'POST',
    path: '/annual-reports/:year/overview-draft',
    handler: 'annual-reports.draftOverview',
    config: allowed(ACTIONS.manageReports),
  },
  {
    method: 'POST',
    path: '/annual-reports/:year/problems-draft',
    handler: 'annual-reports.draftProblems',
    config: allowed(ACTIONS.manageReports),
  },
  {
    method: 'GET',
    path: '/annual-reports/:year/export',
    handler: 'annual-reports.export',
    config: allowed(ACTIONS.readStatistics),
  },
  // The 政府网站工作年度报表, beside the annual report and with its permissions.
  {
    method: 'GET',
    path: '/website-reports/:year',
    handler: 'website-reports.show',
    config: allowed(ACTIONS.readStatistics),
  },
  {
    method: 'PUT',
    path: '/website-reports/:year',
    handler: 'website-reports.save',
    config: allowed(ACTIONS.manageReports),
  },
  {
    method: 'POST',
    path: '/website-reports/:year/submit',
    handler: 'website-reports.submit',
    config: allowed(ACTIONS.manageReports),
  },
  {
    method: 'GET',
    path: '/website-reports/:year/export',
    handler: 'website-reports.export',
    config: allowed(ACTIONS.readStatistics),
  },
];

/**
 * Content-API routes (mounted under /api/disclosure) for the website and the coordinator's tools,
 * with an API token; the Public role has no permission on them, so anonymous callers get 403.
 * - GET /statistics: the figures about published items (`plugin::disclosure.statistics.find`;
 *   read-only tokens have it, as Strapi gives them every handler named find/findOne).
 * - GET /statistics/records: the published items behind one of those figures
 *   (`plugin::disclosure.statistics.records`: a custom or full-access token only).
 * The review and request figures and their records are the admin panel's (docs/decisions/0014).
 */
export const contentApiRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/statistics', handler: 'statistics.find', config: {} },
  { method: 'GET', path: '/statistics/records', handler: 'statistics.records', config: {} },
];
