import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last sequence number given in a year. Incremented with a row lock inside the intake
 * transaction, so a rolled-back intake gives its number back and references have no gaps.
 */
@Entity({ name: 'case_reference_counters' })
export class CaseReferenceCounter {
  @PrimaryColumn('int')
  year!: number;

  @Column('int', { name: 'last_seq' })
  lastSeq!: number;
}
