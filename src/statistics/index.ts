import type { Core } from '@strapi/strapi';
import { catalogueItemsProvider } from './catalogue-items';
import { interpretationsProvider } from './interpretations';
import { policiesProvider } from './policies';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

/** The app's statistics providers, registered with the disclosure plugin's statistics service. */
export function registerCatalogueStatistics(strapi: Core.Strapi): void {
  const statistics = disclosureService(strapi, 'statistics');
  statistics.register(catalogueItemsProvider());
  statistics.register(policiesProvider());
  statistics.register(interpretationsProvider());
}
