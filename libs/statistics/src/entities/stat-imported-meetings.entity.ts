import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Technical Group meetings held in a year on the earlier platform (imported). */
@Entity({ name: 'stat_imported_meetings' })
export class StatImportedMeetings {
  @PrimaryColumn('int')
  year!: number;

  @Column('int')
  held!: number;
}
