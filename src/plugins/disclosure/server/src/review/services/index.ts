import indexNumbers from './index-numbers';
import itemDivisions from './item-divisions';
import notifications from './notifications';
import queue from './queue';
import reviewState from './review-state';
import reviews from './reviews';
import workflow from './workflow';

export const services = {
  'index-numbers': indexNumbers,
  'item-divisions': itemDivisions,
  notifications,
  queue,
  'review-state': reviewState,
  reviews,
  workflow,
};
