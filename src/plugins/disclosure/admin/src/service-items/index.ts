import type { AdminModule } from '../kernel/module';

/** Government service items (政务服务事项) and their cases (办件). */
export const serviceItems: AdminModule = {
  translations: (locale) => import(`./translations/${locale}.json`),
};
