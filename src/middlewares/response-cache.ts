import { createHash } from 'crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'http';
import type { Core } from '@strapi/strapi';
import {
  responseCacheOf,
  type CachedResponse,
  type ResponseCache,
} from '../content-api/response-cache';
import { rememberHeaders } from '../content-api/response-cache/front-door';
import { cacheKey, type Viewer } from '../content-api/response-cache/key';
import { CACHEABLE_HANDLERS, answerTags } from '../content-api/response-cache/tags';

interface Ctx {
  method: string;
  path: string;
  querystring: string;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  fresh: boolean;
  type: string;
  params?: Record<string, string>;
  state: {
    route?: { handler?: unknown; info?: { type?: string; apiName?: string } };
    auth?: { strategy?: { name?: string }; credentials?: { type?: string } | null };
  };
  request: { header: Record<string, string | string[] | undefined> };
  req: IncomingMessage;
  set(name: string, value: string): void;
  response: { get(name: string): string; headers: OutgoingHttpHeaders };
}

/**
 * The publish-aware response cache of the content API (docs/decisions/0034-response-cache.md):
 * GET/HEAD answers of the published catalogue to the Public role and read-only tokens, keyed by
 * viewer, path and query, with ETag/304, CDN headers and surrogate keys. Every other /api/ answer
 * is marked `no-store`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<void>) => {
    const cache = responseCacheOf(strapi);
    if (!cache || !ctx.path.startsWith('/api/') || !['GET', 'HEAD'].includes(ctx.method)) {
      return next();
    }
    const viewer = await viewerOf(strapi, ctx);
    const status = ctx.query.status;
    if (viewer === null || (status !== undefined && status !== 'published')) {
      try {
        await next();
      } finally {
        markUncached(ctx, viewer === null ? 'private, no-store' : 'no-store');
      }
      return;
    }
    const key = cacheKey(viewer, ctx);
    if (cache.usable) {
      const hit = cache.store.get(key);
      if (hit) {
        send(ctx, cache, viewer, hit, 'HIT');
        return;
      }
    }
    const epoch = cache.store.epoch;
    try {
      await next();
    } catch (error) {
      markUncached(ctx, 'no-store');
      throw error;
    }
    const handler = cacheableHandler(ctx, viewer);
    if (ctx.status !== 200 || handler === null || !isJson(ctx.body)) {
      markUncached(ctx, 'no-store');
      return;
    }
    const body = Buffer.from(JSON.stringify(ctx.body));
    const entry: CachedResponse = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      tags: answerTags(strapi, handler, ctx.params?.id, cache.tagsByType),
      headers: new Map(),
    };
    if (cache.usable) cache.store.set(key, entry, epoch);
    send(ctx, cache, viewer, entry, 'MISS');
  };

/**
 * The Public role (no Authorization header) or a valid read-only content-API token, checked
 * against the database on every request, hit or not; anything else (full-access or custom tokens,
 * users' JWTs, invalid or expired tokens) is null: never served from or stored in the cache.
 */
async function viewerOf(strapi: Core.Strapi, ctx: Ctx): Promise<Viewer | null> {
  const header = ctx.request.header.authorization;
  if (header === undefined) return 'public';
  if (typeof header !== 'string') return null;
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return null;
  const tokens = strapi.service('admin::api-token-content-api') as unknown as {
    hash(key: string): string;
    getByAccessKey(hash: string): Promise<{
      kind?: string | null;
      type?: string;
      expiresAt?: string | Date | null;
    } | null>;
  };
  const token = await tokens.getByAccessKey(tokens.hash(parts[1]));
  if (!token || (token.kind != null && token.kind !== 'content-api')) return null;
  if (token.type !== 'read-only') return null;
  if (token.expiresAt != null && new Date(token.expiresAt) < new Date()) return null;
  return 'read-only';
}

/**
 * The route's handler when this answer may be cached: an allowlisted published read, answered
 * to the same kind of viewer the request was classed as.
 */
function cacheableHandler(ctx: Ctx, viewer: Viewer): string | null {
  const route = ctx.state.route;
  if (route?.info?.type !== 'content-api' || typeof route.handler !== 'string') return null;
  const handler =
    route.handler.includes('::') || !route.info.apiName
      ? route.handler
      : `api::${route.info.apiName}.${route.handler}`;
  if (!CACHEABLE_HANDLERS.has(handler)) return null;
  const auth = ctx.state.auth;
  const asViewer =
    viewer === 'public'
      ? auth?.strategy?.name === 'users-permissions' && !auth.credentials
      : auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'read-only';
  return asViewer ? handler : null;
}

function send(
  ctx: Ctx,
  cache: ResponseCache,
  viewer: Viewer,
  entry: CachedResponse,
  outcome: 'HIT' | 'MISS'
): void {
  ctx.status = 200;
  ctx.set('ETag', entry.etag);
  ctx.set(
    'Cache-Control',
    viewer === 'public'
      ? `public, max-age=0, s-maxage=${cache.settings.sMaxAge}, must-revalidate`
      : 'private, no-cache'
  );
  ctx.set('Surrogate-Key', entry.tags.join(' '));
  ctx.set('X-Cache', outcome);
  ctx.type = 'application/json; charset=utf-8';
  // What a hit sends, as the stack above made it: the front door sends the same (front-door.ts).
  if (outcome === 'HIT' && viewer === 'public')
    rememberHeaders(entry, ctx.req, ctx.response.headers);
  if (ctx.fresh) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.body = entry.body;
}

function markUncached(ctx: Ctx, value: string): void {
  if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', value);
}

function isJson(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Buffer.isBuffer(body) && !('pipe' in body);
}
