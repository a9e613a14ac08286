import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PublicContactKind, PublicContactNames } from '../domain/public-contact-kinds';

/**
 * A contact point the public pages show (an organisation, a mediator, an emergency number, an
 * appeal route, the privacy authority, the Office). Deactivated rather than deleted.
 */
@Entity({ name: 'public_contacts' })
export class PublicContact {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: PublicContactKind;

  @Column('jsonb')
  names!: PublicContactNames;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { nullable: true })
  website!: string | null;

  @Column('int', { name: 'sort_order' })
  sortOrder!: number;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
