import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { AppConfig } from '../config';
import { createRedis } from '../redis';

/**
 * BullMQ keeps queues under `<prefix>:<queue>`. The installation's REDIS_KEY_PREFIX is that
 * prefix, so two installations (or two test runs) on one Redis never see each other's jobs.
 */
export function queuePrefix(config: AppConfig): string {
  return `${config.redis.keyPrefix}:bull`;
}

/**
 * The producer side of one context's queues, opened on first use. Its Redis connection fails
 * fast (no offline queue), so a caller learns at once that Redis is away instead of waiting on
 * it. Each context extends it with its own queue names (its job catalogue).
 */
export abstract class JobQueues<Q extends string> {
  private readonly logger = new Logger(this.constructor.name);
  private connection?: Redis;
  private readonly queues = new Map<Q, Queue>();

  protected constructor(protected readonly config: AppConfig) {}

  /**
   * True when Redis answers (waiting a little for a connection still being opened). BullMQ
   * waits for Redis instead of failing, so callers ask first rather than block.
   */
  async reachable(timeoutMs = 2000): Promise<boolean> {
    const redis = this.redis();
    if (redis.status === 'ready') return true;
    if (redis.status !== 'connecting' && redis.status !== 'connect' && redis.status !== 'wait') {
      return false;
    }
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        redis.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      redis.once('ready', onReady);
    });
  }

  queue(name: Q): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis(), prefix: queuePrefix(this.config) });
      // Connection errors are reported by the caller that needed Redis; one line here at most.
      queue.on('error', (error) => this.logger.debug(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * The queue once its connection is ready. Asked before BullMQ calls that reach Redis through
   * its job scheduler: that path awaits the connection inside a promise executor, so a failed
   * connection there is an unhandled rejection and a call that never returns. A queue whose
   * connection failed to start is dropped (BullMQ does not start it again) and the error thrown.
   */
  async readyQueue(name: Q): Promise<Queue> {
    const queue = this.queue(name);
    try {
      await queue.waitUntilReady();
      return queue;
    } catch (error) {
      this.queues.delete(name);
      void queue.close().catch(() => undefined);
      throw error;
    }
  }

  private redis(): Redis {
    if (!this.connection) this.connection = createRedis(this.config, 'queue-producer');
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    this.connection?.disconnect();
  }
}
