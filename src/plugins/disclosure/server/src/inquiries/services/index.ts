import inquiries from './inquiries';
import inquiryIntake from './inquiry-intake';
import inquiryReminders from './inquiry-reminders';
import inquirySteps from './inquiry-steps';
import inquiryViews from './inquiry-views';

export const services = {
  inquiries,
  'inquiry-intake': inquiryIntake,
  'inquiry-reminders': inquiryReminders,
  'inquiry-steps': inquirySteps,
  'inquiry-views': inquiryViews,
};
