import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { Case } from './entities/case.entity';
import { CaseGround } from './entities/case-ground.entity';
import { CaseHistoryEntry } from './entities/case-history-entry.entity';
import { CaseReferral } from './entities/case-referral.entity';
import { ReferralDocument } from './entities/referral-document.entity';
import { OverdueReferralsJob } from './jobs/overdue-referrals.job';
import { CaseLinks } from './services/case-links';
import { CaseReferralsService } from './services/case-referrals.service';
import { EvidenceStore } from './services/evidence-store.service';
import { FollowUpAttemptsStore } from './services/follow-up-attempts.store';
import { PersonalDataEraser } from './services/personal-data-eraser.service';
import { RetentionService } from './services/retention.service';
import { StalePartSweeper } from './services/stale-parts.service';

/**
 * What the worker needs of cases: the referral-overdue check and the retention erasure, for
 * `NotificationsWorkerModule.register({ imports: [CasesWorkerModule], overdueReferralsHandler: OverdueReferralsJob })`.
 * No controllers.
 */
@Module({
  imports: [
    IdentityModule,
    NotificationsModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([Case, CaseGround, CaseHistoryEntry, CaseReferral, ReferralDocument]),
  ],
  providers: [
    CaseLinks,
    CaseReferralsService,
    EvidenceStore,
    FollowUpAttemptsStore,
    OverdueReferralsJob,
    PersonalDataEraser,
    RetentionService,
    StalePartSweeper,
  ],
  exports: [OverdueReferralsJob, RetentionService],
})
export class CasesWorkerModule {}
