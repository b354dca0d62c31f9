import { createCatalogueItemController } from '../../../content-api/catalogue-item-controller';

export default createCatalogueItemController('api::policy-interpretation.policy-interpretation');
