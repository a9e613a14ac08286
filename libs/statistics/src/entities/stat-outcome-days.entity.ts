import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many cases of a submission year reached their (latest) outcome after `days` days. */
@Entity({ name: 'stat_outcome_days' })
export class StatOutcomeDays {
  @PrimaryColumn('text')
  scope!: string;

  @PrimaryColumn('int')
  year!: number;

  @PrimaryColumn('int')
  days!: number;

  /** bigint: returned as a string by the driver. */
  @Column('bigint')
  count!: string;
}
