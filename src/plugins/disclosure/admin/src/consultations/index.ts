import { Feather } from '@strapi/icons';
import { ACTIONS } from '../../../shared/kernel/constants';
import { anyOf, type AdminModule } from '../kernel/module';
import { PLUGIN_ID, t } from '../kernel/plugin-id';

/** Public consultations (调查征集): each consultation with its comments per paragraph. */
export const consultations: AdminModule = {
  menuLinks: [
    {
      to: `plugins/${PLUGIN_ID}/consultations`,
      icon: Feather,
      intlLabel: { id: t('consultations.title'), defaultMessage: '调查征集' },
      Component: () => import('./pages/ConsultationsPage'),
      permissions: anyOf(ACTIONS.manageConsultations),
    },
  ],
  translations: (locale) => import(`./translations/${locale}.json`),
};
