import { Mail } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** Disclosure requests (依申请公开): the list, each request's page, the reply templates. */
export const requests: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/requests`,
      icon: Mail,
      intlLabel: { id: t('requests.title'), defaultMessage: '依申请公开' },
      Component: () => import('./pages/RequestsPage'),
      // Shown to the office (handle) and to the 保密审查员 (clears replies): either permission.
      permissions: anyOf(ACTIONS.handleRequests, ACTIONS.approveConfidentiality),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
