import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Wrong receipt codes for one case reference from all clients (domain/follow-up-guard.ts): the
 * back-off under attack, and what staff are shown about it. Keyed by the reference's text, so
 * a reference no case has is counted the same way.
 */
@Entity({ name: 'follow_up_reference_attempts' })
export class FollowUpReferenceAttempts {
  @PrimaryColumn('text')
  reference!: string;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column('int')
  failures!: number;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  @Column('timestamptz', { name: 'attacked_at', nullable: true })
  attackedAt!: Date | null;

  @Column('int', { name: 'total_failures' })
  totalFailures!: number;
}
