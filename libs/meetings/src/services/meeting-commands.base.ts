import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import {
  MEETING_STATUS_MACHINE,
  MeetingStatus,
  agendaIsOpen,
} from '../domain/meeting-status.machine';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingDecision } from '../entities/meeting-decision.entity';
import { Meeting } from '../entities/meeting.entity';
import {
  AgendaItemNotFoundError,
  MeetingConflictError,
  MeetingNotFoundError,
} from '../exceptions/meeting.errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rules every command on a meeting shares. Each command is one transaction that first
 * locks the meeting row (`lockMeeting`), so two administrators cannot, say, record two
 * decisions on one item or approve minutes while a decision is being written; each is audited
 * (`record`) in that transaction. A base class, not one more service to inject, so that every
 * command reads the same way in whichever service it lives (agenda, attendance, decisions...).
 */
export abstract class MeetingCommandService {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly clock: Clock,
    protected readonly audit: AuditLog,
  ) {}

  protected async lockMeeting(manager: EntityManager, id: string): Promise<Meeting> {
    const meeting = UUID.test(id)
      ? await manager.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!meeting) throw new MeetingNotFoundError();
    return meeting;
  }

  protected requireNotApproved(meeting: Meeting): void {
    if (meeting.status === 'minutes_approved') {
      throw new MeetingConflictError('minutes_approved', meeting.status);
    }
  }

  protected requireStep(meeting: Meeting, to: MeetingStatus): void {
    this.requireNotApproved(meeting);
    if (!MEETING_STATUS_MACHINE.can(meeting.status, to, 'administrator')) {
      throw new MeetingConflictError('meeting_step_not_allowed', meeting.status, { to });
    }
  }

  protected requireAgendaOpen(meeting: Meeting): void {
    this.requireNotApproved(meeting);
    if (!agendaIsOpen(meeting.status))
      throw new MeetingConflictError('agenda_closed', meeting.status);
  }

  protected async updateMeeting(
    manager: EntityManager,
    meeting: Meeting,
    patch: Partial<Meeting>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Meeting)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id', { id: meeting.id })
      .execute();
    Object.assign(meeting, patch);
  }

  protected async findItem(
    manager: EntityManager,
    meetingId: string,
    itemId: string,
  ): Promise<MeetingAgendaItem> {
    const item = UUID.test(itemId)
      ? await manager.findOne(MeetingAgendaItem, { where: { id: itemId, meetingId } })
      : null;
    if (!item) throw new AgendaItemNotFoundError();
    return item;
  }

  protected async undecidedItems(
    manager: EntityManager,
    meetingId: string,
  ): Promise<MeetingAgendaItem[]> {
    return manager
      .createQueryBuilder(MeetingAgendaItem, 'item')
      .leftJoin(MeetingDecision, 'decision', 'decision.item_id = item.id')
      .where('item.meeting_id = :meetingId', { meetingId })
      .andWhere('decision.id IS NULL')
      .orderBy('item.position', 'ASC')
      .getMany();
  }

  protected record(
    manager: EntityManager,
    actor: StaffPrincipal,
    action: string,
    meetingId: string,
    details: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.record(manager, {
      action,
      actor: { id: actor.id, role: actor.role },
      subjectType: 'meeting',
      subjectId: meetingId,
      details,
    });
  }
}
