import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, CoreModule, PAGE_ERROR_RENDERER } from '@app/core';
import {
  CaseClockListener,
  CaseClocksModule,
  CaseEventsModule,
  CaseNotifications,
  CaseNotificationsModule,
  CasesModule,
} from '@app/cases';
import { HelpModule } from '@app/help';
import { IdentityModule, StaffHomeModule } from '@app/identity';
import { MeetingEventsModule, MeetingsModule, MemberHomeSection } from '@app/meetings';
import { NotificationsModule } from '@app/notifications';
import {
  StatisticsCaseListener,
  StatisticsListenersModule,
  StatisticsMeetingListener,
  StatisticsModule,
} from '@app/statistics';
import { TaxonomyModule } from '@app/taxonomy';
import { HealthController } from './health/health.controller';
import { ErrorPageRenderer } from './pages/error-page.renderer';
import { HomeController } from './pages/home.controller';

/**
 * The HTTP app (and the CLI's application context): composes the libs' modules; holds no state
 * of its own. The listeners below are every reaction that runs in the transaction of a case or
 * meeting change in this process.
 */
@Module({})
export class AppModule {
  /** `clock` replaces the system clock (tests). */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ applicationName: 'pmd-server', config, clock }),
        CaseEventsModule.forRoot({
          imports: [CaseClocksModule, CaseNotificationsModule, StatisticsListenersModule],
          // The clocks first: the statistics count the stages a change stopped.
          listeners: [CaseClockListener, StatisticsCaseListener, CaseNotifications],
        }),
        CasesModule,
        HelpModule,
        IdentityModule,
        MeetingEventsModule.forRoot({
          imports: [StatisticsListenersModule],
          listeners: [StatisticsMeetingListener],
        }),
        MeetingsModule,
        NotificationsModule,
        StaffHomeModule.forRoot({ imports: [MeetingsModule], sections: [MemberHomeSection] }),
        StatisticsModule,
        TaxonomyModule,
      ],
      controllers: [HealthController, HomeController],
      providers: [{ provide: PAGE_ERROR_RENDERER, useClass: ErrorPageRenderer }],
      exports: [PAGE_ERROR_RENDERER],
    };
  }
}
