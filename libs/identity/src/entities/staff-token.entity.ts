import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffUser } from './staff-user.entity';

export const STAFF_TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type StaffTokenPurpose = (typeof STAFF_TOKEN_PURPOSES)[number];

/** A single-use, expiring link sent to a staff member (invitation or password reset). */
@Entity({ name: 'staff_tokens' })
@Index('staff_tokens_token_hash_idx', ['tokenHash'], { unique: true })
@Index('staff_tokens_user_idx', ['userId'], { where: 'used_at IS NULL AND revoked_at IS NULL' })
export class StaffToken {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @ManyToOne(() => StaffUser)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'staff_tokens_user_id_fkey' })
  user?: StaffUser;

  @Column('text')
  purpose!: StaffTokenPurpose;

  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  /** A reset that also clears the authenticator (lost phone): the user enrols again. */
  @Column('boolean', { name: 'reset_totp', default: false })
  resetTotp!: boolean;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  /** Set when a newer link replaces this one or the user is deactivated. */
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
