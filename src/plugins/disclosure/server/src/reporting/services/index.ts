import annualReports from './annual-reports';
import statistics from './statistics';

export const services = { 'annual-reports': annualReports, statistics };
