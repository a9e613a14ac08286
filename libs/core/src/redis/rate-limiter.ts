import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { Clock } from '../clock/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LocalRateLimiter } from './local-rate-limiter';
import { REDIS } from './redis';

export interface RateLimitOptions {
  /**
   * While Redis is away, let every request through instead of counting in this process. Only
   * for intake, where losing a report is worse than a flood; limits that guard secrets
   * (passwords, receipt codes) must never become unlimited.
   */
  failOpen?: boolean;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window ends when refused; 0 when allowed. */
  retryAfterSeconds: number;
}

// One round trip, atomic: the first hit of a window starts its expiry. A key left without
// expiry (a crash between INCR and EXPIRE cannot happen inside a script, but be safe) gets one.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

// The count of a window and its seconds left, without counting anything.
const PEEK_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('TTL', KEYS[1])
return {count, ttl}
`;

/**
 * Fixed-window counters in Redis, shared by every process. When Redis is away a limit counts in
 * this process instead (each process then allows up to the limit: bounded, and the service
 * stays usable), unless the caller asked to fail open.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly local = new LocalRateLimiter();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one hit of `key` (e.g. a hashed client address) in `bucket` and says whether it is
   * within `limit` hits per `windowSeconds`.
   */
  async hit(
    bucket: string,
    key: string,
    limit: number,
    windowSeconds: number,
    options: RateLimitOptions = {},
  ): Promise<RateLimitResult> {
    const redisKey = `${this.config.redis.keyPrefix}:ratelimit:${bucket}:${key}`;
    try {
      const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, redisKey, windowSeconds)) as [
        number,
        number,
      ];
      if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, ttl) };
    } catch (error) {
      // The key can hold an address: only the bucket is logged.
      this.logger.warn({
        msg: options.failOpen
          ? 'rate limiter unavailable, request allowed'
          : 'rate limiter unavailable, counted in this process',
        bucket,
        errorName: error instanceof Error ? error.name : typeof error,
      });
      if (options.failOpen) return { allowed: true, retryAfterSeconds: 0 };
      return this.local.hit(`${bucket}:${key}`, limit, windowSeconds, this.clock.now().getTime());
    }
  }

  /**
   * Whether one more hit would be within `limit`, counting nothing: for limits where only a
   * success counts, checked before the work and followed by `hit` after it succeeded. Requests
   * that pass the check together can each be counted, so concurrent successes may overshoot the
   * limit by at most their number less one; no failure ever counts.
   */
  async check(
    bucket: string,
    key: string,
    limit: number,
    windowSeconds: number,
    options: RateLimitOptions = {},
  ): Promise<RateLimitResult> {
    const redisKey = `${this.config.redis.keyPrefix}:ratelimit:${bucket}:${key}`;
    try {
      const [count, ttl] = (await this.redis.eval(PEEK_SCRIPT, 1, redisKey)) as [number, number];
      if (count < limit) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: ttl > 0 ? ttl : windowSeconds };
    } catch (error) {
      this.logger.warn({
        msg: options.failOpen
          ? 'rate limiter unavailable, request allowed'
          : 'rate limiter unavailable, checked in this process',
        bucket,
        errorName: error instanceof Error ? error.name : typeof error,
      });
      if (options.failOpen) return { allowed: true, retryAfterSeconds: 0 };
      return this.local.peek(`${bucket}:${key}`, limit, this.clock.now().getTime());
    }
  }
}
