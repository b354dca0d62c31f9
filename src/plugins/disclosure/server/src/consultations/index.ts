import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { adminRoutes, contentApiRoutes } from './routes';
import { services } from './services';

/** Public consultations on drafts (调查征集), with paragraph-anchored comments. */
export const consultations: DisclosureModule = {
  name: 'consultations',
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
};
