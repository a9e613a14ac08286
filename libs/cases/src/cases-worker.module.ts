import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { Case } from './common/entities/case.entity';
import { CaseGround } from './common/entities/case-ground.entity';
import { CaseHistoryEntry } from './workflow/entities/case-history-entry.entity';
import { CaseReferral } from './referrals/entities/case-referral.entity';
import { ReferralDocument } from './referrals/entities/referral-document.entity';
import { CaseClock } from './clocks/entities/case-clock.entity';
import { CaseClocksModule } from './clocks/case-clocks.module';
import { ClockChecksService } from './clocks/services/clock-checks.service';
import { CaseJobQueues } from './jobs/case-job-queues';
import { CaseJobsProcessor } from './jobs/case-jobs.processor';
import { CaseLinks } from './notifications/services/case-links';
import { OverdueReferralsService } from './referrals/services/overdue-referrals.service';
import { EvidenceStore } from './evidence/services/evidence-store.service';
import { FollowUpAttemptsStore } from './follow-up/services/follow-up-attempts.store';
import { PersonalDataEraser } from './retention/services/personal-data-eraser.service';
import { RetentionService } from './retention/services/retention.service';
import { StalePartSweeper } from './retention/services/stale-parts.service';

/**
 * The cases' side of the worker: its own scheduled jobs (the daily referral-overdue check and
 * retention erasure, `jobs/case-jobs.ts`), run by its own processor. No controllers. Imported
 * by apps/worker only; the app composes the case event listeners (`CaseEventsModule`).
 */
@Module({
  imports: [
    CaseClocksModule,
    IdentityModule,
    NotificationsModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      Case,
      CaseClock,
      CaseGround,
      CaseHistoryEntry,
      CaseReferral,
      ReferralDocument,
    ]),
  ],
  providers: [
    CaseJobQueues,
    CaseJobsProcessor,
    CaseLinks,
    ClockChecksService,
    OverdueReferralsService,
    EvidenceStore,
    FollowUpAttemptsStore,
    PersonalDataEraser,
    RetentionService,
    StalePartSweeper,
  ],
  exports: [CaseJobQueues, ClockChecksService],
})
export class CasesWorkerModule {}
