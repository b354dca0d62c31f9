import annualReports from './annual-reports';
import statistics from './statistics';
import websiteReports from './website-reports';

export const services = {
  'annual-reports': annualReports,
  statistics,
  'website-reports': websiteReports,
};
