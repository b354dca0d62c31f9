import audit from './audit';
import reviews from './reviews';
import workflow from './workflow';

export const controllers = { audit, reviews, workflow };
