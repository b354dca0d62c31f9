import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/**
 * The confidentiality pre-screen (decision 0030): its word list under Settings; its findings are
 * shown in the review panel (review/components/PrescreenFindings).
 */
export const prescreen: AdminModule = {
  settingsLinks: [
    {
      id: `${PLUGIN_ID}-prescreen-words`,
      to: `${PLUGIN_ID}/prescreen-words`,
      intlLabel: { id: t('prescreenWords.title'), defaultMessage: '保密预审敏感词' },
      Component: () => import('./pages/SensitiveWordsPage'),
      permissions: anyOf(ACTIONS.managePrescreen),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
