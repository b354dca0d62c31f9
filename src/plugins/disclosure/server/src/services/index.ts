import annualReports from './annual-reports';
import audit from './audit';
import calendar from './calendar';
import indexNumbers from './index-numbers';
import notifications from './notifications';
import queue from './queue';
import replyTemplates from './reply-templates';
import requestAttachments from './request-attachments';
import requestReminders from './request-reminders';
import requestReplies from './request-replies';
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
  'reply-templates': replyTemplates,
  'request-attachments': requestAttachments,
  'request-reminders': requestReminders,
  'request-replies': requestReplies,
  requests,
  reviews,
  roles,
  staff,
  statistics,
  workflow,
};
