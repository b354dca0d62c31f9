import bootstrap from './bootstrap';
import { config } from './config';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { closeRateLimitClients } from './middlewares/intake-guard';
import { middlewares } from './middlewares';
import { policies } from './policies';
import { routes } from './routes';
import { services } from './services';

export default {
  register() {},
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
