import type { DisclosureModule } from '../kernel/module';
import { controllers } from './controllers';
import { services } from './services';

/** Government service items (政务服务事项) and their cases (办件). */
export const serviceItems: DisclosureModule = {
  name: 'service-items',
  services,
  controllers,
};
