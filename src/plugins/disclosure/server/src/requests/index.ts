import { getService } from '../get-service';
import type { DisclosureConfig } from '../kernel/config';
import { PLUGIN_ID, UID } from '../kernel/constants';
import { parseKey } from '../kernel/domain/personal-data';
import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { registerIntake } from '../kernel/middlewares/intake-guard';
import { ATTACHMENT_RULES } from './domain/attachments';
import { adminRoutes, contentApiRoutes, INTAKE_PATH } from './routes';
import { services } from './services';
import { requestsProvider } from './statistics-provider';

/** Disclosure requests (依申请公开): intake, handling with working-day deadlines, replies. */
export const requests: DisclosureModule = {
  name: 'requests',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    { kind: 'json', uid: UID.disclosureRequest, field: 'reply', label: '依申请公开 (request)' },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
  register(strapi) {
    // Rate limit and size check before the body is read.
    registerIntake(strapi, { path: INTAKE_PATH, ...ATTACHMENT_RULES.application });
  },
  async bootstrap(strapi) {
    getService(strapi, 'statistics').register(requestsProvider());
    // Disclosure requests need the key that encrypts applicants' personal data; query codes of
    // earlier versions (unsalted SHA-256) are rekeyed under it.
    if (!parseKey(strapi.config.get<DisclosureConfig>(`plugin::${PLUGIN_ID}`).personalDataKey)) {
      strapi.log.warn(
        '[disclosure] DISCLOSURE_PERSONAL_DATA_KEY is not set: disclosure requests are refused until it is'
      );
    } else {
      const rekeyed = await getService(strapi, 'requests').rekeyLegacyQueryCodes();
      if (rekeyed) strapi.log.info(`[disclosure] rekeyed ${rekeyed} query code hash(es) (HMAC)`);
    }
    // Every morning: reminders of requests due soon or overdue, lapsed corrections and fees.
    strapi.cron.add({
      disclosureRequestReminders: {
        task: () => getService(strapi, 'request-reminders').run(),
        options: { rule: '0 30 8 * * *', tz: 'Asia/Shanghai' },
      },
    });
  },
};
