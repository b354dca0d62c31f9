import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /disclosure/workflow: states, transitions and withhold reasons. */
  describe() {
    return { data: strapi.plugin(PLUGIN_ID).service('workflow').describe() };
  },
});
