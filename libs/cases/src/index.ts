/** Cases: intake, the case aggregate, follow-up by reporters, messages and evidence. */
export * from './intake/domain/case-reference';
export * from './staff-cases/domain/case-access.policy';
export * from './workflow/domain/case-status.machine';
export * from './referrals/domain/referral-rules';
export * from './workflow/domain/history-actor';
export * from './referrals/domain/referral-form';
export * from './intake/domain/case-submission';
export * from './common/domain/display-date';
export * from './evidence/domain/evidence-policy';
export * from './intake/domain/receipt-code';
export * from './common/domain/identity-in-text';
/*
 * Entities: only the case row is a value here, for other contexts' foreign keys.
 * No other context reads or writes them: they go through the services below (workflow,
 * historical cases, the identity screen, agenda case facts, the statistics source). The other
 * tables are the cases lib's own; their types are exported for reading only.
 */
export { Case } from './common/entities/case.entity';
export type { CaseEvidence, EvidenceUploader } from './evidence/entities/case-evidence.entity';
export type { CaseHistoryEntry } from './workflow/entities/case-history-entry.entity';
export type { CaseMessage, MessageAuthorKind } from './follow-up/entities/case-message.entity';
export type { CaseNote } from './staff-cases/entities/case-note.entity';
export type { CaseReferral } from './referrals/entities/case-referral.entity';
export type { FollowUpSession } from './follow-up/entities/follow-up-session.entity';
export type { ReferralDocument } from './referrals/entities/referral-document.entity';
export * from './referrals/exceptions/referral.errors';
export * from './workflow/exceptions/workflow.errors';
export * from './workflow/services/case-events';
export * from './intake/services/case-intake.service';
export * from './follow-up/services/case-messages.service';
export * from './referrals/services/case-referrals.service';
export { OverdueReferralsService } from './referrals/services/overdue-referrals.service';
export { ReferralAnswersService } from './referrals/services/referral-answers.service';
export { ReferralDocumentsService } from './referrals/services/referral-documents.service';
export * from './workflow/services/case-workflow.service';
export * from './intake/services/case-submission.validator';
export * from './evidence/services/evidence-store.service';
export * from './follow-up/services/follow-up.service';
export * from './intake/services/historical-cases.service';
export * from './retention/services/personal-data-eraser.service';
export * from './common/services/reporter-identity-screen';
export * from './common/services/case-statistics-source';
export * from './workflow/services/agenda-case-facts';
export * from './retention/services/retention.service';
export * from './retention/services/stale-parts.service';
export * from './withdrawal/services/withdrawal.service';
export * from './directory/services/institution-directory.service';
export { decodeDirectoryCsv } from './directory/services/directory-upload.reader';
export * from './directory/domain/contact-point-rules';
export type { InstitutionContactPoint } from './directory/entities/institution-contact-point.entity';
export * from './retention/domain/personal-data-erasure';
export * from './withdrawal/dto/withdrawal.dto';
export {
  RECEIPT_CODE_HASH_OPTIONS,
  ReceiptCodeHasher,
} from './intake/services/receipt-code-hasher';
export * from './cases.module';
export * from './cases-worker.module';
export * from './workflow/case-events.module';
export * from './notifications/case-notifications.module';
export * from './notifications/services/case-notifications';
export * from './clocks/case-clocks.module';
export * from './clocks/domain/clock-stages';
export { CaseClockListener } from './clocks/services/case-clock-listener';
export { ClockChecksService } from './clocks/services/clock-checks.service';
export type { ClockCheckResult } from './clocks/services/clock-checks.service';
export { WorkingCalendarService } from './clocks/services/working-calendar.service';
export type { CaseClock } from './clocks/entities/case-clock.entity';
export * from './clocks/services/stage-timings';
export * from './jobs/case-jobs';
export * from './jobs/case-job-queues';

import { Case } from './common/entities/case.entity';
import { CaseClock } from './clocks/entities/case-clock.entity';
import { CaseClockEvent } from './clocks/entities/case-clock-event.entity';
import { CaseEvidence } from './evidence/entities/case-evidence.entity';
import { CaseGround } from './common/entities/case-ground.entity';
import { CaseHistoryEntry } from './workflow/entities/case-history-entry.entity';
import { CaseMessage } from './follow-up/entities/case-message.entity';
import { CaseNote } from './staff-cases/entities/case-note.entity';
import { CaseReferral } from './referrals/entities/case-referral.entity';
import { CaseReferenceCounter } from './intake/entities/case-reference-counter.entity';
import { FollowUpClientAttempts } from './follow-up/entities/follow-up-client-attempts.entity';
import { FollowUpReferenceAttempts } from './follow-up/entities/follow-up-reference-attempts.entity';
import { FollowUpSession } from './follow-up/entities/follow-up-session.entity';
import { IdempotencyKey } from './intake/entities/idempotency-key.entity';
import { InstitutionContactPoint } from './directory/entities/institution-contact-point.entity';
import { PublicHoliday } from './clocks/entities/public-holiday.entity';
import { ReferralDocument } from './referrals/entities/referral-document.entity';

export const CASE_ENTITIES = [
  Case,
  CaseClock,
  CaseClockEvent,
  CaseEvidence,
  CaseGround,
  CaseHistoryEntry,
  CaseMessage,
  CaseNote,
  CaseReferenceCounter,
  CaseReferral,
  FollowUpClientAttempts,
  FollowUpReferenceAttempts,
  FollowUpSession,
  IdempotencyKey,
  InstitutionContactPoint,
  PublicHoliday,
  ReferralDocument,
];
export * from './intake/services/demo-cases';
export * from './workflow/services/demo-workflow';
export * from './directory/services/demo-directory';
export { DirectorySeeder } from './directory/services/directory-seeder';
export * from './directory/exceptions/directory.errors';
