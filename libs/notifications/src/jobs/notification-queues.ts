import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions } from 'bullmq';
import { APP_CONFIG, AppConfig, JobQueues } from '@app/core';
import { JOBS_TO_QUEUE, JobName, JobPayloads, QueueName } from './queues';

/** The producer side of the notifications' queues (mail). */
@Injectable()
export class NotificationQueues extends JobQueues<QueueName> implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config);
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
}
