import links from './links';
import monitor from './monitor';

export const controllers = { monitor, 'monitor-links': links };
