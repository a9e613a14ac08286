import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ClockStage } from '../domain/clock-stages';
import { Case } from '../../common/entities/case.entity';

/**
 * The clock of one stage of a case: its due date is stored when the stage starts and moves
 * later by each working day the case waited for the reporter. At most one clock of a case runs
 * (`stopped_at` null); a running clock with `paused_at` waits for the reporter.
 */
@Entity({ name: 'case_clocks' })
// Partial and expression indexes are written in the migration (CreateCaseClocks).
@Index('case_clocks_running_key', { synchronize: false })
@Index('case_clocks_due_idx', { synchronize: false })
@Index('case_clocks_case_idx', { synchronize: false })
export class CaseClock {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_clocks_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('text')
  stage!: ClockStage;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  /** YYYY-MM-DD, the installation's calendar. */
  @Column('date', { name: 'start_day' })
  startDay!: string;

  @Column('integer', { name: 'target_days' })
  targetDays!: number;

  /** YYYY-MM-DD: the last working day the stage is within its target. */
  @Column('date', { name: 'due_day' })
  dueDay!: string;

  /** Since when the case waits for the reporter's answer (the clock is paused). */
  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  @Column('date', { name: 'paused_day', nullable: true })
  pausedDay!: string | null;

  /** Working days waited for the reporter in earlier pauses of this stage. */
  @Column('integer', { name: 'paused_days', default: 0 })
  pausedDays!: number;

  @Column('timestamptz', { name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column('date', { name: 'stop_day', nullable: true })
  stopDay!: string | null;

  /** Working days the stage took, the paused ones left out; set when it stops. */
  @Column('integer', { name: 'working_days', nullable: true })
  workingDays!: number | null;

  /** When the daily check found the due date passed. */
  @Column('timestamptz', { name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column('timestamptz', { name: 'reminder_sent_at', nullable: true })
  reminderSentAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_sent_at', nullable: true })
  overdueSentAt!: Date | null;
}
