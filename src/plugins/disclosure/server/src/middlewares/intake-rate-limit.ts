/**
 * Limits how often one client may submit disclosure requests: every attempt counts, refused ones
 * get 429 with Retry-After before anything is stored, so an accepted request is never lost. With
 * `REDIS_URL` the counters live in Redis and hold across app nodes; otherwise in the process.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
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
  request: { ip: string };
  set(header: string, value: string): void;
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

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: () => Promise<void>) => {
    const limiter = limiters.get(strapi);
    if (!limiter) throw new Error('The intake rate limiter was not prepared at bootstrap');
    try {
      await limiter.consume(ctx.request.ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      throw new errors.RateLimitError(
        `Too many requests from this address: try again in ${seconds} seconds. Requests already accepted are kept.`,
        { retryAfter: seconds }
      );
    }
    await next();
  };
};
