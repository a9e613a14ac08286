import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Meeting } from './meeting.entity';

/** Whether an active Technical Group member attended a meeting (every member has a row). */
@Entity({ name: 'meeting_attendance' })
export class MeetingAttendance {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  @ForeignKey(() => Meeting, { name: 'meeting_attendance_meeting_id_fkey' })
  meetingId!: string;

  @PrimaryColumn('uuid', { name: 'member_id' })
  @ForeignKey('StaffUser', { name: 'meeting_attendance_member_id_fkey' })
  memberId!: string;

  @Column('boolean')
  present!: boolean;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
