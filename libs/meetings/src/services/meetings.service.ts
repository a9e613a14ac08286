import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, FieldCipher, kosovoDate, kosovoDateTime } from '@app/core';
import {
  Case,
  CaseActionForbiddenError,
  CaseNotFoundError,
  CaseWorkflowService,
  ReferralInput,
  revealsIdentity,
} from '@app/cases';
import { AuditLog, StaffDirectory, StaffMember, StaffPrincipal } from '@app/identity';
import { NotificationOutbox } from '@app/notifications';
import { StatisticsRecorder } from '@app/statistics';
import { TaxonomyService } from '@app/taxonomy';
import {
  DecisionKind,
  ProposedDecision,
  caseStatusAfter,
  needsQuorum,
} from '../domain/decision-kinds';
import { parseMeetingTime } from '../domain/meeting-time';
import {
  MEETING_STATUS_MACHINE,
  MeetingStatus,
  agendaIsOpen,
  attendanceIsOpen,
} from '../domain/meeting-status.machine';
import { excludedFromItem, mayReadMeeting } from '../domain/meeting-access';
import { itemQuorum, quorumThreshold } from '../domain/quorum';
import { automaticRecusal } from '../domain/recusal';
import { DecisionRecordedDto } from '../dto/meeting-view.dto';
import { DecidedReferral, MeetingDecision } from '../entities/meeting-decision.entity';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingAttendance } from '../entities/meeting-attendance.entity';
import { MeetingComment } from '../entities/meeting-comment.entity';
import { MeetingRecusal } from '../entities/meeting-recusal.entity';
import { Meeting } from '../entities/meeting.entity';
import {
  AgendaItemNotFoundError,
  DecisionConflictError,
  MeetingConflictError,
  MeetingNotFoundError,
  RecusedFromItemError,
  invalidField,
} from '../exceptions/meeting.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PlanMeeting {
  scheduledAt: string;
  place?: string | null;
  onlineLink?: string | null;
}

export interface AddAgendaItem {
  /** The case, by id (API) or by reference (the meeting page's form). */
  case: { id: string } | { reference: string };
  summary: string;
  proposedDecision: ProposedDecision;
  proposedInstitutionCodes?: string[];
  respondentInstitutionCode?: string | null;
}

export interface RecordDecision {
  caseId: string;
  kind: DecisionKind;
  text: string;
  referrals?: ReferralInput[];
}

