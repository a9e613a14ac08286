import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * A contact point of the institution directory: where referrals to an institution (or one of
 * its units, e.g. a municipal education department) are sent. Offered only inside its window
 * of days (`activeFrom`..`activeTo`, calendar days of the installation); ended, never deleted once a
 * referral used it. An institutional address, not personal data; still never logged.
 */
@Entity({ name: 'institution_contact_points' })
@Unique('institution_contact_points_key_key', ['key'])
@Index('institution_contact_points_institution_idx', ['institutionCode', 'municipalityCode'])
export class InstitutionContactPoint {
  @PrimaryColumn('uuid')
  id!: string;

  /** The stable key an exported directory is matched by when imported again. */
  @Column('text')
  key!: string;

  /** Taxonomy `institution` code. */
  @Column('text', { name: 'institution_code' })
  institutionCode!: string;

  /** Taxonomy `municipality` code, where the contact point applies to one. */
  @Column('text', { name: 'municipality_code', nullable: true })
  municipalityCode!: string | null;

  /** The unit, e.g. "Department of Education, Prizren". */
  @Column('text')
  unit!: string;

  @Column('text')
  email!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  /** YYYY-MM-DD: the first day it is offered. */
  @Column('date', { name: 'active_from' })
  activeFrom!: string;

  /** YYYY-MM-DD: the last day it is offered; null while in use. */
  @Column('date', { name: 'active_to', nullable: true })
  activeTo!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
