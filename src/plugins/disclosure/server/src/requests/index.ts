import { getService } from '../get-service';
import { UID } from '../kernel/constants';
import { createHmac } from 'crypto';
import type { DisclosureModule } from '../kernel/module';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { registerIntake } from '../kernel/middlewares/intake-guard';
import { ATTACHMENT_RULES } from './domain/attachments';
import { identityText, PERSONAL_FIELDS } from './domain/request';
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
  encryptedFields: [
    {
      uid: UID.disclosureRequest,
      label: 'disclosure requests',
      fields: PERSONAL_FIELDS,
      // The identity document's HMAC, for the duplicate check, is taken again under the new key.
      rekey: {
        reads: ['idType', 'idNumber'],
        compute: ({ idType, idNumber }, key) =>
          typeof idType === 'string' && typeof idNumber === 'string'
            ? {
                identityDigest: createHmac('sha256', key)
                  .update(identityText(idType, idNumber))
                  .digest('hex'),
              }
            : {},
      },
    },
    { uid: UID.requestAttachment, label: 'request attachments', fields: ['content'] },
  ],
  register(strapi) {
    // Rate limit and size check before the body is read.
    registerIntake(strapi, { path: INTAKE_PATH, ...ATTACHMENT_RULES.application });
  },
  async bootstrap(strapi) {
    getService(strapi, 'statistics').register(requestsProvider());
    // Disclosure requests need the key that encrypts applicants' personal data; query codes of
    // earlier versions (unsalted SHA-256) are rekeyed under it.
    const personalData = getService(strapi, 'personal-data');
    if (personalData.status() === 'missing') {
      strapi.log.warn(
        '[disclosure] DISCLOSURE_PERSONAL_DATA_KEY is not set: disclosure requests are refused until it is'
      );
    } else if (!personalData.isRefusing()) {
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
