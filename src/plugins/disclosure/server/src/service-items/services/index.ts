import serviceCaseReminders from './service-case-reminders';
import serviceCases from './service-cases';
import serviceItems from './service-items';

export const services = {
  'service-items': serviceItems,
  'service-cases': serviceCases,
  'service-case-reminders': serviceCaseReminders,
};
