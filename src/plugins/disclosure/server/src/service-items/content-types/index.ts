import serviceCase from './service-case/schema.json';
import serviceItemReview from './service-item-review/schema.json';
import serviceItem from './service-item/schema.json';

export const contentTypes = {
  'service-item': { schema: serviceItem },
  'service-item-review': { schema: serviceItemReview },
  'service-case': { schema: serviceCase },
};
