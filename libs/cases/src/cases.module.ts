import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMessages } from '@app/core';
import { NotificationsModule } from '@app/notifications';
import { TaxonomyModule } from '@app/taxonomy';
import { CasesController } from './controllers/cases.controller';
import { FollowUpPagesController } from './controllers/follow-up-pages.controller';
import { FollowUpController } from './controllers/follow-up.controller';
import { ReportPagesController } from './controllers/report-pages.controller';
import { Case } from './entities/case.entity';
import { CaseEvidence } from './entities/case-evidence.entity';
import { CaseGround } from './entities/case-ground.entity';
import { CaseHistoryEntry } from './entities/case-history-entry.entity';
import { CaseMessage } from './entities/case-message.entity';
import { CaseReferenceCounter } from './entities/case-reference-counter.entity';
import { FollowUpSession } from './entities/follow-up-session.entity';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { CASE_MESSAGES } from './messages/case.messages';
import { CASE_PAGE_MESSAGES } from './messages/pages.messages';
import { CaseEvents } from './services/case-events';
import { CaseIntakeService } from './services/case-intake.service';
import { CaseMessagesService } from './services/case-messages.service';
import { CaseReferenceCounterService } from './services/case-reference-counter.service';
import { CaseSubmissionPipe } from './services/case-submission.pipe';
import { CaseSubmissionValidator } from './services/case-submission.validator';
import { EvidenceStore } from './services/evidence-store.service';
import { FollowUpAccessService } from './services/follow-up-access.service';
import { FollowUpPagesService } from './services/follow-up-pages.service';
import { FollowUpService } from './services/follow-up.service';
import { IdempotencyService } from './services/idempotency.service';
import { ReceiptCodeHasher } from './services/receipt-code-hasher';
import { ReportFormService } from './services/report-form.service';

registerMessages(CASE_MESSAGES);
registerMessages(CASE_PAGE_MESSAGES);

/** Case intake (API and web form), follow-up by reporters, messages and evidence. */
@Module({
  imports: [
    NotificationsModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      Case,
      CaseEvidence,
      CaseGround,
      CaseHistoryEntry,
      CaseMessage,
      CaseReferenceCounter,
      FollowUpSession,
      IdempotencyKey,
    ]),
  ],
  controllers: [
    CasesController,
    FollowUpController,
    FollowUpPagesController,
    ReportPagesController,
  ],
  providers: [
    CaseEvents,
    CaseIntakeService,
    CaseMessagesService,
    CaseReferenceCounterService,
    CaseSubmissionPipe,
    CaseSubmissionValidator,
    EvidenceStore,
    FollowUpAccessService,
    FollowUpPagesService,
    FollowUpService,
    IdempotencyService,
    ReceiptCodeHasher,
    ReportFormService,
  ],
  exports: [
    CaseEvents,
    CaseIntakeService,
    CaseMessagesService,
    CaseSubmissionValidator,
    EvidenceStore,
    FollowUpService,
  ],
})
export class CasesModule {}
