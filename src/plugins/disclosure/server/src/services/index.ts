import audit from './audit';
import indexNumbers from './index-numbers';
import notifications from './notifications';
import reviews from './reviews';
import roles from './roles';
import workflow from './workflow';

export const services = {
  audit,
  'index-numbers': indexNumbers,
  notifications,
  reviews,
  roles,
  workflow,
};
