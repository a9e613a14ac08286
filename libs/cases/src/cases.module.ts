import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMessages } from '@app/core';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { CasesController } from './controllers/cases.controller';
import { FollowUpPagesController } from './controllers/follow-up-pages.controller';
import { FollowUpController } from './controllers/follow-up.controller';
import { ReferralResponsePagesController } from './controllers/referral-response-pages.controller';
import { ReportPagesController } from './controllers/report-pages.controller';
import { StaffCasePagesController } from './controllers/staff-case-pages.controller';
import { StaffCasesController } from './controllers/staff-cases.controller';
import { WithdrawalPagesController } from './controllers/withdrawal-pages.controller';
import { WithdrawalController } from './controllers/withdrawal.controller';
import { Case } from './entities/case.entity';
import { CaseEvidence } from './entities/case-evidence.entity';
import { CaseGround } from './entities/case-ground.entity';
import { CaseHistoryEntry } from './entities/case-history-entry.entity';
import { CaseMessage } from './entities/case-message.entity';
import { CaseNote } from './entities/case-note.entity';
import { CaseReferral } from './entities/case-referral.entity';
import { CaseReferenceCounter } from './entities/case-reference-counter.entity';
import { FollowUpSession } from './entities/follow-up-session.entity';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { ReferralDocument } from './entities/referral-document.entity';
import { CASE_MESSAGES } from './messages/case.messages';
import { CASE_PAGE_MESSAGES } from './messages/pages.messages';
import { WITHDRAWAL_MESSAGES } from './messages/withdrawal.messages';
import { STAFF_CASE_PAGE_MESSAGES } from './messages/staff-pages.messages';
import { WORKFLOW_MESSAGES } from './messages/workflow.messages';
import { CaseHandlingService } from './services/case-handling.service';
import { CaseIntakeService } from './services/case-intake.service';
import { CaseLinks } from './services/case-links';
import { CaseMessagesService } from './services/case-messages.service';
import { CasePagesService } from './services/case-pages.service';
import { CaseReferralsService } from './services/case-referrals.service';
import { CaseQueryService } from './services/case-query.service';
import { CaseReferenceCounterService } from './services/case-reference-counter.service';
import { CaseSubmissionPipe } from './services/case-submission.pipe';
import { CaseSubmissionValidator } from './services/case-submission.validator';
import { CaseWorkflowService } from './services/case-workflow.service';
import { EvidenceStore } from './services/evidence-store.service';
import { FollowUpAccessService } from './services/follow-up-access.service';
import { FollowUpAttemptsStore } from './services/follow-up-attempts.store';
import { FollowUpPagesService } from './services/follow-up-pages.service';
import { FollowUpService } from './services/follow-up.service';
import { HistoricalCases } from './services/historical-cases.service';
import { IdempotencyService } from './services/idempotency.service';
import { PersonalDataEraser } from './services/personal-data-eraser.service';
import { ReceiptCodeHasher } from './services/receipt-code-hasher';
import { ReferralResponsePagesService } from './services/referral-response-pages.service';
import { ReporterIdentityScreen } from './services/reporter-identity-screen';
import { ReportFormService } from './services/report-form.service';
import { RetentionService } from './services/retention.service';
import { StalePartSweeper } from './services/stale-parts.service';
import { WithdrawalPagesService } from './services/withdrawal-pages.service';
import { WithdrawalService } from './services/withdrawal.service';

registerMessages(CASE_MESSAGES);
registerMessages(CASE_PAGE_MESSAGES);
registerMessages(WITHDRAWAL_MESSAGES);
registerMessages(STAFF_CASE_PAGE_MESSAGES);
registerMessages(WORKFLOW_MESSAGES);

/**
 * Case intake (API and web form), follow-up by reporters, messages and evidence. Its services
 * announce changes to the global `CaseEvents`, which the app provides with its listeners
 * (`CaseEventsModule.forRoot`).
 */
@Module({
  imports: [
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
      ReferralDocument,
    ]),
  ],
  controllers: [
    CasesController,
    FollowUpController,
    FollowUpPagesController,
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
    IdempotencyService,
    PersonalDataEraser,
    ReceiptCodeHasher,
    ReferralResponsePagesService,
    ReportFormService,
    ReporterIdentityScreen,
    RetentionService,
    StalePartSweeper,
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
    PersonalDataEraser,
    ReporterIdentityScreen,
    RetentionService,
    WithdrawalService,
  ],
})
export class CasesModule {}
