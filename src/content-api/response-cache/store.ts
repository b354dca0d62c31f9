import { LRUCache } from 'lru-cache';

/**
 * One cached answer: the JSON body as sent, its strong ETag, the tags it depends on, and the
 * headers the middleware stack sent with it, flat, by the request's Origin (for the front door).
 */
export interface CachedResponse {
  body: Buffer;
  etag: string;
  tags: readonly string[];
  headers: Map<string, string[]>;
}

/** The tag every entry carries: invalidating it flushes everything. */
export const ALL = 'all';

/** How many past invalidations a fill started before them can be checked against. */
const LOG_SIZE = 1024;

/**
 * The in-process LRU of one node, bounded by the bytes it holds, with a tag index for precise
 * invalidation and an invalidation counter (`epoch`) against the fill race: a read captures the
 * epoch when it starts, and its answer is stored only if no invalidation since then touched one
 * of its tags (it may have read the rows before the write committed).
 */
export class ResponseStore {
  private readonly lru: LRUCache<string, CachedResponse>;
  private readonly byTag = new Map<string, Set<string>>();
  private log: Array<{ epoch: number; tags: ReadonlySet<string> }> = [];
  private current = 0;

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      // One answer may take at most a quarter of the cache (a page of 100 long texts fits).
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
      sizeCalculation: (entry, key) => entry.body.length + key.length + 64,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** The invalidation counter: capture it before reading, hand it to `set`. */
  get epoch(): number {
    return this.current;
  }

  get size(): number {
    return this.lru.size;
  }

  get(key: string): CachedResponse | undefined {
    return this.lru.get(key);
  }

  /** Stores `entry` unless an invalidation since `startEpoch` touched its tags; true if stored. */
  set(key: string, entry: CachedResponse, startEpoch: number): boolean {
    if (startEpoch !== this.current) {
      const oldest = this.log[0]?.epoch ?? Infinity;
      // The log no longer reaches back to the read's start: we cannot tell, so do not store.
      if (startEpoch < oldest - 1) return false;
      const touched = this.log.some(
        ({ epoch, tags }) =>
          epoch > startEpoch && (tags.has(ALL) || entry.tags.some((tag) => tags.has(tag)))
      );
      if (touched) return false;
    }
    this.lru.set(key, entry);
    if (!this.lru.has(key)) return false; // larger than maxEntrySize
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  /** Drops every entry carrying one of `tags` (`all` drops everything). */
  invalidate(tags: readonly string[]): void {
    this.current += 1;
    this.log.push({ epoch: this.current, tags: new Set(tags) });
    if (this.log.length > LOG_SIZE) this.log = this.log.slice(-LOG_SIZE);
    if (tags.includes(ALL)) {
      this.lru.clear();
      this.byTag.clear();
      return;
    }
    for (const tag of tags) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) this.lru.delete(key);
    }
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}
