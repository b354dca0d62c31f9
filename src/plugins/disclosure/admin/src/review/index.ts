import { CheckCircle } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';
import { ReviewPanel } from './components/ReviewPanel';

/** Publishing review: the queue (审核任务) and the review panel beside the edit form. */
export const review: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: t('plugin.name'), defaultMessage: '审核任务' },
      Component: () => import('./pages/QueuePage'),
      permissions: anyOf(ACTIONS.readQueue),
    },
  ],
  editViewSidePanels: [ReviewPanel],
  translations: (locale) => import(`./translations/${locale}.json`),
};
