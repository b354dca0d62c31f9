import { ChartPie } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** Statistics and the annual report (统计与年报). */
export const reporting: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/statistics`,
      icon: ChartPie,
      intlLabel: { id: t('statistics.title'), defaultMessage: '统计与年报' },
      Component: () => import('./pages/StatisticsPage'),
      permissions: anyOf(ACTIONS.readStatistics),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
