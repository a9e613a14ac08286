import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');

export type RedisPurpose = 'server' | 'queue-producer' | 'queue-worker';

/**
 * Opens a Redis connection with the settings each use needs. BullMQ workers require
 * `maxRetriesPerRequest: null` (they block and must not give up); request-path clients fail
 * fast instead, so that intake keeps working while Redis is away.
 */
export function createRedis(config: AppConfig, purpose: RedisPurpose): Redis {
  const options: RedisOptions = {
    connectionName: `pmd-${purpose}`,
    lazyConnect: false,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  };
  if (purpose === 'queue-worker') {
    options.maxRetriesPerRequest = null;
  } else {
    options.maxRetriesPerRequest = 1;
    options.enableOfflineQueue = false;
    options.connectTimeout = 2000;
  }
  const redis = new Redis(config.redis.url, options);
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
  redis.on('error', () => undefined);
  return redis;
}

/** Warns when Redis could evict keys: BullMQ loses jobs under any policy but noeviction. */
export async function checkEvictionPolicy(
  redis: Redis,
  logger = new Logger('Redis'),
): Promise<string | undefined> {
  try {
    if (redis.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timeout')), 3000);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply?.[1];
    if (policy && policy !== 'noeviction') {
      logger.warn(
        `Redis maxmemory-policy is "${policy}": queued notifications can be evicted and lost. Set maxmemory-policy noeviction.`,
      );
    }
    return policy;
  } catch {
    logger.warn('Could not read Redis maxmemory-policy (CONFIG GET refused or Redis unreachable)');
    return undefined;
  }
}
