import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/audit/verify — checks the whole chain; 200 either way, `ok` says the verdict. */
  async verify() {
    return { data: await getService(strapi, 'audit').verify() };
  },
});
