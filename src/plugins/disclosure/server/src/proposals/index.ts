import type { DisclosureModule } from '../kernel/module';
import { controllers } from './controllers';
import { services } from './services';

/** Deputies' suggestions and members' proposals (建议提案办理). */
export const proposals: DisclosureModule = {
  name: 'proposals',
  services,
  controllers,
};
