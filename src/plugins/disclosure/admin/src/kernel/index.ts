import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from './module';
import { PLUGIN_ID, t } from './plugin-id';

/** The kernel: the divisions of staff (处室人员), a global setting of the coordinator. */
export const kernel: AdminModule = {
  settingsLinks: [
    {
      id: `${PLUGIN_ID}-staff`,
      to: `${PLUGIN_ID}/staff`,
      intlLabel: { id: t('staff.title'), defaultMessage: '处室人员' },
      Component: () => import('./pages/StaffPage'),
      permissions: anyOf(ACTIONS.manageStaff),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
