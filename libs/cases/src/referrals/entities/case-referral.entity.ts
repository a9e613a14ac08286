import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ReferralOutcome, ReferralStatus } from '../domain/referral-rules';
import { Case } from '../../common/entities/case.entity';
import { InstitutionContactPoint } from '../../directory/entities/institution-contact-point.entity';

export type ReferralRecipientSource = 'directory' | 'one_off' | 'legacy';

/**
 * A case sent to an institution with a recommendation and a response due date. The
 * institution answers through a single-use link: only the SHA-256 of its token is stored.
 * The contact address is a FieldCipher value bound to the referral id.
 */
@Entity({ name: 'case_referrals' })
@Unique('case_referrals_response_token_hash_key', ['responseTokenHash'])
@Index('case_referrals_case_idx', ['caseId', 'sentAt'])
@Index('case_referrals_waiting_idx', ['responseDueDate'], { where: `status = 'sent'` })
@Index('case_referrals_contact_point_idx', ['contactPointId'], {
  where: 'contact_point_id IS NOT NULL',
})
export class CaseReferral {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_referrals_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  /** Taxonomy `institution` code. */
  @Column('text', { name: 'institution_code' })
  institutionCode!: string;

  /** Taxonomy `municipality` code, when the institution is a municipality. */
  @Column('text', { name: 'municipality_code', nullable: true })
  municipalityCode!: string | null;

  @Column('text')
  recommendation!: string;

  /**
   * The case as the legal expert tells it to the institution, screened so that it does not
   * tell who reported. Null on referrals made before it existed.
   */
  @Column('text', { nullable: true })
  summary!: string | null;

  /** YYYY-MM-DD (calendar day of the installation). */
  @Column('date', { name: 'response_due_date' })
  responseDueDate!: string;

  /**
   * The address the response link was sent to (the contact point's, or the one-off address),
   * sealed. Null on old referrals made without an address.
   */
  @Column('text', { name: 'contact_email_enc', nullable: true })
  contactEmailEnc!: string | null;

  /** Where the address came from: the directory, a confirmed one-off address, or typed before the directory existed. */
  @Column('text')
  recipient!: ReferralRecipientSource;

  /** The directory's contact point, when `recipient` is `directory`. */
  @Column('uuid', { name: 'contact_point_id', nullable: true })
  @ForeignKey(() => InstitutionContactPoint, { name: 'case_referrals_contact_point_id_fkey' })
  contactPointId!: string | null;

  /** Who confirmed a one-off address (checked, not in the directory). */
  @Column('uuid', { name: 'one_off_confirmed_by', nullable: true })
  @ForeignKey('StaffUser', { name: 'case_referrals_one_off_confirmed_by_fkey' })
  oneOffConfirmedBy!: string | null;

  @Column('text', { default: 'sent' })
  status!: ReferralStatus;

  /** The staff member who sent it (or who recorded the meeting decision). */
  @Column('uuid', { name: 'sent_by', nullable: true })
  @ForeignKey('StaffUser', { name: 'case_referrals_sent_by_fkey' })
  sentBy!: string | null;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('text', { name: 'answer_outcome', nullable: true })
  answerOutcome!: ReferralOutcome | null;

  /** The institution's answer; may hold personal data, never logged. */
  @Column('text', { name: 'answer_text', nullable: true })
  answerText!: string | null;

  /** Whether the legal expert shares the answer with the reporter (never by default). */
  @Column('boolean', { name: 'answer_shared_with_reporter', default: false })
  answerSharedWithReporter!: boolean;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'response_token_hash' })
  responseTokenHash!: string;

  @Column('timestamptz', { name: 'response_token_expires_at' })
  responseTokenExpiresAt!: Date;

  @Column('timestamptz', { name: 'response_token_used_at', nullable: true })
  responseTokenUsedAt!: Date | null;
}
