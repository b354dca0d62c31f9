import linkCheck from './link-check';
import monitor from './monitor';
import monitorDigest from './monitor-digest';

export const services = {
  monitor,
  'monitor-digest': monitorDigest,
  'link-check': linkCheck,
};
