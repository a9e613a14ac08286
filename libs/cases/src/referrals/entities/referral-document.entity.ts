import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Case } from '../../common/entities/case.entity';
import { CaseReferral } from './case-referral.entity';

/**
 * A file an institution sent with its answer to a referral. Stored like evidence (the id is the
 * file's name on disk, the type decided from the content), served only as a download to staff.
 */
@Entity({ name: 'referral_documents' })
@Index('referral_documents_referral_idx', ['referralId'])
@Index('referral_documents_case_idx', ['caseId'])
export class ReferralDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  @ForeignKey(() => CaseReferral, {
    name: 'referral_documents_referral_id_fkey',
    onDelete: 'CASCADE',
  })
  referralId!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'referral_documents_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('text', { name: 'original_name' })
  originalName!: string;

  @Column('text', { name: 'media_type' })
  mediaType!: string;

  @Column('int', { name: 'size_bytes' })
  sizeBytes!: number;

  @Column('text')
  sha256!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
