import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { cacheKey } from './key';
import type { CachedResponse } from './store';
import type { ResponseCache } from '.';

/** The request headers an answer's headers depend on, besides the URL: CORS answers by Origin. */
const originOf = (req: { headers: IncomingMessage['headers'] }): string => {
  const origin = req.headers.origin;
  return typeof origin === 'string' ? origin : '';
};

/** Headers of one response, never replayed: its length, cookies, connection, the hit marker. */
const PER_RESPONSE = new Set([
  'content-length',
  'x-cache',
  'set-cookie',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * Notes the headers the middleware stack gave a cached answer (security, CORS, ETag, caching),
 * for the request's Origin, so the front door can answer the next such request alone.
 */
export function rememberHeaders(
  entry: CachedResponse,
  req: { headers: IncomingMessage['headers'] },
  headers: OutgoingHttpHeaders
): void {
  const origin = originOf(req);
  if (entry.headers.has(origin)) return;
  // A few Origin values per answer (the website, its preview): a client inventing Origins
  // must not grow an entry without bound; past the limit, those requests take the stack.
  if (entry.headers.size >= 8) return;
  // Flat [name, value, …], the form Node's writeHead takes fastest.
  const kept: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (PER_RESPONSE.has(name) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push(name, String(one));
  }
  entry.headers.set(origin, kept);
}

/**
 * A cache hit of the Public role answered on the HTTP server, before Koa and the middleware
 * stack: the same bytes and headers the stack gave the same URL and Origin, from the same
 * entry (so invalidation is the same). Everything else — a token, a first read, an Origin not
 * seen yet for this answer, a cache that is not usable — goes to Strapi as before.
 * docs/decisions/0034-response-cache.md.
 */
export function openFrontDoor(strapi: Core.Strapi, cache: ResponseCache): void {
  const server = strapi.server.httpServer;
  const [stack] = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  if (!stack) return;
  const logsRequests = () => strapi.log.isLevelEnabled('http');
  // The key of a URL as written: computing it sorts and decodes the query; a URL comes back often.
  const keys = new LRUCache<string, string>({ max: 10_000 });
  const keyOf = (url: string): string => {
    let key = keys.get(url);
    if (key === undefined) {
      const mark = url.indexOf('?');
      key = cacheKey('public', {
        path: mark < 0 ? url : url.slice(0, mark),
        querystring: mark < 0 ? '' : url.slice(mark + 1),
      });
      keys.set(url, key);
    }
    return key;
  };
  server.removeListener('request', stack);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const answered = answer(req, res);
    if (!answered) stack(req, res);
  });

  function answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (!url.startsWith('/api/') || req.headers.authorization !== undefined) return false;
    if (!cache.usable) return false;
    const started = Date.now();
    const entry = cache.store.get(keyOf(url));
    const headers = entry?.headers.get(originOf(req));
    if (!entry || !headers) return false;
    const fresh = ifNoneMatch(req.headers['if-none-match'], entry.etag);
    res.writeHead(
      fresh ? 304 : 200,
      fresh
        ? [...headers, 'x-cache', 'HIT']
        : [...headers, 'x-cache', 'HIT', 'content-length', String(entry.body.length)]
    );
    res.end(fresh || req.method === 'HEAD' ? undefined : entry.body);
    cache.frontDoorHits += 1;
    if (logsRequests()) {
      strapi.log.http(`${req.method} ${url} (${Date.now() - started} ms) ${fresh ? 304 : 200}`);
    }
    return true;
  }
}

/** `If-None-Match` as Koa's `ctx.fresh` reads it for a GET: `*` or a list holding the ETag. */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .includes(etag);
}
