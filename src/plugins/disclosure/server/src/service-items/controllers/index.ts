import serviceCases from './service-cases';
import serviceGuide from './service-guide';
import serviceItems from './service-items';

export const controllers = {
  'service-items': serviceItems,
  'service-cases': serviceCases,
  'service-guide': serviceGuide,
};
