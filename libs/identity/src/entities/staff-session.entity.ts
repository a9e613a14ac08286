import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SessionStage } from '../domain/session-rules';
import { StaffUser } from './staff-user.entity';

/**
 * A server-side staff session. The cookie holds a random token; only its SHA-256 is stored.
 * Signing in makes a new row (the half-signed-in one is revoked), which defeats fixation.
 */
@Entity({ name: 'staff_sessions' })
@Index('staff_sessions_token_hash_idx', ['tokenHash'], { unique: true })
@Index('staff_sessions_user_idx', ['userId'], { where: 'revoked_at IS NULL' })
export class StaffSession {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ManyToOne(() => StaffUser)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'staff_sessions_user_id_fkey' })
  user?: StaffUser;

  @Column('text')
  stage!: SessionStage;

  /** TOTP secret offered during enrolment, sealed with the session id as context. */
  @Column('text', { name: 'pending_totp_secret_enc', nullable: true })
  pendingTotpSecretEnc!: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt!: Date;

  /** Absolute end, however active the session is. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
