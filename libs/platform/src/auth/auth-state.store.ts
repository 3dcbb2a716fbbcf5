import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { redisConnectionOptions } from '../queue/redis-connection';

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * Short-lived authentication state shared by every api process, in Redis: signed-out sessions whose access tokens
 * must stop working before they expire (a deny-list), and failed sign-ins per account with the lock they lead to.
 * Keys carry the deployment's prefix and hash the account, so no e-mail address is stored in Redis.
 */
@Injectable()
export class AuthStateStore implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly logger = new Logger('AuthStateStore');

  constructor(config: AppConfig) {
    // Connects on first use (the worker never uses it). A dropped connection is retried for a few seconds (a blip
    // must not fail sign-ins), but a request must fail rather than wait for a Redis that is gone.
    this.redis = new Redis({
      ...redisConnectionOptions(config.REDIS_URL),
      lazyConnect: true,
      maxRetriesPerRequest: 10,
      retryStrategy: (times) => Math.min(times * 100, 1000),
    });
    this.prefix = `${config.QUEUE_PREFIX}:auth:`;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status !== 'wait' && this.redis.status !== 'end') await this.redis.quit().catch(() => undefined);
  }

  /** Every access token of the session is refused from now until `seconds` from now (their longest remaining life). */
  async revokeSession(sessionId: string, seconds: number): Promise<void> {
    await this.call(() => this.redis.set(`${this.prefix}revoked:${sessionId}`, '1', 'EX', Math.max(1, Math.ceil(seconds))));
  }

  async isSessionRevoked(sessionId: string): Promise<boolean> {
    return (await this.call(() => this.redis.exists(`${this.prefix}revoked:${sessionId}`))) === 1;
  }

  /** Milliseconds the account stays locked at `now` (0: not locked). The lock's end is read against the injectable clock. */
  async lockRemainingMs(account: string, now: Date): Promise<number> {
    const until = Number(await this.call(() => this.redis.get(this.lockKey(account))));
    return until > now.getTime() ? until - now.getTime() : 0;
  }

  /**
   * Counts a failed sign-in; the `maxFailures`-th within `lockMs` locks the account for `lockMs` and starts the count
   * afresh. Returns the lock's remaining milliseconds (0 while under the limit).
   */
  async recordFailure(account: string, now: Date, maxFailures: number, lockMs: number): Promise<number> {
    const key = `${this.prefix}fail:${hashOf(account)}`;
    const failures = await this.call(() => this.redis.incr(key));
    if (failures === 1) await this.call(() => this.redis.pexpire(key, lockMs));
    if (failures < maxFailures) return 0;
    await this.call(() => this.redis.multi().set(this.lockKey(account), String(now.getTime() + lockMs), 'PX', lockMs).del(key).exec());
    return lockMs;
  }

  async clearFailures(account: string): Promise<void> {
    await this.call(() => this.redis.del(`${this.prefix}fail:${hashOf(account)}`));
  }

  private lockKey(account: string): string {
    return `${this.prefix}lock:${hashOf(account)}`;
  }

  /** Redis down: the api cannot tell a revoked session or a locked account, so it refuses (503) rather than guess. */
  private async call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      this.logger.warn(`Redis for authentication state failed: ${err instanceof Error ? err.message : String(err)}`);
      throw new DomainError('unavailable', 'AUTH_STATE_UNAVAILABLE', { zh: '认证服务暂不可用，请稍后重试', en: 'Authentication state is unavailable; try again shortly' });
    }
  }
}
