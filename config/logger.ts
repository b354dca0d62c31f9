import type { Core } from '@strapi/strapi';

// LOG_LEVEL=warn keeps test and benchmark output readable; the default logs every request.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
