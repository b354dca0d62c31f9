import prescreenFinding from './prescreen-finding/schema.json';
import prescreenScan from './prescreen-scan/schema.json';

export const contentTypes = {
  'prescreen-scan': { schema: prescreenScan },
  'prescreen-finding': { schema: prescreenFinding },
};
