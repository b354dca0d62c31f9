import type { AdminModule } from '../kernel/module';

/** Public inquiries and complaints (留言办理): the phone desk's quick log, lists, case pages. */
export const inquiries: AdminModule = {
  menuLinks: [],
  translations: (locale) => import(`./translations/${locale}.json`),
};
