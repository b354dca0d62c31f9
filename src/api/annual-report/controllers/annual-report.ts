import { createCatalogueItemController } from '../../../content-api/catalogue-item-controller';

export default createCatalogueItemController('api::annual-report.annual-report');
