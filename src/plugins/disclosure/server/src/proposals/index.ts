import { getService } from '../get-service';
import { UID } from '../kernel/constants';
import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { adminRoutes } from './routes';
import { services } from './services';
import { proposalsProvider } from './statistics-provider';

/** Deputies' suggestions and members' proposals (建议提案办理). */
export const proposals: DisclosureModule = {
  name: 'proposals',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    { kind: 'json', uid: UID.proposal, field: 'coHandlers', label: '建议提案 (proposal)' },
    { kind: 'json', uid: UID.proposal, field: 'reply', label: '建议提案 (proposal)' },
    { kind: 'json', uid: UID.proposal, field: 'previousReplies', label: '建议提案 (proposal)' },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes },
  // The deputies' and members' contacts, inside the proposers list.
  encryptedFields: [{ uid: UID.proposal, label: 'proposals', fields: ['proposers'] }],
  bootstrap(strapi) {
    getService(strapi, 'statistics').register(proposalsProvider());
    // Every morning: cases due soon or overdue, replies whose publication is due.
    strapi.cron.add({
      disclosureProposalReminders: {
        task: () => getService(strapi, 'proposal-reminders').run(),
        options: { rule: '0 40 8 * * *', tz: 'Asia/Shanghai' },
      },
    });
  },
};
