import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS')!,
  },
  // Behind a TLS proxy (SECURITY.md): trust X-Forwarded-* from it, and only the address it appended
  // (a client's own X-Forwarded-For entries cannot move it to another rate-limit counter).
  proxy: {
    koa: env.bool('SERVER_PROXY', false),
    maxIpsCount: env.int('SERVER_PROXY_MAX_IPS', 1),
  },
  // The disclosure plugin's daily request reminders run from Strapi's cron.
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
