import type { AdminModule } from '../kernel/module';

/** Deputies' suggestions and members' proposals (建议提案办理). */
export const proposals: AdminModule = {
  translations: (locale) => import(`./translations/${locale}.json`),
};
