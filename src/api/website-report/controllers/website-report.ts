import { createCatalogueItemController } from '../../../content-api/catalogue-item-controller';

export default createCatalogueItemController('api::website-report.website-report');
