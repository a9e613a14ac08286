/** Yearly statistics: counters moved with every change, pages, exports, publishing, import. */
export * from './domain/counter-key';
export { parseCsv } from './domain/csv';
export * from './domain/statistics-permissions';
export * from './domain/case-deltas';
export * from './domain/outcome-days';
export * from './domain/stage-timeliness';
export * from './domain/yearly-figures';
export * from './domain/import-format';
export * from './domain/import-reading';
export * from './domain/import-validation';
export * from './domain/disclosure-control';
export * from './domain/disclosure-audit';
export * from './domain/disclosure-attacker';
export * from './domain/regional-comparison';
export * from './domain/regional-report';
export * from './domain/regional-report-validation';
export {
  RegionalReportInvalidError,
  StatisticsActionForbiddenError,
} from './exceptions/statistics.errors';
export * from './services/regional-comparison.service';
export * from './services/regional-report.service';
export * from './services/statistics-import.service';
export * from './services/statistics-publishing.service';
export * from './services/statistics-case-listener';
export * from './services/statistics-meeting-listener';
export * from './services/statistics-recompute.service';
export * from './services/statistics.service';
export { PublishPreview, StatisticsPages } from './services/statistics-pages.service';
export * from './statistics.module';
export * from './statistics-listeners.module';

import { StatCaseOutcome } from './entities/stat-case-outcome.entity';
import { StatCounter } from './entities/stat-counter.entity';
import { StatImportedMeetings } from './entities/stat-imported-meetings.entity';
import { StatImportedReferral } from './entities/stat-imported-referral.entity';
import { StatOutcomeDays } from './entities/stat-outcome-days.entity';
import { StatSnapshot } from './entities/stat-snapshot.entity';
import { StatStageDays } from './entities/stat-stage-days.entity';
export const STATISTICS_ENTITIES = [
  StatCaseOutcome,
  StatCounter,
  StatImportedMeetings,
  StatImportedReferral,
  StatOutcomeDays,
  StatSnapshot,
  StatStageDays,
];
