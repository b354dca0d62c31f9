import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { adminRoutes, contentApiRoutes } from './routes';
import { services } from './services';

/** Public inquiries and complaints from every channel (咨询 / 投诉 / 留言办理). */
export const inquiries: DisclosureModule = {
  name: 'inquiries',
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
};
