/** Cases: intake, the case aggregate, follow-up by reporters, messages and evidence. */
export * from './domain/case-reference';
export * from './domain/case-access.policy';
export * from './domain/case-status.machine';
export * from './domain/referral-rules';
export * from './domain/history-actor';
export * from './domain/referral-form';
export * from './domain/case-submission';
export * from './domain/display-date';
export * from './domain/evidence-policy';
export * from './domain/receipt-code';
export * from './domain/identity-in-text';
/*
 * Entities: only the case row and its grounds are values here, for other contexts' foreign keys
 * and reads (agendas, locks taken like the workflow takes them). No other context writes them:
 * they go through the services below (workflow, historical cases, the identity screen). The
 * other tables are the cases lib's own; their types are exported for reading only.
 */
export { Case } from './entities/case.entity';
export { CaseGround } from './entities/case-ground.entity';
export type { CaseEvidence, EvidenceUploader } from './entities/case-evidence.entity';
export type { CaseHistoryEntry } from './entities/case-history-entry.entity';
export type { CaseMessage, MessageAuthorKind } from './entities/case-message.entity';
export type { CaseNote } from './entities/case-note.entity';
export type { CaseReferral } from './entities/case-referral.entity';
export type { FollowUpSession } from './entities/follow-up-session.entity';
export type { ReferralDocument } from './entities/referral-document.entity';
export * from './exceptions/referral.errors';
export * from './exceptions/workflow.errors';
export * from './messages/case.messages';
export * from './messages/pages.messages';
export * from './services/case-events';
export * from './services/case-intake.service';
export * from './services/case-messages.service';
export * from './services/case-referrals.service';
export * from './services/case-workflow.service';
export * from './services/case-submission.validator';
export * from './services/evidence-store.service';
export * from './services/follow-up.service';
export * from './services/historical-cases.service';
export * from './services/personal-data-eraser.service';
export * from './services/reporter-identity-screen';
export * from './services/retention.service';
export * from './services/stale-parts.service';
export * from './services/withdrawal.service';
export * from './domain/personal-data-erasure';
export * from './dto/withdrawal.dto';
export { RECEIPT_CODE_HASH_OPTIONS, ReceiptCodeHasher } from './services/receipt-code-hasher';
export * from './cases.module';
export * from './cases-worker.module';
export * from './case-events.module';
export * from './case-notifications.module';
export * from './services/case-notifications';
export * from './jobs/case-jobs';
export * from './jobs/case-job-queues';

import { Case } from './entities/case.entity';
import { CaseEvidence } from './entities/case-evidence.entity';
import { CaseGround } from './entities/case-ground.entity';
import { CaseHistoryEntry } from './entities/case-history-entry.entity';
import { CaseMessage } from './entities/case-message.entity';
import { CaseNote } from './entities/case-note.entity';
import { CaseReferral } from './entities/case-referral.entity';
import { CaseReferenceCounter } from './entities/case-reference-counter.entity';
import { FollowUpClientAttempts } from './entities/follow-up-client-attempts.entity';
import { FollowUpReferenceAttempts } from './entities/follow-up-reference-attempts.entity';
import { FollowUpSession } from './entities/follow-up-session.entity';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { ReferralDocument } from './entities/referral-document.entity';

export const CASE_ENTITIES = [
  Case,
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
  ReferralDocument,
];
export * from './services/demo-cases';
export * from './services/demo-workflow';
