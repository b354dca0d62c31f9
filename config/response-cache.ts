import type { Core } from '@strapi/strapi';

/** A whole number from the environment, or `fallback` when unset, empty or not a number. */
const whole = (raw: string, fallback: number) =>
  /^\d+$/.test(raw.trim()) ? Number(raw) : fallback;

/**
 * The publish-aware response cache of the website's anonymous content-API reads
 * (docs/decisions/0034-response-cache.md).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const purgeUrl = env('CACHE_PURGE_URL', '');
  return {
    /** `off` disables it entirely (the bench compares both). */
    enabled: env('RESPONSE_CACHE', 'on') !== 'off',
    /** Memory bound of each node's in-process LRU, in MiB of cached bodies. */
    maxMb: whole(env('RESPONSE_CACHE_MAX_MB', ''), 64),
    /** With Redis, invalidations reach every node (pub/sub); entries stay in each node's LRU. */
    redisUrl: env('REDIS_URL', ''),
    /** Told the surrogate keys of each invalidation (a CDN or reverse proxy purges them). */
    purgeUrl,
    /**
     * How long a shared cache (CDN) may keep an answer without asking again: 0 without a purge
     * hook (it revalidates each time with the ETag, a cheap 304 here), 300 s with one.
     */
    sMaxAge: whole(env('RESPONSE_CACHE_S_MAXAGE', ''), purgeUrl ? 300 : 0),
  };
};
