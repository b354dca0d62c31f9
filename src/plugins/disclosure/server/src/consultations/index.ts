import { getService } from '../get-service';
import { UID } from '../kernel/constants';
import type { DisclosureModule } from '../kernel/module';
import { registerIntake } from '../kernel/middlewares/intake-guard';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import { COMMENTS_PATH, adminRoutes, contentApiRoutes } from './routes';
import { services } from './services';
import { consultationsProvider } from './statistics-provider';

/** Public consultations on drafts (调查征集), with paragraph-anchored comments. */
export const consultations: DisclosureModule = {
  name: 'consultations',
  // Where the module keeps admin-user ids (the kernel reconciles them after an import).
  staffReferences: [
    {
      kind: 'json',
      uid: UID.consultation,
      field: 'announcement',
      label: '意见征集 (consultation)',
    },
    { kind: 'json', uid: UID.consultation, field: 'summary', label: '意见征集 (consultation)' },
    {
      kind: 'json',
      uid: UID.consultationComment,
      field: 'moderatedBy',
      label: '意见征集留言 (consultation comment)',
    },
    {
      kind: 'json',
      uid: UID.consultationComment,
      field: 'decidedBy',
      label: '意见征集留言 (consultation comment)',
    },
  ],
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
  encryptedFields: [
    {
      uid: UID.consultationComment,
      label: 'consultation comments',
      fields: ['name', 'phone', 'email', 'organisation'],
    },
  ],
  register(strapi) {
    // Every consultation's comments pass the intake guard before their body is read.
    registerIntake(strapi, { path: COMMENTS_PATH, maxFiles: 0, maxBytes: 0 });
  },
  async bootstrap(strapi) {
    getService(strapi, 'statistics').register(consultationsProvider());
    // The website names consultations by their public id: give one to any row without.
    await getService(strapi, 'consultations').assignDocumentIds();
  },
};
