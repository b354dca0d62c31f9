import { getService } from '../get-service';
import type { DisclosureConfig } from '../kernel/config';
import { PLUGIN_ID } from '../kernel/constants';
import type { DisclosureModule } from '../kernel/module';
import { controllers } from './controllers';
import { adminRoutes, contentApiRoutes } from './routes';
import { services } from './services';

/**
 * Yearly statistics (the registry every module's provider joins through `reporting/sdk`) and
 * the statutory annual report and 政府网站工作年度报表.
 */
export const reporting: DisclosureModule = {
  name: 'reporting',
  services,
  controllers,
  routes: { admin: adminRoutes, contentApi: contentApiRoutes },
  bootstrap(strapi) {
    // An annual report whose 勾稽 checks fail cannot be submitted or published.
    const { annualReports, websiteReports } = strapi.config.get(
      `plugin::${PLUGIN_ID}`
    ) as DisclosureConfig;
    getService(strapi, 'reviews').guardSubmission(annualReports.contentType, (draft) =>
      getService(strapi, 'annual-reports').refusalFor(draft)
    );
    // … nor a 政府网站工作年度报表 with a required field empty.
    getService(strapi, 'reviews').guardSubmission(websiteReports.contentType, (draft) =>
      getService(strapi, 'website-reports').refusalFor(draft)
    );
  },
};
