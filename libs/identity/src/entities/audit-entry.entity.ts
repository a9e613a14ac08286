import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditDetails } from '../domain/audit-actions';
import { StaffUser } from './staff-user.entity';

/**
 * One line of the audit log. The database refuses UPDATE, DELETE and TRUNCATE on it (a
 * trigger, which binds the application's own role too). Details never hold a reporter's data.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
@Index('audit_log_action_idx', ['action', 'at'])
@Index('audit_log_subject_idx', ['subjectType', 'subjectId'])
export class AuditEntry {
  /** bigint comes back from pg as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => StaffUser)
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_log_actor_id_fkey' })
  actor?: StaffUser | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { name: 'subject_type', nullable: true })
  subjectType!: string | null;

  @Column('text', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  details!: AuditDetails;
}
