import audit from './audit';
import reviews from './reviews';
import staff from './staff';
import workflow from './workflow';

export const controllers = { audit, reviews, staff, workflow };
