import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { MeetingConflictError } from '../exceptions/meeting.errors';
import { MeetingCommandService } from './meeting-commands.base';

/** The minutes of a held meeting: written, then approved (administrators only). */
@Injectable()
export class MeetingMinutes extends MeetingCommandService {
  constructor(@InjectDataSource() dataSource: DataSource, clock: Clock, audit: AuditLog) {
    super(dataSource, clock, audit);
  }

  /** The minutes' text, written after the meeting until approved. */
  async saveMinutes(actor: StaffPrincipal, meetingId: string, text: string): Promise<void> {
    MeetingPermissions.require(actor, 'writeMinutes');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireNotApproved(meeting);
      if (meeting.status !== 'held')
        throw new MeetingConflictError('meeting_not_held', meeting.status);
      await this.updateMeeting(manager, meeting, { minutesText: text });
      await this.record(manager, actor, 'meeting_minutes_saved', meetingId, {
        length: text.length,
      });
    });
  }

  /** Approves the minutes: every item must have its decision. Nothing changes afterwards. */
  async approveMinutes(actor: StaffPrincipal, meetingId: string): Promise<void> {
    MeetingPermissions.require(actor, 'approveMinutes');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireNotApproved(meeting);
      this.requireStep(meeting, 'minutes_approved');
      if (!meeting.minutesText) throw new MeetingConflictError('minutes_missing', meeting.status);
      const undecided = (await this.undecidedItems(manager, meetingId)).length;
      if (undecided > 0)
        throw new MeetingConflictError('items_undecided', meeting.status, { count: undecided });
      const now = this.clock.now();
      await this.updateMeeting(manager, meeting, {
        status: 'minutes_approved',
        minutesApprovedAt: now,
        minutesApprovedBy: actor.id,
      });
      await this.record(manager, actor, 'meeting_minutes_approved', meetingId, {});
    });
  }
}
