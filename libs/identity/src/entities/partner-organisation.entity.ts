import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A partner organisation (an NGO such as a Roma and Ashkali documentation centre) whose
 * community mediators file reports on people's behalf. Ended, never deleted: cases point at it.
 * Its mediators cannot sign in or file while it is inactive.
 */
@Entity({ name: 'partner_organisations' })
// Unique on the trimmed lower-case name (an expression index, written in the migration).
@Index('partner_organisations_name_idx', { synchronize: false })
export class PartnerOrganisation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Taxonomy `municipality` code where it works, when it names one. */
  @Column('text', { nullable: true })
  municipality!: string | null;

  /** Always lower case (a CHECK holds it). */
  @Column('text', { name: 'contact_email' })
  contactEmail!: string;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;
}
