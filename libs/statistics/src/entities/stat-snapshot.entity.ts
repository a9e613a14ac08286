import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Cell, YearCounts, YearFigures } from '../domain/yearly-figures';

/** A year's counts as published; the database refuses to change it afterwards. */
@Entity({ name: 'stat_snapshots' })
export class StatSnapshot {
  @PrimaryColumn('int')
  year!: number;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('uuid', { name: 'published_by' })
  // By entity name: identity does not export its entity classes.
  @ForeignKey('StaffUser', { name: 'stat_snapshots_published_by_fkey' })
  publishedBy!: string;

  @Column('jsonb')
  counts!: YearCounts;

  /** The figures as the public sees them, frozen with the counts (null: published before). */
  @Column('jsonb', { name: 'public_figures', nullable: true })
  publicFigures!: YearFigures<Cell> | null;
}
