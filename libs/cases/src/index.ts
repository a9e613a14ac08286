/** Cases: intake, the case aggregate, follow-up by reporters, messages and evidence. */
export * from './domain/case-reference';
export * from './domain/case-status.machine';
export * from './domain/history-actor';
export * from './domain/attachment-header';
export * from './domain/case-submission';
export * from './domain/display-date';
export * from './domain/evidence-policy';
export * from './domain/receipt-code';
export * from './entities/case.entity';
export * from './entities/case-evidence.entity';
export * from './entities/case-ground.entity';
export * from './entities/case-history-entry.entity';
export * from './entities/case-message.entity';
export * from './entities/case-reference-counter.entity';
export * from './entities/follow-up-session.entity';
export * from './entities/idempotency-key.entity';
export * from './messages/case.messages';
export * from './messages/pages.messages';
export * from './services/case-events';
export * from './services/case-intake.service';
export * from './services/case-messages.service';
export * from './services/case-submission.validator';
export * from './services/evidence-store.service';
export * from './services/follow-up.service';
export { RECEIPT_CODE_HASH_OPTIONS, ReceiptCodeHasher } from './services/receipt-code-hasher';
export * from './cases.module';

import { Case } from './entities/case.entity';
import { CaseEvidence } from './entities/case-evidence.entity';
import { CaseGround } from './entities/case-ground.entity';
import { CaseHistoryEntry } from './entities/case-history-entry.entity';
import { CaseMessage } from './entities/case-message.entity';
import { CaseReferenceCounter } from './entities/case-reference-counter.entity';
import { FollowUpSession } from './entities/follow-up-session.entity';
import { IdempotencyKey } from './entities/idempotency-key.entity';

export const CASE_ENTITIES = [
  Case,
  CaseEvidence,
  CaseGround,
  CaseHistoryEntry,
  CaseMessage,
  CaseReferenceCounter,
  FollowUpSession,
  IdempotencyKey,
];
export * from './services/demo-cases';
