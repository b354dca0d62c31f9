import annualReports from './annual-reports';
import audit from './audit';
import requests from './requests';
import reviews from './reviews';
import staff from './staff';
import statistics from './statistics';
import workflow from './workflow';

export const controllers = {
  'annual-reports': annualReports,
  audit,
  requests,
  reviews,
  staff,
  statistics,
  // The content API's read-only tokens allow handlers named find/findOne only.
  'figure-records': (deps: Parameters<typeof statistics>[0]) => ({
    find: statistics(deps).records,
  }),
  workflow,
};
