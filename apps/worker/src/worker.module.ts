import { DynamicModule, Module } from '@nestjs/common';
import { CasesWorkerModule, OverdueReferralsJob, RetentionService } from '@app/cases';
import { AppConfig, CoreModule } from '@app/core';
import { NotificationsWorkerModule } from '@app/notifications';

/**
 * The background process: no controllers, only the modules that hold queue processors,
 * the outbox relay and scheduled jobs.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({ applicationName: 'pmd-worker', config }),
        NotificationsWorkerModule.register({
          imports: [CasesWorkerModule],
          overdueReferralsHandler: OverdueReferralsJob,
          retentionHandler: RetentionService,
        }),
      ],
    };
  }
}
