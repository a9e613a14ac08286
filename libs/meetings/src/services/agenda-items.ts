import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '@app/core';
import { AgendaCaseFacts } from '@app/cases';
import { StaffDirectory, StaffMember } from '@app/identity';
import { automaticRecusal } from '../domain/recusal';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingRecusal } from '../entities/meeting-recusal.entity';
import { Meeting } from '../entities/meeting.entity';

/**
 * Agenda items as the meeting commands write them: a new item at the end of an agenda, the
 * recusals that follow from institutions, and the cases that wait for the Group (postponed, or
 * on a cancelled agenda) carried into the next meeting. Always inside the caller's transaction.
 */
@Injectable()
export class AgendaItems {
  constructor(
    private readonly clock: Clock,
    private readonly directory: StaffDirectory,
    private readonly cases: AgendaCaseFacts,
  ) {}

  /**
   * Records the recusals that follow from institutions: members of the institution the case is
   * about or of one it would be referred to (proposed, or at the decision the actual targets).
   */
  async recordAutomaticRecusals(
    manager: EntityManager,
    items: readonly MeetingAgendaItem[],
    members?: readonly StaffMember[],
    extraReferralCodes: readonly string[] = [],
  ): Promise<void> {
    if (items.length === 0) return;
    const group = members ?? (await this.directory.activeTechnicalGroupMembers(manager));
    const now = this.clock.now();
    const rows: Partial<MeetingRecusal>[] = [];
    for (const item of items) {
      for (const member of group) {
        const reason = automaticRecusal(member.institutionCode, {
          respondentInstitutionCode: item.respondentInstitutionCode,
          referralInstitutionCodes: [...item.proposedInstitutionCodes, ...extraReferralCodes],
        });
        if (reason)
          rows.push({
            itemId: item.id,
            memberId: member.id,
            reason,
            recordedBy: null,
            recordedAt: now,
          });
      }
    }
    if (rows.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(MeetingRecusal)
      .values(rows)
      .orIgnore()
      .execute();
  }

  async insertItem(
    manager: EntityManager,
    meetingId: string,
    fields: Pick<
      MeetingAgendaItem,
      | 'caseId'
      | 'summary'
      | 'proposedDecision'
      | 'proposedInstitutionCodes'
      | 'respondentInstitutionCode'
      | 'carriedFromItemId'
      | 'addedBy'
    >,
  ): Promise<MeetingAgendaItem> {
    const [{ next }] = (await manager.query(
      `SELECT COALESCE(MAX(position), 0) + 1 AS next FROM meeting_agenda_items WHERE meeting_id = $1`,
      [meetingId],
    )) as { next: number }[];
    const item = manager.create(MeetingAgendaItem, {
      id: randomUUID(),
      meetingId,
      position: Number(next),
      addedAt: this.clock.now(),
      ...fields,
    });
    await manager.insert(MeetingAgendaItem, item);
    return item;
  }

  /**
   * Items whose case still waits for the Group: postponed, or on a cancelled meeting's agenda
   * without a decision, not yet carried on, and the case neither moved on nor already on an
   * agenda. One per case (its latest item).
   */
  async waitingItems(manager: EntityManager, caseId?: string): Promise<MeetingAgendaItem[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT ON (i.case_id) i.id, i.case_id
         FROM meeting_agenda_items i
         JOIN meetings m ON m.id = i.meeting_id
         LEFT JOIN meeting_decisions d ON d.item_id = i.id
        WHERE ($1::uuid IS NULL OR i.case_id = $1::uuid)
          AND (d.kind = 'postpone' OR (m.status = 'cancelled' AND d.id IS NULL))
          AND NOT EXISTS (SELECT 1 FROM meeting_agenda_items n WHERE n.carried_from_item_id = i.id)
          AND NOT EXISTS (
            SELECT 1 FROM meeting_agenda_items o
              JOIN meetings om ON om.id = o.meeting_id
              LEFT JOIN meeting_decisions od ON od.item_id = o.id
             WHERE o.case_id = i.case_id
               AND (om.status IN ('planned', 'agenda_published') OR (om.status = 'held' AND od.id IS NULL)))
        ORDER BY i.case_id, m.scheduled_at DESC, i.position`,
      [caseId ?? null],
    )) as { id: string; case_id: string }[];
    // Whether the case still waits is the case's own status, asked of the cases lib.
    const waiting = await this.cases.inStatus(
      manager,
      rows.map((r) => r.case_id),
      'technical_group',
    );
    const ids = rows.filter((r) => waiting.has(r.case_id)).map((r) => r.id);
    if (ids.length === 0) return [];
    const items = await manager.find(MeetingAgendaItem, { where: { id: In(ids) } });
    return items.sort(
      (a, b) => a.addedAt.getTime() - b.addedAt.getTime() || a.position - b.position,
    );
  }

  /** Copies waiting items into a meeting's agenda, as the legal expert presented them. */
  async carryInto(
    manager: EntityManager,
    meetingId: string,
    sources: readonly MeetingAgendaItem[],
  ): Promise<number> {
    const carried: MeetingAgendaItem[] = [];
    for (const source of sources) {
      carried.push(
        await this.insertItem(manager, meetingId, {
          caseId: source.caseId,
          summary: source.summary,
          proposedDecision: source.proposedDecision,
          proposedInstitutionCodes: source.proposedInstitutionCodes,
          respondentInstitutionCode: source.respondentInstitutionCode,
          carriedFromItemId: source.id,
          addedBy: source.addedBy,
        }),
      );
    }
    await this.recordAutomaticRecusals(manager, carried);
    return carried.length;
  }

  /**
   * Carries the cases of these items, when they wait for the Group, to the next meeting still
   * planned (the earliest one to come); without one they wait for the next meeting planned.
   * Returns the meeting they went to.
   */
  async carryToNextMeeting(
    manager: EntityManager,
    from: Meeting,
    items: readonly MeetingAgendaItem[],
  ): Promise<string | null> {
    if (items.length === 0) return null;
    const next = await manager
      .createQueryBuilder(Meeting, 'meeting')
      .where('meeting.status IN (:...open)', { open: ['planned', 'agenda_published'] })
      .andWhere('meeting.id <> :id', { id: from.id })
      .andWhere('meeting.scheduled_at > :now', { now: this.clock.now() })
      .orderBy('meeting.scheduled_at', 'ASC')
      .setLock('pessimistic_write')
      .getOne();
    if (!next) return null;
    const sources: MeetingAgendaItem[] = [];
    for (const item of items) sources.push(...(await this.waitingItems(manager, item.caseId)));
    return (await this.carryInto(manager, next.id, sources)) > 0 ? next.id : null;
  }
}
