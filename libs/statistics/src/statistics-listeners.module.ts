import { Module } from '@nestjs/common';
import { StatisticsCaseListener } from './services/statistics-case-listener';
import { StatisticsMeetingListener } from './services/statistics-meeting-listener';

/**
 * The listeners that move the counters with every case and meeting change, for
 * `CaseEventsModule.forRoot` and `MeetingEventsModule.forRoot`. They need only the caller's
 * transaction, so the worker gets them without the statistics pages.
 */
@Module({
  providers: [StatisticsCaseListener, StatisticsMeetingListener],
  exports: [StatisticsCaseListener, StatisticsMeetingListener],
})
export class StatisticsListenersModule {}
