import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Locale } from '@app/core';
import type { CaseStatus, ClosureReason } from '../../workflow/domain/case-status.machine';
import type { HelperKind } from '../../intake/domain/case-submission';

/**
 * A report of discrimination. Taxonomy fields hold stable codes (validated by the service
 * against the reference data, which may deactivate but never delete a code). Contact details
 * are FieldCipher values bound to the case id; the receipt code exists only as an argon2id hash.
 */
@Entity({ name: 'cases' })
@Unique('cases_reference_key', ['reference'])
@Unique('cases_year_seq_key', ['year', 'seq'])
@Unique('cases_original_reference_key', ['originalReference'])
// The staff list's indexes, one per leading filter ordered by submission, each carrying the
// other filters as INCLUDE columns (which TypeORM cannot express): see CoverCaseListFilters.
@Index('cases_submitted_idx', { synchronize: false })
@Index('cases_status_submitted_idx', { synchronize: false })
@Index('cases_assignee_submitted_idx', { synchronize: false })
@Index('cases_year_submitted_idx', { synchronize: false })
@Index('cases_municipality_submitted_idx', { synchronize: false })
@Index('cases_area_submitted_idx', { synchronize: false })
@Index('cases_community_submitted_idx', { synchronize: false })
// An expression index (pmd_fold, trigram) and an operator-class index: written in the migration.
@Index('cases_description_fold_idx', { synchronize: false })
@Index('cases_reference_prefix_idx', { synchronize: false })
// A mediator's list of the reports they filed (partial: only such cases), in the migration.
@Index('cases_filed_by_idx', { synchronize: false })
export class Case {
  @PrimaryColumn('uuid')
  id!: string;

  /** `PMD-<year>-<seq>`; shown to the reporter and staff. */
  @Column('text')
  reference!: string;

  /** Statistical year: the submission date in the installation's time zone. */
  @Column('int')
  year!: number;

  @Column('int')
  seq!: number;

  /** Reference on the earlier platform, for cases imported from it (statistics import); else null. */
  @Column('text', { name: 'original_reference', nullable: true })
  originalReference!: string | null;

  @Column('text', { default: 'submitted' })
  status!: CaseStatus;

  /** Optimistic locking: a concurrent change of the same case fails with 409. */
  @VersionColumn()
  version!: number;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  /** The legal expert handling the case (from `assigned` on); kept when a case is reopened. */
  @Column('uuid', { name: 'assignee_id', nullable: true })
  @ForeignKey('StaffUser', { name: 'cases_assignee_id_fkey' })
  assigneeId!: string | null;

  /** Why a closed case was closed; null in every other status. */
  @Column('text', { name: 'closure_reason', nullable: true })
  closureReason!: ClosureReason | null;

  /**
   * The legal expert's message to the reporter about the decision the case has (referred,
   * resolved, not discrimination, closed); null while the case is undecided. Staff wording
   * about the reporter's case: erased with the personal data.
   */
  @Column('text', { name: 'outcome_message', nullable: true })
  outcomeMessage!: string | null;

  @Column('text')
  community!: string;

  @Column('text', { name: 'primary_area' })
  primaryArea!: string;

  @Column('text')
  municipality!: string;

  @Column('text', { name: 'perpetrator_kind' })
  perpetratorKind!: string;

  @Column('text', { name: 'reporter_role' })
  reporterRole!: string;

  @Column('text', { nullable: true })
  gender!: string | null;

  @Column('text', { name: 'age_group', nullable: true })
  ageGroup!: string | null;

  /** YYYY-MM-DD, never after the submission day. */
  @Column('date', { name: 'incident_date' })
  incidentDate!: string;

  /** Personal data: never logged. */
  @Column('text')
  description!: string;

  @Column('text', { name: 'preferred_locale' })
  preferredLocale!: Locale;

  @Column('boolean')
  anonymous!: boolean;

  @Column('text', { name: 'contact_name_enc', nullable: true })
  contactNameEnc!: string | null;

  @Column('text', { name: 'contact_email_enc', nullable: true })
  contactEmailEnc!: string | null;

  @Column('text', { name: 'contact_phone_enc', nullable: true })
  contactPhoneEnc!: string | null;

  /** The reporter agreed to be contacted by the legal expert. */
  @Column('boolean', { name: 'consent_contact', default: false })
  consentContact!: boolean;

  /** The reporter agreed that institutions a case is referred to learn who they are. */
  @Column('boolean', { name: 'consent_share_identity', default: false })
  consentShareIdentity!: boolean;

  @Column('boolean', { name: 'filed_with_help', default: false })
  filedWithHelp!: boolean;

  @Column('text', { name: 'helper_kind', nullable: true })
  helperKind!: HelperKind | null;

  /**
   * Name of the mediator or organisation who helped: personal data, sealed like the contact
   * details (FieldCipher, bound to the case id) and never logged.
   */
  @Column('text', { name: 'helper_name_enc', nullable: true })
  helperNameEnc!: string | null;

  /**
   * The community mediator's account that filed the report for the person, and their partner
   * organisation (both or neither); null for a report the person filed themselves. Not the
   * person's personal data: kept when it is erased.
   */
  @Column('uuid', { name: 'filed_by_account_id', nullable: true })
  @ForeignKey('StaffUser', { name: 'cases_filed_by_account_id_fkey' })
  filedByAccountId!: string | null;

  @Column('uuid', { name: 'filed_by_organisation_id', nullable: true })
  @ForeignKey('PartnerOrganisation', { name: 'cases_filed_by_organisation_id_fkey' })
  filedByOrganisationId!: string | null;

  /** The person agreed that the mediator who filed the report follows the case (messages). */
  @Column('boolean', { name: 'mediator_may_follow', default: false })
  mediatorMayFollow!: boolean;

  @Column('text', { name: 'receipt_code_hash' })
  receiptCodeHash!: string;

  @Column('timestamptz', { name: 'personal_data_erased_at', nullable: true })
  personalDataErasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
