import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A public holiday of the installation's country: not a working day for the case clocks. Edited per year. */
@Entity({ name: 'public_holidays' })
export class PublicHoliday {
  /** YYYY-MM-DD. */
  @PrimaryColumn('date')
  day!: string;

  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
