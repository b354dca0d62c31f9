import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/workflow: states, transitions and withhold reasons. */
  describe() {
    return { data: getService(strapi, 'workflow').describe() };
  },
});
