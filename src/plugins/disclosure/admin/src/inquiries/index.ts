import { Message } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** Public inquiries and complaints (留言办理): the phone desk's quick log, lists, case pages. */
export const inquiries: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/inquiries`,
      icon: Message,
      intlLabel: { id: t('inquiries.title'), defaultMessage: '留言办理' },
      Component: () => import('./pages/InquiriesPage'),
      // Division staff answer, the coordinator (phone desk) logs and assigns, the 保密审查员 clears.
      permissions: anyOf(
        ACTIONS.handleInquiries,
        ACTIONS.assignInquiries,
        ACTIONS.approveConfidentiality
      ),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
