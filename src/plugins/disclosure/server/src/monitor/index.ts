import { getService } from '../get-service';
import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { adminRoutes } from './routes';
import { services } from './services';
import { monitorProvider } from './statistics-provider';

/** The timeliness monitor (栏目更新监测): columns against the website inspection's rules. */
export const monitor: DisclosureModule = {
  name: 'monitor',
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes },
  bootstrap(strapi) {
    // The year's stale days and blank columns, drafted into the annual report's 存在的主要问题.
    getService(strapi, 'statistics').register(monitorProvider());
    strapi.cron.add({
      // Every morning, before the day's work: the columns about to go stale, and those that went.
      disclosureMonitorDigest: {
        task: () => getService(strapi, 'monitor-digest').run(),
        options: { rule: '0 40 8 * * *', tz: 'Asia/Shanghai' },
      },
      // Every Monday before dawn, when the site is quiet: the links of published items (失效链接).
      disclosureLinkCheck: {
        task: () => getService(strapi, 'link-check').run(),
        options: { rule: '0 30 3 * * 1', tz: 'Asia/Shanghai' },
      },
    });
  },
};
