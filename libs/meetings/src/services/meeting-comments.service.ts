import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { excludedFromItem } from '../domain/meeting-access';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { MeetingComment } from '../entities/meeting-comment.entity';
import { MeetingRecusal } from '../entities/meeting-recusal.entity';
import { Meeting } from '../entities/meeting.entity';
import {
  MeetingConflictError,
  MeetingNotFoundError,
  RecusedFromItemError,
} from '../exceptions/meeting.errors';
import { MeetingCommandService, UUID } from './meeting-commands.base';

/** Comments on agenda items, by anyone who may read the meeting. */
@Injectable()
export class MeetingComments extends MeetingCommandService {
  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, audit: AuditLog) {
    super(dataSource, clock, audit);
  }

  /**
   * A comment on an item by anyone who may read the meeting, until the minutes are approved;
   * never by a member kept out of the item (recused as the respondent institution's).
   */
  async comment(
    actor: StaffPrincipal,
    meetingId: string,
    itemId: string,
    body: string,
  ): Promise<{ id: string }> {
    MeetingPermissions.require(actor, 'comment');
    return this.dataSource.transaction(async (manager) => {
      // A shared lock: comments do not wait for each other, but an approval waits for them.
      const meeting = UUID.test(meetingId)
        ? await manager.findOne(Meeting, {
            where: { id: meetingId },
            lock: { mode: 'pessimistic_read' },
          })
        : null;
      if (!meeting || !MeetingPermissions.mayRead(actor.role, meeting))
        throw new MeetingNotFoundError();
      this.requireNotApproved(meeting);
      if (meeting.status === 'cancelled')
        throw new MeetingConflictError('meeting_cancelled', meeting.status);
      const item = await this.findItem(manager, meetingId, itemId);
      // Recusals are written under the meeting's exclusive lock: this read sees them all.
      const recusals = await manager.find(MeetingRecusal, {
        where: { itemId: item.id, memberId: actor.id },
      });
      if (excludedFromItem(actor, item, recusals)) throw new RecusedFromItemError();
      const id = randomUUID();
      await manager.insert(MeetingComment, {
        id,
        itemId: item.id,
        authorId: actor.id,
        body,
        createdAt: this.clock.now(),
      });
      return { id };
    });
  }
}
