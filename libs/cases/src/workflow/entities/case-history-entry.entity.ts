import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStatus } from '../domain/case-status.machine';
import type { HistoryActorKind, HistoryEvent } from '../domain/history-actor';
import { Case } from '../../common/entities/case.entity';

/**
 * One step of a case's life. Append-only: the database refuses UPDATE and DELETE. It never
 * holds personal data, so erasing a reporter's data never needs to touch it.
 */
@Entity({ name: 'case_history' })
@Index('case_history_case_idx', ['caseId', 'at'])
export class CaseHistoryEntry {
  /** bigint: returned as a string by the driver. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_history_case_id_fkey' })
  caseId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text', { name: 'actor_kind' })
  actorKind!: HistoryActorKind;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: CaseStatus | null;

  @Column('text', { name: 'to_status' })
  toStatus!: CaseStatus;

  /** Why (e.g. the closure reason); staff wording, never the reporter's data. */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** Whether the reporter's timeline shows this entry. */
  @Column('boolean', { default: true })
  public!: boolean;

  /** What happened: a status change, or (status unchanged) a reassignment or a referral's news. */
  @Column('text', { default: 'status_changed' })
  event!: HistoryEvent;

  /** The referral a `referral_*` entry is about. */
  @Column('uuid', { name: 'referral_id', nullable: true })
  @ForeignKey('CaseReferral', { name: 'case_history_referral_id_fkey' })
  referralId!: string | null;
}
