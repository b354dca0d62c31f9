import { UID } from '../kernel/constants';
import { getService } from '../get-service';
import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { adminRoutes } from './routes';
import { services } from './services';
import { prescreenProvider } from './statistics-provider';

/**
 * The confidentiality pre-screen (保密预审, decision 0030): personal numbers, 密级 marks and
 * sensitive words in an item and its files, found before the 保密审查员 reads it.
 */
export const prescreen: DisclosureModule = {
  name: 'prescreen',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    {
      kind: 'column',
      uid: UID.prescreenFinding,
      id: 'confirmedById',
      email: 'confirmedByEmail',
      label: '预检发现 (prescreen finding)',
    },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes },
  bootstrap(strapi) {
    const service = getService(strapi, 'prescreen');
    const reviews = getService(strapi, 'reviews');
    // Every submitted version is scanned; 保密审查 waits until its findings are confirmed.
    reviews.addStepHook('submit', (context) => service.onSubmit(context));
    reviews.addStepHook('clear', (context) => service.onClear(context));
    getService(strapi, 'statistics').register(prescreenProvider());
  },
};
