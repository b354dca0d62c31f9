import { Clock } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** The timeliness monitor (栏目更新监测): the columns against the inspection's rules. */
export const monitor: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/monitor`,
      icon: Clock,
      intlLabel: { id: t('monitor.title'), defaultMessage: '栏目更新监测' },
      Component: () => import('./pages/MonitorPage'),
      permissions: anyOf(ACTIONS.readMonitor),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
