import { ChartPie, CheckCircle, Mail } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ReviewPanel } from './components/ReviewPanel';
import { PLUGIN_ID } from './plugin-id';

type ContentManagerApis = {
  addEditViewSidePanel(panels: unknown[]): void;
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: '审核任务' },
      Component: () => import('./pages/QueuePage'),
      permissions: [{ action: 'plugin::disclosure.queue.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/statistics`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.statistics.title`, defaultMessage: '统计与年报' },
      Component: () => import('./pages/StatisticsPage'),
      permissions: [{ action: 'plugin::disclosure.statistics.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/requests`,
      icon: Mail,
      intlLabel: { id: `${PLUGIN_ID}.requests.title`, defaultMessage: '依申请公开' },
      Component: () => import('./pages/RequestsPage'),
      // Shown to the office (handle) and to the 保密审查员 (clears replies): either permission.
      permissions: [
        { action: 'plugin::disclosure.requests.handle', subject: null },
        { action: 'plugin::disclosure.approve-confidentiality', subject: null },
      ],
    });
    app.addSettingsLink('global', {
      id: `${PLUGIN_ID}-staff`,
      to: `${PLUGIN_ID}/staff`,
      intlLabel: { id: `${PLUGIN_ID}.staff.title`, defaultMessage: '处室人员' },
      Component: () => import('./pages/StaffPage'),
      permissions: [{ action: 'plugin::disclosure.staff.manage', subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '政务公开' });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: ContentManagerApis;
    };
    contentManager.apis.addEditViewSidePanel([ReviewPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          const prefixed = Object.fromEntries(
            Object.entries(data as Record<string, string>).map(([key, value]) => [
              `${PLUGIN_ID}.${key}`,
              value,
            ])
          );
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
