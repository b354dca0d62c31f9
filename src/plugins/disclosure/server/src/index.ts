import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import { config } from './config';
import { scopeContentManagerByDocument } from './content-manager-scope';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { closeRateLimitClients } from './middlewares/intake-guard';
import { middlewares } from './middlewares';
import { policies } from './policies';
import { guardPublishedFiles } from './published-files';
import { routes } from './routes';
import { services } from './services';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Files of reviewed material stay as reviewed (decision 0018): before the routes are mounted.
    guardPublishedFiles(strapi);
    // Content Manager routes that take a documentId but check only the action (clone …).
    scopeContentManagerByDocument(strapi);
  },
  bootstrap,
  async destroy() {
    await closeRateLimitClients();
  },
  config,
  contentTypes,
  controllers,
  services,
  routes,
  policies,
  middlewares,
};
