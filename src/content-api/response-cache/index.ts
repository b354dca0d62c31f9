import type { Core } from '@strapi/strapi';
import { InvalidationBus } from './bus';
import { openFrontDoor } from './front-door';
import { ALL, ResponseStore } from './store';
import { UPLOAD_FILE, changeTags, typeTag } from './tags';

export { ALL } from './store';
export type { CachedResponse } from './store';

export interface ResponseCacheSettings {
  enabled: boolean;
  maxMb: number;
  redisUrl: string;
  purgeUrl: string;
  sMaxAge: number;
}

/** Changes after which no cached answer can be trusted: who may read what, in which locale. */
const FLUSH_MODELS = new Set([
  'plugin::users-permissions.role',
  'plugin::users-permissions.permission',
  'plugin::i18n.locale',
  'admin::api-token',
  'admin::api-token-permission',
  'strapi::core-store',
]);

const WRITES = [
  'afterCreate',
  'afterUpdate',
  'afterDelete',
  'afterCreateMany',
  'afterUpdateMany',
  'afterDeleteMany',
] as const;

type LifecycleEvent = {
  action: string;
  model: { uid: string };
  params?: { data?: Record<string, unknown>; where?: Record<string, unknown> };
  result?: unknown;
  state?: Record<string, unknown>;
};

/**
 * The response cache of one node: its LRU, the lifecycle subscription that invalidates it after
 * each committed write, the Redis bus that shares those invalidations, and the purge hook.
 */
export class ResponseCache {
  readonly store: ResponseStore;
  readonly tagsByType = new Map<string, string[]>();
  /** Hits the front door answered ahead of the middleware stack (front-door.ts). */
  frontDoorHits = 0;
  private bus: InvalidationBus | null = null;
  private readonly pending = new WeakMap<object, Set<string>>();
  private unsubscribe: (() => void) | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly strapi: Core.Strapi,
    readonly settings: ResponseCacheSettings
  ) {
    this.store = new ResponseStore(Math.max(1, settings.maxMb) * 1024 * 1024);
  }

  /** False while a shared cache has lost its subscription: no answer is served or stored. */
  get usable(): boolean {
    return this.bus === null || this.bus.isHealthy;
  }

  start(): void {
    const { strapi } = this;
    if (this.settings.redisUrl) {
      this.bus = new InvalidationBus(this.settings.redisUrl, {
        onInvalidate: (tags) => this.store.invalidate(tags),
        onHealth: (healthy) => {
          // Messages may have been missed while down; what was filled before is not trusted.
          this.store.invalidate([ALL]);
          if (healthy) this.lastError = null;
          if (!healthy)
            strapi.log.warn('[response-cache] Redis subscription lost: serving uncached');
        },
        // ioredis retries every 2 s while Redis is away: say each new error once, not each retry.
        onError: (error) => {
          if (error.message === this.lastError) return;
          this.lastError = error.message;
          strapi.log.warn(`[response-cache] Redis: ${error.message}`);
        },
      });
    }
    const models = [
      ...Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')),
      UPLOAD_FILE,
      ...FLUSH_MODELS,
    ].filter((uid) => strapi.db.metadata.has(uid));
    const subscriber: Record<string, unknown> = { models };
    for (const action of WRITES) {
      subscriber[action] = (event: LifecycleEvent) => this.onWrite(event);
    }
    // An update that writes `publishedAt: null` is a draft save, unless the row was published
    // (an unpublication by a direct write): note which, before the row changes.
    subscriber.beforeUpdate = async (event: LifecycleEvent) => {
      const { data, where } = event.params ?? {};
      if (!event.model.uid.startsWith('api::') || data?.publishedAt !== null || !where) return;
      const published = await strapi.db
        .query(event.model.uid as never)
        .count({ where: { $and: [where, { publishedAt: { $notNull: true } }] } });
      event.state = { ...event.state, wasPublished: published > 0 };
    };
    this.unsubscribe = strapi.db.lifecycles.subscribe(subscriber as never) as () => void;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.bus?.close();
    this.bus = null;
  }

  /**
   * Invalidates `tags` on this node, on the others (Redis) and at the CDN (purge hook). Called
   * once a write is committed: a read that began before sees its epoch moved and stores nothing.
   */
  invalidate(tags: string[]): void {
    const keys = tags.includes(ALL) ? [ALL] : [...new Set(tags)];
    this.store.invalidate(keys);
    this.bus?.publish(keys);
    if (this.settings.purgeUrl) void this.purge(keys);
  }

  /** Flushes every node's cache (tests that write rows with raw SQL, which no lifecycle sees). */
  flush(): void {
    this.invalidate([ALL]);
  }

  private async onWrite(event: LifecycleEvent): Promise<void> {
    const tags = tagsOfWrite(event);
    if (tags.length === 0) return;
    const { db } = this.strapi;
    if (!db.inTransaction()) {
      this.invalidate(tags);
      return;
    }
    // Inside a transaction: collect, and invalidate once it commits (never if it rolls back).
    await db.transaction(async ({ trx, onCommit }) => {
      let pending = this.pending.get(trx);
      if (!pending) {
        const collected = new Set<string>();
        pending = collected;
        this.pending.set(trx, collected);
        onCommit(() => {
          this.pending.delete(trx);
          try {
            this.invalidate([...collected]);
          } catch (error) {
            this.strapi.log.error(`[response-cache] invalidation failed: ${String(error)}`);
          }
        });
      }
      for (const tag of tags) pending.add(tag);
    });
  }

  private async purge(keys: string[]): Promise<void> {
    try {
      const response = await fetch(this.settings.purgeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ keys }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      this.strapi.log.warn(`[response-cache] purge hook failed: ${(error as Error).message}`);
    }
  }
}

