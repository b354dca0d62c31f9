/**
 * Guards each public intake a module registers (POST /api/disclosure-requests …) before its body
 * is read:
 * - how often one client may submit: every attempt counts, refused ones get 429 with Retry-After
 *   before anything is stored, so an accepted request is never lost. With `REDIS_URL` the
 *   counters live in Redis and hold across app nodes; otherwise in the process;
 * - how large the body may be: the intake's attachments plus room for the fields; a larger one,
 *   or a multipart one that does not state its length, is refused (413 / 411) unread.
 *
 * Listed in config/middlewares.ts before `strapi::body`, it answers before a flood of uploads
 * reaches the disk. The intake route names it too, so the limit holds (after parsing) in an
 * app that forgot the global entry; a request is counted once either way. Every intake counts
 * against the same budget per client.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ipaddr from 'ipaddr.js';
import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { PLUGIN_ID } from '../constants';
import type { DisclosureConfig } from '../config';

interface Context {
  method: string;
  path: string;
  request: { ip: string; length?: number; is(...types: string[]): string | false | null };
  state: Record<PropertyKey, unknown>;
  set(header: string, value: string): void;
  status: number;
  body?: unknown;
}

/**
 * A public intake: its content-API path (no API prefix; `:name` segments match any one segment,
 * as in a route: `/disclosure/consultations/:id/comments`) and the files it takes.
 */
export interface Intake {
  path: string;
  maxFiles: number;
  maxBytes: number;
}

/** The largest intake body: its files at their maximum plus 1 MB for the fields. */
export const maxIntakeBytes = ({ maxFiles, maxBytes }: Pick<Intake, 'maxFiles' | 'maxBytes'>) =>
  maxFiles * maxBytes + 1024 * 1024;

interface RegisteredIntake {
  intake: Intake;
  /** The full path's pattern: a route's `:name` segments match one segment each. */
  matches: RegExp;
}

const intakes = new WeakMap<Core.Strapi, Map<string, RegisteredIntake>>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of a route path: literal segments as they are, `:name` segments any one segment. */
export const pathPattern = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
      .join('/')}$`
  );

/** Puts a module's intake under the guard (in the module's register, before routes mount). */
export function registerIntake(strapi: Core.Strapi, intake: Intake): void {
  const registered = intakes.get(strapi) ?? new Map<string, RegisteredIntake>();
  const path = `${strapi.config.get('api.rest.prefix', '/api')}${intake.path}`;
  registered.set(path, { intake, matches: pathPattern(path) });
  intakes.set(strapi, registered);
}

/** The intake a POST to `path` is, or undefined when it is none. */
function intakeAt(strapi: Core.Strapi, path: string): Intake | undefined {
  const registered = intakes.get(strapi);
  if (!registered) return undefined;
  const exact = registered.get(path);
  if (exact) return exact.intake;
  for (const { intake, matches } of registered.values()) if (matches.test(path)) return intake;
  return undefined;
}

const COUNTED = Symbol('disclosure intake counted');

/**
 * Whom a request is counted against: an IPv4 address (also when it reaches an IPv6 socket as
 * ::ffff:a.b.c.d), or an IPv6 client's /64 — one household or host can take any address in it.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}

export const INTAKE_GUARD = `plugin::${PLUGIN_ID}.intake-guard`;

/** Whether the app's middleware list runs the guard before the body parser. */
export function guardsBeforeBody(middlewares: unknown[]): boolean {
  const names = middlewares.map((entry) =>
    typeof entry === 'string' ? entry : (entry as { name?: string } | null)?.name
  );
  const guard = names.indexOf(INTAKE_GUARD);
  return guard !== -1 && guard < names.indexOf('strapi::body');
}

const clients = new Set<Redis>();
const limiters = new WeakMap<Core.Strapi, RateLimiterAbstract>();

/** Closes the Redis connections the limiters opened (plugin destroy). */
export async function closeRateLimitClients(): Promise<void> {
  await Promise.all([...clients].map((client) => client.quit().catch(() => undefined)));
  clients.clear();
}

/**
 * Creates the limiter at bootstrap, connected to Redis before the server takes requests (a
 * request racing the connection would be counted by the fallback only).
 */
export async function prepareIntakeLimiter(strapi: Core.Strapi): Promise<void> {
  const { intakeRateLimit } = strapi.config.get(`plugin::${PLUGIN_ID}`) as DisclosureConfig;
  const options = {
    keyPrefix: intakeRateLimit.keyPrefix ?? 'disclosure-intake',
    points: intakeRateLimit.points,
    duration: intakeRateLimit.durationSeconds,
  };
  if (!intakeRateLimit.redisUrl) {
    limiters.set(strapi, new RateLimiterMemory(options));
    return;
  }
  const client = new Redis(intakeRateLimit.redisUrl, {
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  client.on('error', (error: Error) =>
    strapi.log.warn(`[disclosure] rate-limit Redis: ${error.message}`)
  );
  clients.add(client);
  await client
    .connect()
    .catch((error: Error) =>
      strapi.log.warn(`[disclosure] rate-limit Redis not reachable yet: ${error.message}`)
    );
  // While Redis is unreachable, each node limits on its own rather than letting everything through.
  limiters.set(
    strapi,
    new RateLimiterRedis({
      ...options,
      storeClient: client,
      insuranceLimiter: new RateLimiterMemory(options),
    })
  );
}

/**
 * Refuses a body too large to be an application, before it is read; false when it answered
 * (411 is set here: Strapi's error classes have no Length Required).
 */
function sizeAllowed(ctx: Context, { maxFiles, maxBytes }: Intake): boolean {
  const maxBody = maxIntakeBytes({ maxFiles, maxBytes });
  const length = ctx.request.length;
  if (length === undefined && ctx.request.is('multipart')) {
    const message = 'A request with attachments must state its Content-Length.';
    ctx.status = 411;
    ctx.body = { data: null, error: { status: 411, name: 'LengthRequiredError', message } };
    return false;
  }
  if (length !== undefined && length > maxBody) {
    throw new errors.PayloadTooLargeError(
      `The request is ${(length / 1024 / 1024).toFixed(1)} MB; at most ${maxFiles} files of ` +
        `${maxBytes / 1024 / 1024} MB each are taken (${maxBody} bytes in all).`,
      { maxBytes: maxBody }
    );
  }
  return true;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    const intake = ctx.method === 'POST' ? intakeAt(strapi, ctx.path) : undefined;
    if (!intake || ctx.state[COUNTED]) return next();
    ctx.state[COUNTED] = true;
    const limiter = limiters.get(strapi);
    if (!limiter) throw new Error('The intake rate limiter was not prepared at bootstrap');
    try {
      await limiter.consume(clientKey(ctx.request.ip));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      throw new errors.RateLimitError(
        `Too many requests from this address: try again in ${seconds} seconds. Requests already accepted are kept.`,
        { retryAfter: seconds }
      );
    }
    if (sizeAllowed(ctx, intake)) await next();
  };
};
