import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, createRedis } from '@app/core';
import { JOBS_TO_QUEUE, JobName, JobPayloads, QueueName, queuePrefix } from './queues';

/**
 * The producer side of the queues, opened on first use. Its Redis connection fails fast (no
 * offline queue), so a caller learns at once that Redis is away instead of waiting on it.
 */
@Injectable()
export class NotificationQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationQueues.name);
  private connection?: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

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

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis(), prefix: queuePrefix(this.config) });
      // Connection errors are reported by the caller that needed Redis; one line here at most.
      queue.on('error', (error) => this.logger.debug(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<J extends JobName>(
    name: J,
    data: JobPayloads[J],
    options: JobsOptions,
  ): Promise<Job<JobPayloads[J]>> {
    return this.queue(JOBS_TO_QUEUE[name]).add(name, data, options);
  }

  async addBulk<J extends JobName>(
    name: J,
    jobs: readonly { data: JobPayloads[J]; opts: JobsOptions }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(JOBS_TO_QUEUE[name]).addBulk(jobs.map((job) => ({ name, ...job })));
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
