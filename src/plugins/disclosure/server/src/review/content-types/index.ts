import indexNumber from './index-number/schema.json';
import review from './review/schema.json';

export const contentTypes = {
  review: { schema: review },
  'index-number': { schema: indexNumber },
};
