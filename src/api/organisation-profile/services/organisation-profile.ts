import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::organisation-profile.organisation-profile');
