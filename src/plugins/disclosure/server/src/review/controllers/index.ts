import reviews from './reviews';
import workflow from './workflow';

export const controllers = { reviews, workflow };
