import { Briefcase } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** Government service items (政务服务事项) and their cases (办件). */
export const serviceItems: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/service-cases`,
      icon: Briefcase,
      intlLabel: { id: t('serviceCases.title'), defaultMessage: '政务服务' },
      Component: () => import('./pages/ServiceCasesPage'),
      permissions: anyOf(
        ACTIONS.handleServiceCases,
        ACTIONS.manageServiceItems,
        // The reviewers of service guides (发布审核, 保密审查) open the catalogue to review them.
        ACTIONS.approveDivision,
        ACTIONS.approveConfidentiality
      ),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
