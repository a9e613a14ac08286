import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Case } from '@app/cases';
import type { OutcomeStatus } from '../domain/case-deltas';

/**
 * The outcome a case has now, as the counters took it: a reopen reads it to take exactly that
 * outcome back out (its closure reason, its place in the days-to-outcome histogram).
 */
@Entity({ name: 'stat_case_outcomes' })
export class StatCaseOutcome {
  @PrimaryColumn('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'stat_case_outcomes_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('text')
  outcome!: OutcomeStatus;

  @Column('text', { name: 'closure_reason', nullable: true })
  closureReason!: string | null;

  @Column('timestamptz', { name: 'decided_at' })
  decidedAt!: Date;
}
