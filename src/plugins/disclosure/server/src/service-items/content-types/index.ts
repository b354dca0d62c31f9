import serviceCase from './service-case/schema.json';
import serviceItem from './service-item/schema.json';

export const contentTypes = {
  'service-item': { schema: serviceItem },
  'service-case': { schema: serviceCase },
};
