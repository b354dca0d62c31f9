import { getService } from '../get-service';
import type { DisclosureModule } from '../kernel/module';
import { controllers } from './controllers';
import { adminRoutes } from './routes';
import { services } from './services';

/** The timeliness monitor (栏目更新监测): columns against the website inspection's rules. */
export const monitor: DisclosureModule = {
  name: 'monitor',
  services,
  controllers,
  routes: { admin: adminRoutes },
  bootstrap(strapi) {
    // Every morning, before the day's work: the columns about to go stale, and those that went.
    strapi.cron.add({
      disclosureMonitorDigest: {
        task: () => getService(strapi, 'monitor-digest').run(),
        options: { rule: '0 40 8 * * *', tz: 'Asia/Shanghai' },
      },
    });
  },
};
