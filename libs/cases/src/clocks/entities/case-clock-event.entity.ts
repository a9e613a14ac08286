import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HistoryActorKind } from '../../workflow/domain/history-actor';
import type { ClockStage } from '../domain/clock-stages';
import { Case } from '../../common/entities/case.entity';
import { CaseClock } from './case-clock.entity';

export const CLOCK_EVENTS = ['started', 'paused', 'resumed', 'stopped', 'breached'] as const;
export type ClockEvent = (typeof CLOCK_EVENTS)[number];

/** What happened to a case's clock: shown to staff in the case's history. No personal data. */
@Entity({ name: 'case_clock_events' })
@Index('case_clock_events_case_idx', ['caseId', 'at'])
export class CaseClockEvent {
  /** bigint: returned as a string by the driver. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_clock_events_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('uuid', { name: 'clock_id' })
  @ForeignKey(() => CaseClock, { name: 'case_clock_events_clock_id_fkey', onDelete: 'CASCADE' })
  clockId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  event!: ClockEvent;

  @Column('text', { name: 'actor_kind' })
  actorKind!: HistoryActorKind;

  @Column('text')
  stage!: ClockStage;

  /** The due date after the event (YYYY-MM-DD). */
  @Column('date', { name: 'due_day' })
  dueDay!: string;

  /** With `stopped`: the working days the stage took. */
  @Column('integer', { name: 'working_days', nullable: true })
  workingDays!: number | null;
}
