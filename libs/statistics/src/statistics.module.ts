import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMessages } from '@app/core';
import { CasesModule } from '@app/cases';
import { IdentityModule } from '@app/identity';
import { TaxonomyModule } from '@app/taxonomy';
import { StatisticsApiController } from './controllers/statistics-api.controller';
import { StatisticsPagesController } from './controllers/statistics-pages.controller';
import { StatCaseOutcome } from './entities/stat-case-outcome.entity';
import { StatCounter } from './entities/stat-counter.entity';
import { StatImportedMeetings } from './entities/stat-imported-meetings.entity';
import { StatImportedReferral } from './entities/stat-imported-referral.entity';
import { StatOutcomeDays } from './entities/stat-outcome-days.entity';
import { StatSnapshot } from './entities/stat-snapshot.entity';
import { STATISTICS_MESSAGES } from './messages/statistics.messages';
import { StatisticsCaseListener } from './services/statistics-case-listener';
import { StatisticsExport } from './services/statistics-export.service';
import { StatisticsImport } from './services/statistics-import.service';
import { StatisticsPages } from './services/statistics-pages.service';
import { StatisticsPublishing } from './services/statistics-publishing.service';
import { StatisticsRecompute } from './services/statistics-recompute.service';
import { StatisticsRecorder } from './services/statistics-recorder.service';
import { StatisticsService } from './services/statistics.service';

registerMessages(STATISTICS_MESSAGES);

/**
 * Yearly statistics: summary counters moved in the transaction of every change (case events,
 * meetings through StatisticsRecorder), the public and staff pages, exports, publishing, the
 * import of earlier cases and the recompute check.
 */
@Module({
  imports: [
    CasesModule,
    IdentityModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      StatCaseOutcome,
      StatCounter,
      StatImportedMeetings,
      StatImportedReferral,
      StatOutcomeDays,
      StatSnapshot,
    ]),
  ],
  controllers: [StatisticsApiController, StatisticsPagesController],
  providers: [
    StatisticsCaseListener,
    StatisticsExport,
    StatisticsImport,
    StatisticsPages,
    StatisticsPublishing,
    StatisticsRecompute,
    StatisticsRecorder,
    StatisticsService,
  ],
  exports: [StatisticsRecompute, StatisticsRecorder, StatisticsService],
})
export class StatisticsModule {}
