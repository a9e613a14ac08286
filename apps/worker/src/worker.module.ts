import { DynamicModule, Module } from '@nestjs/common';
import {
  CaseClockListener,
  CaseClocksModule,
  CaseEventsModule,
  CaseNotifications,
  CaseNotificationsModule,
  CasesWorkerModule,
} from '@app/cases';
import { AppConfig, CoreModule } from '@app/core';
import { NotificationsWorkerModule } from '@app/notifications';
import { StatisticsCaseListener, StatisticsListenersModule } from '@app/statistics';

/**
 * The background process: no controllers, only the modules that hold queue processors, the
 * outbox relay and scheduled jobs. Each context runs its own jobs: cases the daily
 * referral-overdue check and retention erasure (`maintenance` queue), notifications the relay
 * and the mail (`mail` queue).
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
          imports: [CaseClocksModule, CaseNotificationsModule, StatisticsListenersModule],
          // The clocks first: the statistics count the stages a change stopped.
          listeners: [CaseClockListener, StatisticsCaseListener, CaseNotifications],
        }),
        CasesWorkerModule,
        NotificationsWorkerModule.register(),
      ],
    };
  }
}
