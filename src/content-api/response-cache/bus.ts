import { randomUUID } from 'crypto';
import Redis from 'ioredis';

/** The Redis channel the nodes tell each other their invalidations on. */
export const CHANNEL = 'response-cache:invalidate';

interface Message {
  origin: string;
  tags: string[];
}

export interface BusEvents {
  /** Another node invalidated these tags. */
  onInvalidate(tags: string[]): void;
  /** The subscription is down (or up again): flush, and serve uncached until it is back. */
  onHealth(healthy: boolean): void;
  onError(error: Error): void;
}

/**
 * Invalidations shared across nodes by Redis pub/sub. Entries stay in each node's LRU; only the
 * tags travel. A node trusts its cache only while its subscription is confirmed: when the
 * connection drops it may miss messages, so it flushes and serves uncached until it has
 * subscribed again.
 */
export class InvalidationBus {
  readonly origin = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private healthy = false;
  private closed = false;

  constructor(
    url: string,
    private readonly events: BusEvents
  ) {
    const options = {
      maxRetriesPerRequest: null,
      retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000),
    };
    // Named, so that an operator (or a test) can tell each node's connections apart.
    const name = (role: string) => `response-cache-${role}-${process.pid}`;
    this.publisher = new Redis(url, { ...options, connectionName: name('pub') });
    this.subscriber = new Redis(url, { ...options, connectionName: name('sub') });
    this.publisher.on('error', (error: Error) => events.onError(error));
    this.subscriber.on('error', (error: Error) => events.onError(error));
    for (const event of ['close', 'end', 'reconnecting']) {
      this.subscriber.on(event, () => this.setHealthy(false));
    }
    this.subscriber.on('ready', () => void this.subscribe());
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      let message: Message;
      try {
        message = JSON.parse(text) as Message;
      } catch {
        return;
      }
      if (message.origin === this.origin || !Array.isArray(message.tags)) return;
      events.onInvalidate(message.tags.filter((tag) => typeof tag === 'string'));
    });
  }

  /** True while this node receives every other node's invalidations. */
  get isHealthy(): boolean {
    return this.healthy;
  }

  /** Tells the other nodes. A failed publish is reported; the next reconnect flushes them. */
  publish(tags: string[]): void {
    const message: Message = { origin: this.origin, tags };
    this.publisher.publish(CHANNEL, JSON.stringify(message)).catch((error: Error) => {
      this.events.onError(error);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.setHealthy(false);
    await Promise.all([
      this.publisher.quit().catch(() => this.publisher.disconnect()),
      this.subscriber.quit().catch(() => this.subscriber.disconnect()),
    ]);
  }

  private async subscribe(): Promise<void> {
    try {
      // Subscribing again is harmless; waiting for the reply is what makes the node trust it.
      await this.subscriber.subscribe(CHANNEL);
      if (!this.closed && this.subscriber.status === 'ready') this.setHealthy(true);
    } catch (error) {
      this.events.onError(error as Error);
    }
  }

  private setHealthy(healthy: boolean): void {
    if (this.healthy === healthy) return;
    this.healthy = healthy;
    this.events.onHealth(healthy);
  }
}
