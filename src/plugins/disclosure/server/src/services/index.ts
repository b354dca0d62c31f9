import annualReports from './annual-reports';
import audit from './audit';
import calendar from './calendar';
import indexNumbers from './index-numbers';
import notifications from './notifications';
import queue from './queue';
import requestReminders from './request-reminders';
import requests from './requests';
import reviews from './reviews';
import roles from './roles';
import staff from './staff';
import statistics from './statistics';
import workflow from './workflow';

export const services = {
  'annual-reports': annualReports,
  audit,
  calendar,
  'index-numbers': indexNumbers,
  notifications,
  queue,
  'request-reminders': requestReminders,
  requests,
  reviews,
  roles,
  staff,
  statistics,
  workflow,
};
