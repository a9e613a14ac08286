import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { Case } from '../../common/entities/case.entity';

/**
 * A reporter signed in to the follow-up pages with reference + receipt code. The cookie holds a
 * random token; only its SHA-256 is stored. It expires after a period without activity.
 */
@Entity({ name: 'follow_up_sessions' })
@Unique('follow_up_sessions_token_hash_key', ['tokenHash'])
@Index('follow_up_sessions_case_idx', ['caseId'])
export class FollowUpSession {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'follow_up_sessions_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
