import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/audit/verify — checks the whole chain; 200 either way, `ok` says the verdict. */
  async verify() {
    return { data: await strapi.plugin(PLUGIN_ID).service('audit').verify() };
  },
});
