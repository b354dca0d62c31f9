import annualReports from './annual-reports';
import statistics from './statistics';
import websiteReports from './website-reports';

export const controllers = {
  'annual-reports': annualReports,
  'website-reports': websiteReports,
  // The content API (API tokens): the public figures (statistics.find, which read-only tokens
  // get) and their records (statistics.records: not a find handler, so read-only tokens do not).
  statistics: (deps: Parameters<typeof statistics>[0]) => statistics(deps, 'public'),
  // The admin dashboard: every figure and its records.
  'staff-statistics': (deps: Parameters<typeof statistics>[0]) => statistics(deps, 'staff'),
};
