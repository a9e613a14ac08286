import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaxonomyKind, TaxonomyLabels } from '../data/taxonomy.data';

/**
 * One entry of a controlled vocabulary (a community, a ground, a municipality...). Codes are
 * stable and never renamed; an entry that is no longer offered is made inactive, never deleted,
 * because old cases keep its code.
 */
@Entity({ name: 'taxonomy_items' })
export class TaxonomyItem {
  @PrimaryColumn('text')
  kind!: TaxonomyKind;

  @PrimaryColumn('text')
  code!: string;

  @Column('jsonb')
  labels!: TaxonomyLabels;

  /** A one-line explanation in plain words (grounds have one). */
  @Column('jsonb', { nullable: true })
  description!: TaxonomyLabels | null;

  @Column('int', { name: 'sort_order' })
  sortOrder!: number;

  @Column('boolean', { default: true })
  active!: boolean;
}
