import { DynamicModule, Module } from '@nestjs/common';
import {
  CaseEventsModule,
  CaseNotifications,
  CaseNotificationsModule,
  CasesWorkerModule,
  OverdueReferralsJob,
  RetentionService,
} from '@app/cases';
import { AppConfig, CoreModule } from '@app/core';
import { NotificationsWorkerModule } from '@app/notifications';
import { StatisticsCaseListener, StatisticsListenersModule } from '@app/statistics';

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
        // The same reactions as the server's: a job that changes a case is counted and mailed.
        CaseEventsModule.forRoot({
          imports: [CaseNotificationsModule, StatisticsListenersModule],
          listeners: [StatisticsCaseListener, CaseNotifications],
        }),
        NotificationsWorkerModule.register({
          imports: [CasesWorkerModule],
          overdueReferralsHandler: OverdueReferralsJob,
          retentionHandler: RetentionService,
        }),
      ],
    };
  }
}
