import { getService } from '../get-service';
import { UID } from '../kernel/constants';
import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { createPublicationGuard } from './publication-guard';
import { adminRoutes, contentApiRoutes } from './routes';
import { services } from './services';
import { serviceCasesProvider } from './statistics-provider';

/** Government service items (政务服务事项) and their cases (办件). */
export const serviceItems: DisclosureModule = {
  name: 'service-items',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    {
      kind: 'column',
      uid: 'plugin::disclosure.service-item-review',
      id: 'submittedById',
      email: 'submittedByEmail',
      label: '办事指南审核 (service item review)',
    },
    {
      kind: 'column',
      uid: 'plugin::disclosure.service-item-review',
      id: 'approvedById',
      email: 'approvedByEmail',
      label: '办事指南审核 (service item review)',
    },
    {
      kind: 'column',
      uid: 'plugin::disclosure.service-item-review',
      id: 'clearedById',
      email: 'clearedByEmail',
      label: '办事指南审核 (service item review)',
    },
    { kind: 'json', uid: UID.serviceCase, field: 'events', label: '办件 (service case)' },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
  encryptedFields: [
    { uid: UID.serviceCase, label: 'service cases', fields: ['applicant', 'idNumber', 'phone'] },
  ],
  async bootstrap(strapi) {
    getService(strapi, 'statistics').register(serviceCasesProvider());
    // A guide lacking a required field is never published, by whatever path.
    strapi.documents.use(createPublicationGuard(strapi));
    // Every morning: reminders of cases due soon or overdue (once each, whatever the node count).
    strapi.cron.add({
      disclosureServiceCaseReminders: {
        task: () => getService(strapi, 'service-case-reminders').run(),
        options: { rule: '0 35 8 * * *', tz: 'Asia/Shanghai' },
      },
    });
  },
};
