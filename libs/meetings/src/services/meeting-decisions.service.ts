import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { AgendaCaseFacts, CaseWorkflowService, ReferralInput } from '@app/cases';
import { AuditLog, StaffDirectory, StaffPrincipal } from '@app/identity';
import { DecisionKind, caseStatusAfter, needsQuorum } from '../domain/decision-kinds';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { itemQuorum, quorumThreshold } from '../domain/quorum';
import { DecisionRecordedDto } from '../dto/meeting-view.dto';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingAttendance } from '../entities/meeting-attendance.entity';
import { DecidedReferral, MeetingDecision } from '../entities/meeting-decision.entity';
import { MeetingRecusal } from '../entities/meeting-recusal.entity';
import {
  DecisionConflictError,
  MeetingConflictError,
  invalidField,
} from '../exceptions/meeting.errors';
import { AgendaItems } from './agenda-items';
import { MeetingCommandService, UUID } from './meeting-commands.base';

export interface RecordDecision {
  caseId: string;
  kind: DecisionKind;
  text: string;
  referrals?: ReferralInput[];
}

/**
 * The Group's decisions, one per agenda item (administrators only). A decision and its case
 * transition commit together, through the case workflow.
 */
@Injectable()
export class MeetingDecisions extends MeetingCommandService {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    clock: Clock,
    audit: AuditLog,
    private readonly workflow: CaseWorkflowService,
    private readonly directory: StaffDirectory,
    private readonly agendaItems: AgendaItems,
    private readonly cases: AgendaCaseFacts,
  ) {
    super(dataSource, clock, audit);
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
    MeetingPermissions.require(actor, 'decide');
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
      await this.agendaItems.recordAutomaticRecusals(manager, [item], undefined, referralCodes);
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
        const row = await this.cases.find(manager, { id: item.caseId });
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
        input.kind === 'postpone'
          ? await this.agendaItems.carryToNextMeeting(manager, meeting, [item])
          : null;
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

  private checkDecisionShape(input: RecordDecision): void {
    const referrals = input.referrals ?? [];
    if (input.kind === 'refer' && referrals.length === 0)
      throw invalidField('referrals', 'requiredForReferral');
    if (input.kind !== 'refer' && referrals.length > 0)
      throw invalidField('referrals', 'onlyWithReferral');
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
}
