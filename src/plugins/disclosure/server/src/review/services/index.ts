import indexNumbers from './index-numbers';
import notifications from './notifications';
import queue from './queue';
import reviews from './reviews';
import workflow from './workflow';

export const services = { 'index-numbers': indexNumbers, notifications, queue, reviews, workflow };
