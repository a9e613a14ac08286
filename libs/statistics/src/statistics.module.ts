import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
import { RegionalComparisons } from './services/regional-comparison.service';
import { RegionalReports } from './services/regional-report.service';
import { StatisticsExport } from './services/statistics-export.service';
import { StatisticsImport } from './services/statistics-import.service';
import { StatisticsPages } from './services/statistics-pages.service';
import { StatisticsPublishing } from './services/statistics-publishing.service';
import { StatisticsRecompute } from './services/statistics-recompute.service';
import { StatisticsService } from './services/statistics.service';

/**
 * Yearly statistics: the public and staff pages, exports, publishing, the import of earlier
 * cases and the recompute check. The counters move with every change through the listeners of
 * `StatisticsListenersModule`, wired where each app is composed.
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
    RegionalComparisons,
    RegionalReports,
    StatisticsExport,
    StatisticsImport,
    StatisticsPages,
    StatisticsPublishing,
    StatisticsRecompute,
    StatisticsService,
  ],
  exports: [RegionalComparisons, RegionalReports, StatisticsRecompute, StatisticsService],
})
export class StatisticsModule {}
