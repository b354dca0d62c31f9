import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::content-api-query',
  // Rate limit and size check of the public request intake, before its body is read.
  'plugin::disclosure.intake-guard',
  'strapi::body',
  // A NUL character anywhere in the URL, the query or the body is a 400 (PostgreSQL cannot take one).
  'global::refuse-nul',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
