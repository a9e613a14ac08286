import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CounterMetric } from '../domain/counter-key';

/** One summary number; see the CreateStatistics migration for the meaning of `scope`. */
@Entity({ name: 'stat_counters' })
export class StatCounter {
  @PrimaryColumn('text')
  scope!: string;

  @PrimaryColumn('int')
  year!: number;

  @PrimaryColumn('text')
  dimension!: string;

  @PrimaryColumn('text')
  key!: string;

  @PrimaryColumn('text')
  metric!: CounterMetric;

  /** bigint: returned as a string by the driver. */
  @Column('bigint')
  value!: string;
}
