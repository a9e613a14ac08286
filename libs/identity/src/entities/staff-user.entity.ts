import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AccountRole, Locale } from '@app/core';
import { PartnerOrganisation } from './partner-organisation.entity';
import { bigintAsNumber } from './bigint-number.transformer';

/**
 * A member of staff (administrator, legal expert or Technical Group member) or a community
 * mediator of a partner organisation: one account machinery for both. The password
 * stays null until the invitation is accepted, the TOTP secret until the second factor is
 * enrolled. Users are deactivated, never deleted (the audit log points at them).
 */
@Entity({ name: 'staff_users' })
@Index('staff_users_email_idx', ['email'], { unique: true })
@Index('staff_users_active_role_idx', ['role'], { where: 'active' })
// Partial (mediators only), written in the migration.
@Index('staff_users_organisation_idx', { synchronize: false })
export class StaffUser {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Always lower case (a CHECK holds it), so the unique index is case-insensitive. */
  @Column('text')
  email!: string;

  @Column('text')
  role!: AccountRole;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('text', { default: 'sq' })
  locale!: Locale;

  /** The languages they can write to reporters in (shown when a case is assigned). */
  @Column('text', { name: 'working_locales', array: true, default: () => "'{}'" })
  workingLocales!: Locale[];

  @Column('text', { name: 'institution_code', nullable: true })
  institutionCode!: string | null;

  /** The partner organisation of a community mediator (a CHECK: exactly for mediators). */
  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => PartnerOrganisation, { nullable: true })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'staff_users_organisation_id_fkey',
  })
  organisation?: PartnerOrganisation | null;

  /** argon2id. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  /** Base32 secret sealed with FieldCipher; the user id is its context. */
  @Column('text', { name: 'totp_secret_enc', nullable: true })
  totpSecretEnc!: string | null;

  /** Time step of the last accepted code: that code and older ones are spent. */
  @Column('bigint', { name: 'totp_last_step', nullable: true, transformer: bigintAsNumber })
  totpLastStep!: number | null;

  @Column('int', { name: 'failed_login_count', default: 0 })
  failedLoginCount!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;
}
