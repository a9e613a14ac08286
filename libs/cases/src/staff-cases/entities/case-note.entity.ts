import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Case } from '../../common/entities/case.entity';

/**
 * A staff-only note on a case (never shown to the reporter). Append-only: the database refuses
 * UPDATE; a correction is a new note. The body may hold personal data: never logged.
 */
@Entity({ name: 'case_notes' })
@Index('case_notes_case_idx', ['caseId', 'createdAt'])
export class CaseNote {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_notes_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('uuid', { name: 'author_id' })
  @ForeignKey('StaffUser', { name: 'case_notes_author_id_fkey' })
  authorId!: string;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
