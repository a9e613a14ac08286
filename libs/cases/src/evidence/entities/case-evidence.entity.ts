import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Case } from '../../common/entities/case.entity';

export const EVIDENCE_UPLOADERS = ['reporter', 'staff'] as const;
export type EvidenceUploader = (typeof EVIDENCE_UPLOADERS)[number];

/**
 * A file attached to a case. The id is also the file's name on disk (no extension, outside the
 * web root); the type was decided from the content.
 */
@Entity({ name: 'case_evidence' })
@Index('case_evidence_case_idx', ['caseId'])
export class CaseEvidence {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_evidence_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  /** The uploader's file name without folders or control characters (at most 200 characters). */
  @Column('text', { name: 'original_name' })
  originalName!: string;

  @Column('text', { name: 'media_type' })
  mediaType!: string;

  @Column('int', { name: 'size_bytes' })
  sizeBytes!: number;

  @Column('text')
  sha256!: string;

  @Column('text', { name: 'uploaded_by' })
  uploadedBy!: EvidenceUploader;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  /** Set when the case's personal data was erased: the file is gone, the row stays. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;
}
