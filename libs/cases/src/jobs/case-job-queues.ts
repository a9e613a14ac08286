import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobQueues } from '@app/core';
import type { CaseQueueName } from './case-jobs';

/** The producer side of the cases' queues (the schedulers of the daily jobs). */
@Injectable()
export class CaseJobQueues extends JobQueues<CaseQueueName> implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config);
  }
}
