import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import {
  AgendaCaseFacts,
  AgendaCaseRef,
  CaseActionForbiddenError,
  CaseNotFoundError,
  CaseWorkflowService,
  ReporterIdentityScreen,
} from '@app/cases';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { ProposedDecision } from '../domain/decision-kinds';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { DecisionConflictError, invalidField } from '../exceptions/meeting.errors';
import { AgendaItems } from './agenda-items';
import { MeetingCommandService, UUID } from './meeting-commands.base';

export interface AddAgendaItem {
  /** The case, by id (API) or by reference (the meeting page's form). */
  case: { id: string } | { reference: string };
  summary: string;
  proposedDecision: ProposedDecision;
  proposedInstitutionCodes?: string[];
  respondentInstitutionCode?: string | null;
}

/**
 * The agenda of a meeting not yet held: administrators and legal experts put cases on it and
 * take them off. The case moves through the case workflow in the same transaction.
 */
@Injectable()
export class MeetingAgenda extends MeetingCommandService {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    clock: Clock,
    audit: AuditLog,
    private readonly identityScreen: ReporterIdentityScreen,
    private readonly workflow: CaseWorkflowService,
    private readonly taxonomy: TaxonomyService,
    private readonly agendaItems: AgendaItems,
    private readonly cases: AgendaCaseFacts,
  ) {
    super(dataSource, clock, audit);
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
    MeetingPermissions.require(actor, 'editAgenda');
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
        if (!MeetingPermissions.mayPutCaseOnAgenda(actor, row)) {
          throw new CaseActionForbiddenError();
        }
        carriedFrom = (await this.agendaItems.waitingItems(manager, row.id))[0]?.id ?? null;
      } else {
        throw new DecisionConflictError('case_not_ready_for_agenda', { caseStatus: row.status });
      }
      const item = await this.agendaItems.insertItem(manager, meetingId, {
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
      await this.agendaItems.recordAutomaticRecusals(manager, [item]);
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
    MeetingPermissions.require(actor, 'editAgenda');
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockMeeting(manager, meetingId);
      this.requireAgendaOpen(meeting);
      const item = await this.findItem(manager, meetingId, itemId);
      const row = await this.cases.find(manager, { id: item.caseId });
      if (
        !MeetingPermissions.mayRemoveItem(actor, {
          addedBy: item.addedBy,
          assigneeId: row?.assigneeId ?? null,
        })
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

  /** The case with only the columns the agenda needs, locked like the workflow locks it. */
  private async findCase(
    manager: EntityManager,
    key: AddAgendaItem['case'],
  ): Promise<AgendaCaseRef> {
    const row = 'id' in key && !UUID.test(key.id) ? null : await this.cases.find(manager, key);
    if (!row) throw new CaseNotFoundError();
    return row;
  }

  /**
   * Institution codes must exist, and the summary members will read must not name the reporter
   * (the cases lib screens it; the contact details never leave it).
   */
  private async checkItemInput(input: AddAgendaItem, row: AgendaCaseRef): Promise<void> {
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
    if (await this.identityScreen.reveals(row.id, input.summary)) {
      throw invalidField('summary', 'revealsIdentity');
    }
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
}
