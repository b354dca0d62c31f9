import replyTemplates from './reply-templates';
import requestAttachments from './request-attachments';
import requestHandling from './request-handling';
import requestIntake from './request-intake';
import requestReminders from './request-reminders';
import requestReplies from './request-replies';
import requestViews from './request-views';
import requests from './requests';

export const services = {
  'reply-templates': replyTemplates,
  'request-attachments': requestAttachments,
  'request-handling': requestHandling,
  'request-intake': requestIntake,
  'request-reminders': requestReminders,
  'request-replies': requestReplies,
  'request-views': requestViews,
  requests,
};
