import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';
import { uploadOrigins } from '../src/uploads/storage';

type Ctx = { path: string };

const origins = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

const isContentApi = (ctx: Ctx) => ctx.path.startsWith('/api/');

/**
 * strapi::security as Strapi ships it, except that when uploads live in a bucket or behind a CDN
 * (UPLOAD_PROVIDER=s3, docs/decisions/0036) the admin may show, play and download files from
 * there: Strapi's CSP lists only this server. The lists are written out whole, Strapi's defaults
 * first: its middleware fills a shorter list from its defaults index by index.
 */
function security(env: Core.Config.Shared.ConfigParams['env']): Core.Config.Middlewares[number] {
  const origins = uploadOrigins(env);
  if (origins.length === 0) return 'strapi::security';
  const withUploads = (sources: readonly string[]) => [...sources, ...origins];
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': withUploads(CSP_DEFAULTS['connect-src']),
          'img-src': withUploads(CSP_DEFAULTS['img-src']),
          'media-src': withUploads(CSP_DEFAULTS['media-src']),
        },
      },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  // The content API is public and read-only: any site may read it, without credentials.
  const apiOrigins = origins(env('CORS_API_ORIGINS', '*'));
  // The admin API (sign-in, refresh token, Content Manager, plugin routes) answers other origins
  // only when named: the admin panel's own origin needs no CORS, a separately hosted one does.
  const publicUrl = env('PUBLIC_URL', '');
  const adminOrigins = [
    ...origins(env('CORS_ADMIN_ORIGINS', '')),
    ...(/^https?:\/\//.test(publicUrl) ? [new URL(publicUrl).origin] : []),
  ];
  return [
    'strapi::logger',
    'strapi::errors',
    security(env),
    {
      name: 'strapi::cors',
      config: {
        origin: (ctx: Ctx) => (isContentApi(ctx) ? apiOrigins : adminOrigins),
        credentials: (ctx: Ctx) => !isContentApi(ctx),
      },
    },
    // Published reads of the Public role and read-only tokens, from memory (RESPONSE_CACHE). A hit
    // skips the rest: it is an answer once given, after every check below, to the same URL.
    'global::response-cache',
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
};

export default config;
