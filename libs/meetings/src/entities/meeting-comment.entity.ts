import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { MeetingAgendaItem } from './meeting-agenda-item.entity';

/** A member's comment on an agenda item, read by the Group before and in the meeting. */
@Entity({ name: 'meeting_comments' })
@Index('meeting_comments_item_idx', ['itemId', 'createdAt'])
export class MeetingComment {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'item_id' })
  @ForeignKey(() => MeetingAgendaItem, {
    name: 'meeting_comments_item_id_fkey',
    onDelete: 'CASCADE',
  })
  itemId!: string;

  @Column('uuid', { name: 'author_id' })
  @ForeignKey('StaffUser', { name: 'meeting_comments_author_id_fkey' })
  authorId!: string;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
