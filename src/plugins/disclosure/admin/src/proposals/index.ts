import { Discuss } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** Deputies' suggestions and members' proposals (建议提案办理): the list and each case's page. */
export const proposals: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/proposals`,
      icon: Discuss,
      intlLabel: { id: t('proposals.title'), defaultMessage: '建议提案办理' },
      Component: () => import('./pages/ProposalsPage'),
      // Division staff and the coordinator handle; the 保密审查员 clears the replies.
      permissions: anyOf(
        ACTIONS.handleProposals,
        ACTIONS.assignProposals,
        ACTIONS.approveConfidentiality
      ),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
