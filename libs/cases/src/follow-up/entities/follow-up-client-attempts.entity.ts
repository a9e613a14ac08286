import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One client's receipt-code attempts on one case reference (domain/follow-up-guard.ts). Keyed
 * by the reference's text, not a case id: a reference no case has is counted the same way.
 * The client is a hash of its address, never the address.
 */
@Entity({ name: 'follow_up_client_attempts' })
export class FollowUpClientAttempts {
  @PrimaryColumn('text')
  reference!: string;

  @PrimaryColumn('text', { name: 'client_key' })
  clientKey!: string;

  @Column('int')
  attempts!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('timestamptz', { name: 'last_attempt_at' })
  lastAttemptAt!: Date;
}
