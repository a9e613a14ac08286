import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many stages of the cases of a statistical year took `days` working days (the clock's
 * count, paused days left out), and how many of those were within their target.
 */
@Entity({ name: 'stat_stage_days' })
export class StatStageDays {
  @PrimaryColumn('int')
  year!: number;

  @PrimaryColumn('text')
  stage!: string;

  @PrimaryColumn('int')
  days!: number;

  /** bigint: returned as a string by the driver. */
  @Column('bigint')
  count!: string;

  @Column('bigint')
  within!: string;
}
