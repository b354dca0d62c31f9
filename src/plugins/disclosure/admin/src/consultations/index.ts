import type { AdminModule } from '../kernel/module';

/** Public consultations (调查征集): each consultation with its comments per paragraph. */
export const consultations: AdminModule = {
  menuLinks: [],
  translations: (locale) => import(`./translations/${locale}.json`),
};
