import serviceCaseReminders from './service-case-reminders';
import serviceCases from './service-cases';
import serviceGuide from './service-guide';
import serviceItemReviews from './service-item-reviews';
import serviceItems from './service-items';

export const services = {
  'service-items': serviceItems,
  'service-item-reviews': serviceItemReviews,
  'service-guide': serviceGuide,
  'service-cases': serviceCases,
  'service-case-reminders': serviceCaseReminders,
};
