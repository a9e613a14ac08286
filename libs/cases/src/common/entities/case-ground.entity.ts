import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Case } from './case.entity';

/** One ground (form of discrimination) of a case; a case has one or more. */
@Entity({ name: 'case_grounds' })
export class CaseGround {
  @PrimaryColumn('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'case_grounds_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @PrimaryColumn('text')
  ground!: string;
}
