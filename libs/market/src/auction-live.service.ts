import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { AppConfig, redisConnectionOptions } from '@techbridge/platform';

export interface AuctionLiveEvent {
  type: 'bid' | 'closed' | 'offered' | 'sold' | 'unsold';
  auctionId: string;
  at: string;
  seq?: number;
  paddle?: number;
  amount?: number;
  closesAt?: string;
  extensions?: number;
  status?: string;
}

/**
 * Live auction events to watchers (server-sent events). Published on Redis after the transaction committed, so the
 * api process that holds a watcher's stream hears bids taken by another api process and the close taken by the worker.
 * Connections open on first use; a process with no watcher never subscribes.
 */
@Injectable()
export class AuctionLiveService implements OnModuleDestroy {
  private readonly logger = new Logger('AuctionLive');
  private readonly channelPrefix: string;
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly streams = new Map<string, Subject<AuctionLiveEvent>>();

  constructor(private readonly config: AppConfig) {
    this.channelPrefix = `${config.QUEUE_PREFIX}:market:auction:`;
  }

  private connect(): Redis {
    return new Redis({ ...redisConnectionOptions(this.config.REDIS_URL), maxRetriesPerRequest: 3, retryStrategy: (n) => Math.min(n * 100, 1000) });
  }

  /** Best effort: a lost event costs a watcher a refresh, never a bid (the bid is committed before this runs). */
  async publish(e: AuctionLiveEvent): Promise<void> {
    try {
      this.publisher ??= this.connect();
      await this.publisher.publish(this.channelPrefix + e.auctionId, JSON.stringify(e));
    } catch (err) {
      this.logger.warn({ err, auctionId: e.auctionId }, 'live auction event not published');
    }
  }

  watch(auctionId: string): Observable<AuctionLiveEvent> {
    this.ensureSubscribed();
    let s = this.streams.get(auctionId);
    if (!s) {
      s = new Subject<AuctionLiveEvent>();
      this.streams.set(auctionId, s);
    }
    const subject = s;
    return new Observable<AuctionLiveEvent>((sub) => {
      const inner = subject.subscribe(sub);
      return () => {
        inner.unsubscribe();
        if (!subject.observed) this.streams.delete(auctionId);
      };
    });
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    this.subscriber = this.connect();
    void this.subscriber.psubscribe(`${this.channelPrefix}*`).catch((err) => this.logger.warn({ err }, 'live auction subscription failed'));
    this.subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
      const s = this.streams.get(channel.slice(this.channelPrefix.length));
      if (!s) return;
      try {
        s.next(JSON.parse(message) as AuctionLiveEvent);
      } catch {
        // A malformed message is not ours: ignore it.
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of this.streams.values()) s.complete();
    this.streams.clear();
    await Promise.all([this.publisher, this.subscriber].map((r) => (r ? r.quit().catch(() => undefined) : undefined)));
  }
}