/** The tags a committed row write invalidates; none for a draft row (the public never sees it). */
export function tagsOfWrite(event: LifecycleEvent): string[] {
  const uid = event.model.uid;
  const data = event.params?.data ?? {};
  if (FLUSH_MODELS.has(uid)) {
    // Strapi notes a token's last use on each request: not a change of who may read what.
    if (uid === 'admin::api-token' && event.action === 'afterUpdate') {
      const changed = Object.keys(data).filter((key) => !['lastUsedAt', 'updatedAt'].includes(key));
      if (changed.length === 0) return [];
    }
    // The core store holds i18n's default locale (an absent ?locale=), among other settings.
    if (uid === 'strapi::core-store') {
      const key = String(
        data.key ?? event.params?.where?.key ?? (event.result as { key?: unknown })?.key ?? ''
      );
      if (!key.includes('i18n')) return [];
    }
    return [ALL];
  }
  if (uid === UPLOAD_FILE) {
    // A new file is shown by nothing yet: the publication that links it invalidates its answers.
    return event.action === 'afterCreate' || event.action === 'afterCreateMany'
      ? []
      : [typeTag(uid)];
  }
  if (event.action.endsWith('Many')) {
    const documentId = event.params?.where?.documentId;
    return changeTags(uid, typeof documentId === 'string' ? documentId : undefined);
  }
  const row = event.result as { documentId?: unknown; publishedAt?: unknown } | null | undefined;
  if (!row) return [];
  if (row.publishedAt === null) {
    // A draft row: created, deleted or saved as a draft, nothing public changed — unless an
    // update wrote `publishedAt: null` over a published row (or we could not tell).
    const unpublished =
      event.action === 'afterUpdate' &&
      'publishedAt' in data &&
      (event.state as { wasPublished?: boolean } | undefined)?.wasPublished !== false;
    if (!unpublished) return [];
  }
  return changeTags(uid, typeof row.documentId === 'string' ? row.documentId : undefined);
}

/** Its name in Strapi's container, where the middleware, the tests and scripts find it. */
const SERVICE = 'response-cache';

/** Starts the response cache of this app (bootstrap), unless RESPONSE_CACHE=off. */
export function setUpResponseCache(strapi: Core.Strapi): ResponseCache | null {
  const settings = strapi.config.get('response-cache') as ResponseCacheSettings | undefined;
  if (!settings?.enabled) return null;
  const cache = new ResponseCache(strapi, settings);
  cache.start();
  strapi.add(SERVICE, cache);
  // Hits of the Public role answered on the HTTP server, ahead of the middleware stack.
  openFrontDoor(strapi, cache);
  return cache;
}

/** The running cache of this app, or null when it is off. */
export function responseCacheOf(strapi: Core.Strapi): ResponseCache | null {
  return strapi.has(SERVICE) ? (strapi.get(SERVICE) as ResponseCache) : null;
}

/** Stops the cache's subscriptions (destroy). */
export async function stopResponseCache(strapi: Core.Strapi): Promise<void> {
  await responseCacheOf(strapi)?.stop();
}

/** Flushes the cache on every node: for writes no lifecycle sees (raw SQL). */
export function flushResponseCache(strapi: Core.Strapi): void {
  responseCacheOf(strapi)?.flush();
}
