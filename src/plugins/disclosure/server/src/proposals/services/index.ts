import proposalReminders from './proposal-reminders';
import proposalSteps from './proposal-steps';
import proposalTemplates from './proposal-templates';
import proposalViews from './proposal-views';
import proposals from './proposals';

export const services = {
  'proposal-reminders': proposalReminders,
  'proposal-steps': proposalSteps,
  'proposal-templates': proposalTemplates,
  'proposal-views': proposalViews,
  proposals,
};
