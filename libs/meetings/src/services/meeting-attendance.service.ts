import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { AuditLog, StaffDirectory, StaffPrincipal } from '@app/identity';
import { attendanceIsOpen } from '../domain/meeting-status.machine';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { MeetingAttendance } from '../entities/meeting-attendance.entity';
import { MeetingDecision } from '../entities/meeting-decision.entity';
import { MeetingRecusal } from '../entities/meeting-recusal.entity';
import {
  DecisionConflictError,
  MeetingConflictError,
  invalidField,
} from '../exceptions/meeting.errors';
import { AgendaItems } from './agenda-items';
import { MeetingCommandService } from './meeting-commands.base';

/** Who is present at a meeting, and who is recused from an item (administrators only). */
@Injectable()
export class MeetingAttendanceService extends MeetingCommandService {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    clock: Clock,
    audit: AuditLog,
    private readonly directory: StaffDirectory,
    private readonly agendaItems: AgendaItems,
  ) {
    super(dataSource, clock, audit);
  }

  /** Who is present; every other active member is recorded absent. */
  async recordAttendance(
    actor: StaffPrincipal,
    meetingId: string,
    presentMemberIds: readonly string[],
  ): Promise<void> {
    MeetingPermissions.require(actor, 'recordAttendance');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireNotApproved(meeting);
      if (!attendanceIsOpen(meeting.status)) {
        throw new MeetingConflictError('attendance_closed', meeting.status);
      }
      const members = await this.directory.activeTechnicalGroupMembers(manager);
      const known = new Set(members.map((m) => m.id));
      const unknown = presentMemberIds.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw invalidField(`presentMemberIds.${unknown}`, 'isTechnicalGroupMember');
      const present = new Set(presentMemberIds);
      const now = this.clock.now();
      if (members.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(MeetingAttendance)
          .values(
            members.map((m) => ({
              meetingId,
              memberId: m.id,
              present: present.has(m.id),
              recordedAt: now,
            })),
          )
          .orUpdate(['present', 'recorded_at'], ['meeting_id', 'member_id'])
          .execute();
      }
      const items = await this.undecidedItems(manager, meetingId);
      await this.agendaItems.recordAutomaticRecusals(manager, items, members);
      await this.record(manager, actor, 'meeting_attendance_recorded', meetingId, {
        present: present.size,
        absent: members.length - present.size,
      });
    });
  }

  /** A member declares a conflict of interest on an item not yet decided. */
  async declareRecusal(
    actor: StaffPrincipal,
    meetingId: string,
    itemId: string,
    memberId: string,
  ): Promise<void> {
    MeetingPermissions.require(actor, 'recordRecusal');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireNotApproved(meeting);
      if (meeting.status === 'cancelled')
        throw new MeetingConflictError('meeting_cancelled', meeting.status);
      const item = await this.findItem(manager, meetingId, itemId);
      if (await manager.exists(MeetingDecision, { where: { itemId: item.id } })) {
        throw new DecisionConflictError('decision_already_recorded');
      }
      const member = await this.directory.findActive(memberId, manager);
      if (member?.role !== 'technical_group_member')
        throw invalidField('memberId', 'isTechnicalGroupMember');
      await manager
        .createQueryBuilder()
        .insert()
        .into(MeetingRecusal)
        .values({
          itemId,
          memberId,
          reason: 'declared',
          recordedBy: actor.id,
          recordedAt: this.clock.now(),
        })
        .orIgnore()
        .execute();
      await this.record(manager, actor, 'meeting_recusal_recorded', meetingId, {
        itemId,
        memberId,
      });
    });
  }
}
