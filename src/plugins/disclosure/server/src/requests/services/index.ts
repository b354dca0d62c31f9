import replyTemplates from './reply-templates';
import requestAttachments from './request-attachments';
import requestReminders from './request-reminders';
import requestReplies from './request-replies';
import requests from './requests';

export const services = {
  'reply-templates': replyTemplates,
  'request-attachments': requestAttachments,
  'request-reminders': requestReminders,
  'request-replies': requestReplies,
  requests,
};
