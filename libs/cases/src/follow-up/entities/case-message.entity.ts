import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Case } from '../../common/entities/case.entity';

/** `mediator`: the community mediator who filed the report, where the person agreed. */
export const MESSAGE_AUTHOR_KINDS = ['reporter', 'staff', 'mediator'] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];

/** A message between the reporter and the legal expert. The body is personal data: never logged. */
@Entity({ name: 'case_messages' })
@Index('case_messages_case_idx', ['caseId', 'createdAt'])
export class CaseMessage {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_messages_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('text', { name: 'author_kind' })
  authorKind!: MessageAuthorKind;

  /** The staff member or mediator who wrote it; null for the reporter. */
  @Column('uuid', { name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'read_by_reporter_at', nullable: true })
  readByReporterAt!: Date | null;

  @Column('timestamptz', { name: 'read_by_staff_at', nullable: true })
  readByStaffAt!: Date | null;
}
