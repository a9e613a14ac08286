import { HelpModule } from '@app/help';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { CaseClocksModule } from './clocks/case-clocks.module';
import { CasesController } from './intake/controllers/cases.controller';
import { DirectoryController } from './directory/controllers/directory.controller';
import { DirectoryPagesController } from './directory/controllers/directory-pages.controller';
import { InstitutionContactPoint } from './directory/entities/institution-contact-point.entity';
import { InstitutionDirectoryService } from './directory/services/institution-directory.service';
import { DirectorySeeder } from './directory/services/directory-seeder';
import { HolidayPagesController } from './clocks/controllers/holiday-pages.controller';
import { PublicHolidaysService } from './clocks/services/public-holidays.service';
import { FollowUpPagesController } from './follow-up/controllers/follow-up-pages.controller';
import { FollowUpController } from './follow-up/controllers/follow-up.controller';
import { ReferralResponsePagesController } from './referrals/controllers/referral-response-pages.controller';
import { PartnerPagesController } from './partner/controllers/partner-pages.controller';
import { PartnerReportsApiController } from './partner/controllers/partner-reports-api.controller';
import { PartnerReportsService } from './partner/services/partner-reports.service';
import { ReportPagesController } from './intake/controllers/report-pages.controller';
import { StaffCasePagesController } from './staff-cases/controllers/staff-case-pages.controller';
import { StaffCasesController } from './staff-cases/controllers/staff-cases.controller';
import { WithdrawalPagesController } from './withdrawal/controllers/withdrawal-pages.controller';
import { WithdrawalController } from './withdrawal/controllers/withdrawal.controller';
import { Case } from './common/entities/case.entity';
import { CaseEvidence } from './evidence/entities/case-evidence.entity';
import { CaseGround } from './common/entities/case-ground.entity';
import { CaseHistoryEntry } from './workflow/entities/case-history-entry.entity';
import { CaseMessage } from './follow-up/entities/case-message.entity';
import { CaseNote } from './staff-cases/entities/case-note.entity';
import { CaseReferral } from './referrals/entities/case-referral.entity';
import { CaseReferenceCounter } from './intake/entities/case-reference-counter.entity';
import { FollowUpSession } from './follow-up/entities/follow-up-session.entity';
import { IdempotencyKey } from './intake/entities/idempotency-key.entity';
import { ReferralDocument } from './referrals/entities/referral-document.entity';
import { CaseHandlingService } from './staff-cases/services/case-handling.service';
import { CaseIntakeService } from './intake/services/case-intake.service';
import { CaseLinks } from './notifications/services/case-links';
import { CaseMessagesService } from './follow-up/services/case-messages.service';
import { CasePagesService } from './staff-cases/services/case-pages.service';
import { CaseReferralsService } from './referrals/services/case-referrals.service';
import { OverdueReferralsService } from './referrals/services/overdue-referrals.service';
import { ReferralAnswersService } from './referrals/services/referral-answers.service';
import { ReferralDocumentsService } from './referrals/services/referral-documents.service';
import { CaseQueryService } from './staff-cases/services/case-query.service';
import { CaseReferenceCounterService } from './intake/services/case-reference-counter.service';
import { CaseSubmissionPipe } from './intake/services/case-submission.pipe';
import { CaseSubmissionValidator } from './intake/services/case-submission.validator';
import { CaseWorkflowService } from './workflow/services/case-workflow.service';
import { EvidenceStore } from './evidence/services/evidence-store.service';
import { FollowUpAccessService } from './follow-up/services/follow-up-access.service';
import { FollowUpAttemptsStore } from './follow-up/services/follow-up-attempts.store';
import { FollowUpPagesService } from './follow-up/services/follow-up-pages.service';
import { FollowUpService } from './follow-up/services/follow-up.service';
import { HistoricalCases } from './intake/services/historical-cases.service';
import { IdempotencyService } from './intake/services/idempotency.service';
import { PersonalDataEraser } from './retention/services/personal-data-eraser.service';
import { ReceiptCodeHasher } from './intake/services/receipt-code-hasher';
import { ReferralResponsePagesService } from './referrals/services/referral-response-pages.service';
import { ReporterIdentityScreen } from './common/services/reporter-identity-screen';
import { CaseStatisticsSource } from './common/services/case-statistics-source';
import { AgendaCaseFacts } from './workflow/services/agenda-case-facts';
import { ReceiptPagesController } from './intake/controllers/receipt-pages.controller';
import { ReceiptService } from './intake/services/receipt.service';
import { ReportFormService } from './intake/services/report-form.service';
import { ReportStepsService } from './intake/services/report-steps.service';
import { RetentionService } from './retention/services/retention.service';
import { StalePartSweeper } from './retention/services/stale-parts.service';
import { WithdrawalPagesService } from './withdrawal/services/withdrawal-pages.service';
import { WithdrawalService } from './withdrawal/services/withdrawal.service';

/**
 * Case intake (API and web form), follow-up by reporters, messages and evidence. Its services
 * announce changes to the global `CaseEvents`, which the app provides with its listeners
 * (`CaseEventsModule.forRoot`).
 */
@Module({
  imports: [
    HelpModule,
    CaseClocksModule,
    IdentityModule,
    NotificationsModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      Case,
      CaseEvidence,
      CaseGround,
      CaseHistoryEntry,
      CaseMessage,
      CaseNote,
      CaseReferenceCounter,
      CaseReferral,
      FollowUpSession,
      IdempotencyKey,
      InstitutionContactPoint,
      ReferralDocument,
    ]),
  ],
  controllers: [
    CasesController,
    DirectoryController,
    DirectoryPagesController,
    FollowUpController,
    FollowUpPagesController,
    ReceiptPagesController,
    HolidayPagesController,
    PartnerPagesController,
    PartnerReportsApiController,
    ReferralResponsePagesController,
    ReportPagesController,
    StaffCasePagesController,
    StaffCasesController,
    WithdrawalController,
    WithdrawalPagesController,
  ],
  providers: [
    CaseHandlingService,
    CaseIntakeService,
    CaseLinks,
    CaseMessagesService,
    CasePagesService,
    CaseQueryService,
    CaseReferenceCounterService,
    CaseReferralsService,
    CaseSubmissionPipe,
    CaseSubmissionValidator,
    CaseWorkflowService,
    EvidenceStore,
    FollowUpAccessService,
    FollowUpAttemptsStore,
    FollowUpPagesService,
    FollowUpService,
    HistoricalCases,
    DirectorySeeder,
    IdempotencyService,
    InstitutionDirectoryService,
    OverdueReferralsService,
    PartnerReportsService,
    PersonalDataEraser,
    PublicHolidaysService,
    ReceiptCodeHasher,
    ReceiptService,
    ReferralAnswersService,
    ReferralDocumentsService,
    ReferralResponsePagesService,
    ReportFormService,
    ReportStepsService,
    ReporterIdentityScreen,
    RetentionService,
    StalePartSweeper,
    AgendaCaseFacts,
    CaseStatisticsSource,
    WithdrawalPagesService,
    WithdrawalService,
  ],
  exports: [
    CaseIntakeService,
    CaseMessagesService,
    CaseReferralsService,
    CaseSubmissionValidator,
    CaseWorkflowService,
    EvidenceStore,
    FollowUpService,
    HistoricalCases,
    InstitutionDirectoryService,
    OverdueReferralsService,
    PersonalDataEraser,
    ReferralAnswersService,
    ReporterIdentityScreen,
    RetentionService,
    WithdrawalService,
    AgendaCaseFacts,
    CaseStatisticsSource,
  ],
})
export class CasesModule {}
