import { getService } from '../get-service';
import { UID } from '../kernel/constants';
import type { DisclosureModule } from '../kernel/module';
import { registerIntake } from '../kernel/middlewares/intake-guard';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { adminRoutes, contentApiRoutes, INTAKE_PATH } from './routes';
import { services } from './services';
import { inquiriesProvider } from './statistics-provider';

/** Public inquiries and complaints from every channel (咨询 / 投诉 / 留言办理). */
export const inquiries: DisclosureModule = {
  name: 'inquiries',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    { kind: 'json', uid: UID.inquiry, field: 'reply', label: '咨询 (inquiry)' },
    { kind: 'json', uid: UID.inquiry, field: 'publication', label: '咨询 (inquiry)' },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
  encryptedFields: [
    {
      uid: UID.inquiry,
      label: 'inquiries',
      fields: ['applicantName', 'applicantPhone', 'applicantEmail'],
    },
  ],
  register(strapi) {
    // Rate limit and size check before the body is read: a message takes no files.
    registerIntake(strapi, { path: INTAKE_PATH, maxFiles: 0, maxBytes: 0 });
  },
  bootstrap(strapi) {
    getService(strapi, 'statistics').register(inquiriesProvider());
    // Every morning: overdue messages and the 2-month warning of the 3-month rule.
    strapi.cron.add({
      disclosureInquiryReminders: {
        task: () => getService(strapi, 'inquiry-reminders').run(),
        options: { rule: '0 50 8 * * *', tz: 'Asia/Shanghai' },
      },
    });
  },
};
