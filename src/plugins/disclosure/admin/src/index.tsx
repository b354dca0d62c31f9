import type { StrapiApp } from '@strapi/strapi/admin';
import { consultations } from './consultations';
import { inquiries } from './inquiries';
import { kernel } from './kernel';
import {
  bootstrapModules,
  moduleTranslations,
  registerModules,
  type AdminModule,
} from './kernel/module';
import { PLUGIN_ID } from './kernel/plugin-id';
import { monitor } from './monitor';
import { prescreen } from './prescreen';
import { proposals } from './proposals';
import { reporting } from './reporting';
import { requests } from './requests';
import { review } from './review';
import { serviceItems } from './service-items';

/** The admin's modules, in menu order. */
const MODULES: readonly AdminModule[] = [
  review,
  reporting,
  requests,
  serviceItems,
  proposals,
  inquiries,
  consultations,
  monitor,
  prescreen,
  kernel,
];

export default {
  register(app: StrapiApp) {
    registerModules(app, MODULES);
    app.registerPlugin({ id: PLUGIN_ID, name: '政务公开' });
  },

  bootstrap(app: StrapiApp) {
    bootstrapModules(app, MODULES);
  },

  registerTrads({ locales }: { locales: string[] }) {
    return moduleTranslations(PLUGIN_ID, MODULES, locales);
  },
};
