import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, installationDate, installationDateTime } from '@app/core';
import { AuditLog, StaffDirectory, StaffPrincipal } from '@app/identity';
import { NotificationOutbox } from '@app/notifications';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { parseMeetingTime } from '../domain/meeting-time';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingAttendance } from '../entities/meeting-attendance.entity';
import { Meeting } from '../entities/meeting.entity';
import { MeetingConflictError, invalidField } from '../exceptions/meeting.errors';
import { AgendaItems } from './agenda-items';
import { MeetingCommandService } from './meeting-commands.base';
import { MeetingEvents } from './meeting-events';

export interface PlanMeeting {
  scheduledAt: string;
  place?: string | null;
  onlineLink?: string | null;
}

/**
 * A meeting's own steps: planned, agenda published, held, cancelled (administrators only).
 * The agenda, attendance, decisions, minutes and comments have their own services.
 */
@Injectable()
export class MeetingsService extends MeetingCommandService {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    clock: Clock,
    private readonly directory: StaffDirectory,
    audit: AuditLog,
    private readonly outbox: NotificationOutbox,
    private readonly events: MeetingEvents,
    private readonly agendaItems: AgendaItems,
  ) {
    super(dataSource, clock, audit);
  }

  /** An administrator plans a meeting; cases waiting from a postponement join its agenda. */
  async plan(actor: StaffPrincipal, input: PlanMeeting): Promise<{ id: string; carried: number }> {
    MeetingPermissions.require(actor, 'plan');
    const scheduledAt = parseMeetingTime(input.scheduledAt);
    if (!scheduledAt) throw invalidField('scheduledAt', 'isMeetingTime');
    if (!input.place && !input.onlineLink) throw invalidField('place', 'placeOrLink');
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const meeting = manager.create(Meeting, {
        id: randomUUID(),
        scheduledAt,
        place: input.place ?? null,
        onlineLink: input.onlineLink ?? null,
        status: 'planned',
        createdBy: actor.id,
        createdAt: now,
        agendaPublishedAt: null,
        heldAt: null,
        cancelledAt: null,
        minutesText: null,
        minutesApprovedAt: null,
        minutesApprovedBy: null,
      });
      await manager.insert(Meeting, meeting);
      const carried = await this.agendaItems.carryInto(
        manager,
        meeting.id,
        await this.agendaItems.waitingItems(manager),
      );
      await this.record(manager, actor, 'meeting_planned', meeting.id, { carried });
      return { id: meeting.id, carried };
    });
  }

  /** The agenda goes to every active member (an email each, in their language, link only). */
  async publishAgenda(actor: StaffPrincipal, meetingId: string): Promise<void> {
    MeetingPermissions.require(actor, 'publish');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireStep(meeting, 'agenda_published');
      const items = await manager.count(MeetingAgendaItem, { where: { meetingId } });
      if (items === 0) throw new MeetingConflictError('agenda_empty', meeting.status);
      const now = this.clock.now();
      await this.updateMeeting(manager, meeting, {
        status: 'agenda_published',
        agendaPublishedAt: now,
      });
      const members = await this.directory.activeTechnicalGroupMembers(manager);
      await this.outbox.add(
        manager,
        members.map((member) => ({
          template: 'agenda_published' as const,
          locale: member.locale,
          to: member.email,
          params: {
            meetingDate: installationDateTime(meeting.scheduledAt),
            meetingUrl: `${this.config.app.publicUrl.replace(/\/$/, '')}/staff/meetings/${meetingId}/agenda`,
          },
        })),
      );
      await this.record(manager, actor, 'meeting_agenda_published', meetingId, {
        items,
        notified: members.length,
      });
    });
  }

  /**
   * The meeting took place: attendance must be recorded, and the day must have come. The count
   * of meetings held moves in the same transaction, in the year the Group met.
   */
  async markHeld(actor: StaffPrincipal, meetingId: string): Promise<void> {
    MeetingPermissions.require(actor, 'markHeld');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireStep(meeting, 'held');
      const now = this.clock.now();
      if (installationDate(now) < installationDate(meeting.scheduledAt)) {
        throw new MeetingConflictError('meeting_not_yet_due', meeting.status, {
          date: installationDate(meeting.scheduledAt),
        });
      }
      if (!(await manager.exists(MeetingAttendance, { where: { meetingId } }))) {
        throw new MeetingConflictError('attendance_not_recorded', meeting.status);
      }
      await this.updateMeeting(manager, meeting, { status: 'held', heldAt: now });
      await this.events.held(manager, { meetingId, scheduledAt: meeting.scheduledAt, at: now });
      await this.record(manager, actor, 'meeting_held', meetingId, {});
    });
  }

  /**
   * Cancels a meeting not yet held. Its cases stay in `technical_group` and are carried to the
   * next planned meeting (now, or when one is planned).
   */
  async cancel(actor: StaffPrincipal, meetingId: string): Promise<void> {
    MeetingPermissions.require(actor, 'cancel');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireStep(meeting, 'cancelled');
      await this.updateMeeting(manager, meeting, {
        status: 'cancelled',
        cancelledAt: this.clock.now(),
      });
      const items = await manager.find(MeetingAgendaItem, {
        where: { meetingId },
        order: { position: 'ASC' },
      });
      const carriedTo = await this.agendaItems.carryToNextMeeting(manager, meeting, items);
      await this.record(manager, actor, 'meeting_cancelled', meetingId, { carriedTo });
    });
  }
}
