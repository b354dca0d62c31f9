import { getService } from '../get-service';
import type { DisclosureModule } from '../kernel/module';
import { registerIntake } from '../kernel/middlewares/intake-guard';
import { UID } from '../kernel/constants';
import { contentTypes } from './content-types';
import { controllers } from './controllers';
import consultationIntake from './middlewares/consultation-intake';
import { adminRoutes, commentsPath, contentApiRoutes } from './routes';
import { services } from './services';
import { consultationsProvider } from './statistics-provider';

/** Public consultations on drafts (调查征集), with paragraph-anchored comments. */
export const consultations: DisclosureModule = {
  name: 'consultations',
  contentTypes,
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
  middlewares: { 'consultation-intake': consultationIntake },
  async bootstrap(strapi) {
    getService(strapi, 'statistics').register(consultationsProvider());
    // Each consultation's comments pass the intake guard before their body is read.
    const stored = (await strapi.db.query(UID.consultation).findMany({ select: ['id'] })) as Array<{
      id: number;
    }>;
    for (const { id } of stored) {
      registerIntake(strapi, { path: commentsPath(id), maxFiles: 0, maxBytes: 0 });
    }
  },
};