/**
 * Everything that changes a Technical Group meeting. Each command is one transaction that
 * first locks the meeting row, so two administrators cannot, say, record two decisions on one
 * item or approve minutes while a decision is being written. Case steps go through the case
 * workflow in the same transaction: a decision and its case transition commit together.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly workflow: CaseWorkflowService,
    private readonly directory: StaffDirectory,
    private readonly audit: AuditLog,
    private readonly outbox: NotificationOutbox,
    private readonly statistics: StatisticsRecorder,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /** An administrator plans a meeting; cases waiting from a postponement join its agenda. */
  async plan(actor: StaffPrincipal, input: PlanMeeting): Promise<{ id: string; carried: number }> {
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
      const carried = await this.carryInto(manager, meeting.id, await this.waitingItems(manager));
      await this.record(manager, actor, 'meeting_planned', meeting.id, { carried });
      return { id: meeting.id, carried };
    });
  }

  /** The agenda goes to every active member (an email each, in their language, link only). */
  async publishAgenda(actor: StaffPrincipal, meetingId: string): Promise<void> {
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
            meetingDate: kosovoDateTime(meeting.scheduledAt),
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
   * Puts a case on the agenda (until the meeting is held). An assigned case moves to
   * `technical_group` in the same transaction; a case already there (postponed) just joins.
   */
  async addItem(
    actor: StaffPrincipal,
    meetingId: string,
    input: AddAgendaItem,
  ): Promise<{ itemId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireAgendaOpen(meeting);
      const row = await this.findCase(manager, input.case);
      await this.checkItemInput(input, row);
      if (await this.openItemOf(manager, row.id)) {
        throw new DecisionConflictError('case_already_on_agenda', { reference: row.reference });
      }
      let carriedFrom: string | null = null;
      if (row.status === 'assigned') {
        await this.workflow.transition(
          { caseId: row.id, to: 'technical_group', actor: { kind: 'staff', principal: actor } },
          manager,
        );
      } else if (row.status === 'technical_group') {
        if (actor.role === 'legal_expert' && row.assigneeId !== actor.id) {
          throw new CaseActionForbiddenError();
        }
        carriedFrom = (await this.waitingItems(manager, row.id))[0]?.id ?? null;
      } else {
        throw new DecisionConflictError('case_not_ready_for_agenda', { caseStatus: row.status });
      }
      const item = await this.insertItem(manager, meetingId, {
        caseId: row.id,
        summary: input.summary,
        proposedDecision: input.proposedDecision,
        proposedInstitutionCodes:
          input.proposedDecision === 'refer'
            ? [...new Set(input.proposedInstitutionCodes ?? [])]
            : [],
        respondentInstitutionCode: input.respondentInstitutionCode ?? null,
        carriedFromItemId: carriedFrom,
        addedBy: actor.id,
      });
      await this.recordAutomaticRecusals(manager, [item]);
      await this.record(manager, actor, 'meeting_agenda_item_added', meetingId, {
        itemId: item.id,
        caseId: row.id,
      });
      return { itemId: item.id };
    });
  }

  /**
   * Takes a case off an agenda that is still open. The case goes back to its legal expert
   * (`technical_group → assigned`, recorded as a step of this meeting).
   */
  async removeItem(actor: StaffPrincipal, meetingId: string, itemId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireAgendaOpen(meeting);
      const item = await this.findItem(manager, meetingId, itemId);
      const row = await manager.findOne(Case, {
        where: { id: item.caseId },
        select: { id: true, status: true, assigneeId: true },
      });
      if (
        actor.role === 'legal_expert' &&
        item.addedBy !== actor.id &&
        row?.assigneeId !== actor.id
      ) {
        throw new CaseActionForbiddenError();
      }
      await manager.delete(MeetingAgendaItem, { id: item.id });
      if (row?.status === 'technical_group') {
        await this.workflow.transition(
          {
            caseId: row.id,
            to: 'assigned',
            actor: { kind: 'meeting', meetingId, recordedBy: actor },
          },
          manager,
        );
      }
      await this.record(manager, actor, 'meeting_agenda_item_removed', meetingId, {
        itemId,
        caseId: item.caseId,
      });
    });
  }

  /** Who is present; every other active member is recorded absent. */
  async recordAttendance(
    actor: StaffPrincipal,
    meetingId: string,
    presentMemberIds: readonly string[],
  ): Promise<void> {
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
      await this.recordAutomaticRecusals(manager, items, members);
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

  /**
   * The meeting took place: attendance must be recorded, and the day must have come. The count
   * of meetings held moves in the same transaction, in the year the Group met.
   */
  async markHeld(actor: StaffPrincipal, meetingId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireStep(meeting, 'held');
      const now = this.clock.now();
      if (kosovoDate(now) < kosovoDate(meeting.scheduledAt)) {
        throw new MeetingConflictError('meeting_not_yet_due', meeting.status, {
          date: kosovoDate(meeting.scheduledAt),
        });
      }
      if (!(await manager.exists(MeetingAttendance, { where: { meetingId } }))) {
        throw new MeetingConflictError('attendance_not_recorded', meeting.status);
      }
      await this.updateMeeting(manager, meeting, { status: 'held', heldAt: now });
      await this.statistics.meetingHeld(manager, meeting.scheduledAt, 1);
      await this.record(manager, actor, 'meeting_held', meetingId, {});
    });
  }

  /**
   * The Group's decision on a case of the agenda. Refused (409) when the meeting is not held,
   * the case is not on its agenda, the item already has a decision, or too few members who
   * are not recused are present. The case transition, its history and the reporter's email are
   * written in this transaction.
   */
  async recordDecision(
    actor: StaffPrincipal,
    meetingId: string,
    input: RecordDecision,
  ): Promise<DecisionRecordedDto> {
    this.checkDecisionShape(input);
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireNotApproved(meeting);
      if (meeting.status !== 'held')
        throw new MeetingConflictError('meeting_not_held', meeting.status);
      const item = UUID.test(input.caseId)
        ? await manager.findOne(MeetingAgendaItem, { where: { meetingId, caseId: input.caseId } })
        : null;
      if (!item) throw new DecisionConflictError('case_not_on_agenda');
      if (await manager.exists(MeetingDecision, { where: { itemId: item.id } })) {
        throw new DecisionConflictError('decision_already_recorded');
      }

      const referralCodes = (input.referrals ?? []).map((r) => r.institutionCode);
      await this.recordAutomaticRecusals(manager, [item], undefined, referralCodes);
      const quorum = await this.quorumOf(manager, item);
      if (needsQuorum(input.kind) && !quorum.met) {
        throw new DecisionConflictError('no_quorum', {
          voting: quorum.voting,
          required: quorum.required,
        });
      }

      const to = caseStatusAfter(input.kind);
      let caseStatus = to;
      let referralIds: string[] = [];
      if (to) {
        const result = await this.workflow.transition(
          {
            caseId: item.caseId,
            to,
            actor: { kind: 'meeting', meetingId, recordedBy: actor },
            reason: input.text,
            referrals: input.kind === 'refer' ? input.referrals : undefined,
          },
          manager,
        );
        referralIds = result.referralIds;
      } else {
        const row = await manager.findOne(Case, {
          where: { id: item.caseId },
          select: { id: true, status: true },
        });
        if (row?.status !== 'technical_group') {
          throw new DecisionConflictError('case_not_in_technical_group', {
            caseStatus: row?.status ?? '',
          });
        }
        caseStatus = row.status;
      }

      const decision = manager.create(MeetingDecision, {
        id: randomUUID(),
        itemId: item.id,
        kind: input.kind,
        text: input.text,
        referrals: (input.referrals ?? []).map((r): DecidedReferral => ({
          institutionCode: r.institutionCode,
          municipalityCode: r.municipalityCode ?? null,
          recommendation: r.recommendation,
          responseDueDate: r.responseDueDate,
        })),
        referralIds,
        membersPresent: quorum.present,
        membersRecused: quorum.recused,
        quorumRequired: quorum.required,
        recordedBy: actor.id,
        recordedAt: this.clock.now(),
      });
      await manager.insert(MeetingDecision, decision);
      const carriedTo =
        input.kind === 'postpone' ? await this.carryToNextMeeting(manager, meeting, [item]) : null;
      await this.record(manager, actor, 'meeting_decision_recorded', meetingId, {
        itemId: item.id,
        caseId: item.caseId,
        kind: input.kind,
        referrals: referralIds.length,
      });
      return {
        decisionId: decision.id,
        itemId: item.id,
        kind: input.kind,
        caseStatus: caseStatus!,
        referralIds,
        carriedToMeetingId: carriedTo,
      };
    });
  }

  /** The minutes' text, written after the meeting until approved. */
  async saveMinutes(actor: StaffPrincipal, meetingId: string, text: string): Promise<void> {
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

  /**
   * Cancels a meeting not yet held. Its cases stay in `technical_group` and are carried to the
   * next planned meeting (now, or when one is planned).
   */
  async cancel(actor: StaffPrincipal, meetingId: string): Promise<void> {
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
      const carriedTo = await this.carryToNextMeeting(manager, meeting, items);
      await this.record(manager, actor, 'meeting_cancelled', meetingId, { carriedTo });
    });
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
    return this.dataSource.transaction(async (manager) => {
      // A shared lock: comments do not wait for each other, but an approval waits for them.
      const meeting = UUID.test(meetingId)
        ? await manager.findOne(Meeting, {
            where: { id: meetingId },
            lock: { mode: 'pessimistic_read' },
          })
        : null;
      if (!meeting || !mayReadMeeting(actor.role, meeting)) throw new MeetingNotFoundError();
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

  // --- rules shared by the commands -------------------------------------------------------

  private async lockMeeting(manager: EntityManager, id: string): Promise<Meeting> {
    const meeting = UUID.test(id)
      ? await manager.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!meeting) throw new MeetingNotFoundError();
    return meeting;
  }

  private requireNotApproved(meeting: Meeting): void {
    if (meeting.status === 'minutes_approved') {
      throw new MeetingConflictError('minutes_approved', meeting.status);
    }
  }

  private requireStep(meeting: Meeting, to: MeetingStatus): void {
    this.requireNotApproved(meeting);
    if (!MEETING_STATUS_MACHINE.can(meeting.status, to, 'administrator')) {
      throw new MeetingConflictError('meeting_step_not_allowed', meeting.status, { to });
    }
  }

  private requireAgendaOpen(meeting: Meeting): void {
    this.requireNotApproved(meeting);
    if (!agendaIsOpen(meeting.status))
      throw new MeetingConflictError('agenda_closed', meeting.status);
  }

  private async updateMeeting(
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

  private async findItem(
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

  /** The case with only the columns the agenda needs, locked like the workflow locks it. */
  private async findCase(manager: EntityManager, key: AddAgendaItem['case']): Promise<Case> {
    const where =
      'id' in key ? (UUID.test(key.id) ? { id: key.id } : null) : { reference: key.reference };
    const row = where
      ? await manager.findOne(Case, {
          where,
          select: {
            id: true,
            reference: true,
            status: true,
            assigneeId: true,
            contactNameEnc: true,
            contactEmailEnc: true,
            contactPhoneEnc: true,
            personalDataErasedAt: true,
          },
        })
      : null;
    if (!row) throw new CaseNotFoundError();
    return row;
  }

  /**
   * Institution codes must exist, and the summary members will read must not name the reporter
   * (the contact details are decrypted for this comparison only, never shown or kept).
   */
  private async checkItemInput(input: AddAgendaItem, row: Case): Promise<void> {
    const snapshot = await this.taxonomy.snapshot();
    const codes = input.proposedInstitutionCodes ?? [];
    const unknown = codes.findIndex((code) => !snapshot.isKnown('institution', code));
    if (unknown >= 0) throw invalidField(`proposedInstitutionCodes.${unknown}`, 'isKnownCode');
    if (codes.length > 0 && input.proposedDecision !== 'refer') {
      throw invalidField('proposedInstitutionCodes', 'onlyWithReferral');
    }
    if (
      input.respondentInstitutionCode &&
      !snapshot.isKnown('institution', input.respondentInstitutionCode)
    ) {
      throw invalidField('respondentInstitutionCode', 'isKnownCode');
    }
    if (row.personalDataErasedAt) return;
    const open = (value: string | null) => (value ? this.cipher.decrypt(value, row.id) : null);
    const identity = {
      name: open(row.contactNameEnc),
      email: open(row.contactEmailEnc),
      phone: open(row.contactPhoneEnc),
    };
    if (revealsIdentity(input.summary, identity)) throw invalidField('summary', 'revealsIdentity');
  }

  private checkDecisionShape(input: RecordDecision): void {
    const referrals = input.referrals ?? [];
    if (input.kind === 'refer' && referrals.length === 0)
      throw invalidField('referrals', 'requiredForReferral');
    if (input.kind !== 'refer' && referrals.length > 0)
      throw invalidField('referrals', 'onlyWithReferral');
  }

  /** An item of this case that may still be decided: on an open agenda, or held and undecided. */
  private async openItemOf(manager: EntityManager, caseId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM meeting_agenda_items i
         JOIN meetings m ON m.id = i.meeting_id
         LEFT JOIN meeting_decisions d ON d.item_id = i.id
        WHERE i.case_id = $1
          AND (m.status IN ('planned', 'agenda_published') OR (m.status = 'held' AND d.id IS NULL))
        LIMIT 1`,
      [caseId],
    )) as unknown[];
    return rows.length > 0;
  }

  private async undecidedItems(
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

  /**
   * Records the recusals that follow from institutions: members of the institution the case is
   * about or of one it would be referred to (proposed, or at the decision the actual targets).
   */
  private async recordAutomaticRecusals(
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

  /** Members present and not recused from the item, against the threshold of now. */
  private async quorumOf(manager: EntityManager, item: MeetingAgendaItem) {
    // One after the other: the queries share the transaction's connection.
    const present = await manager.find(MeetingAttendance, {
      where: { meetingId: item.meetingId, present: true },
    });
    const recusals = await manager.find(MeetingRecusal, { where: { itemId: item.id } });
    const members = await this.directory.activeTechnicalGroupMembers(manager);
    return itemQuorum(
      present.map((p) => p.memberId),
      recusals.map((r) => r.memberId),
      quorumThreshold(this.config.meetings.quorum, members.length),
    );
  }

  private async insertItem(
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
  private async waitingItems(
    manager: EntityManager,
    caseId?: string,
  ): Promise<MeetingAgendaItem[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT ON (i.case_id) i.id
         FROM meeting_agenda_items i
         JOIN meetings m ON m.id = i.meeting_id
         JOIN cases c ON c.id = i.case_id
         LEFT JOIN meeting_decisions d ON d.item_id = i.id
        WHERE c.status = 'technical_group'
          AND ($1::uuid IS NULL OR i.case_id = $1::uuid)
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
    )) as { id: string }[];
    if (rows.length === 0) return [];
    const items = await manager.find(MeetingAgendaItem, {
      where: { id: In(rows.map((r) => r.id)) },
    });
    return items.sort(
      (a, b) => a.addedAt.getTime() - b.addedAt.getTime() || a.position - b.position,
    );
  }

  /** Copies waiting items into a meeting's agenda, as the legal expert presented them. */
  private async carryInto(
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
  private async carryToNextMeeting(
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

  private record(
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
