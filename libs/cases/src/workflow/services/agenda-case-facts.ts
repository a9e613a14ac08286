import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CaseGround } from '../../common/entities/case-ground.entity';
import { Case } from '../../common/entities/case.entity';
import { CaseStatus } from '../domain/case-status.machine';

/** A case as a meeting's agenda commands need it: where it stands and who handles it. */
export interface AgendaCaseRef {
  id: string;
  reference: string;
  status: CaseStatus;
  assigneeId: string | null;
}

/**
 * The facts of a case the Technical Group reads on an agenda: never the reporter's contact
 * details, helper or own description. Codes, for the reader's labels.
 */
export interface AgendaCaseFact {
  id: string;
  reference: string;
  status: CaseStatus;
  community: string;
  area: string;
  grounds: string[];
  municipality: string;
  perpetratorKind: string;
  incidentDate: string;
  submittedAt: Date;
}

/** A case proposed for the next agenda, with the due date of its current stage. */
export interface AgendaProposal {
  id: string;
  reference: string;
  status: CaseStatus;
  /** YYYY-MM-DD: the Technical Group's decision target, or the assessment's for assigned cases. */
  dueDate: string | null;
}

/**
 * What the meetings lib reads of cases, inside the caller's transaction: the case it puts on an
 * agenda or decides on, and the facts an agenda shows. Status changes go through the workflow.
 */
@Injectable()
export class AgendaCaseFacts {
  /**
   * The case by id or by reference, or null when there is none, locked as the workflow locks it
   * (until the caller's transaction ends): two agendas cannot take the same case at once.
   */
  async find(
    manager: EntityManager,
    key: { id: string } | { reference: string },
  ): Promise<AgendaCaseRef | null> {
    const row = await manager.findOne(Case, {
      where: 'id' in key ? { id: key.id } : { reference: key.reference },
      select: { id: true, reference: true, status: true, assigneeId: true },
      lock: { mode: 'pessimistic_write' },
    });
    return row
      ? { id: row.id, reference: row.reference, status: row.status, assigneeId: row.assigneeId }
      : null;
  }

  /** Of these cases, the ids of those in this status. */
  async inStatus(
    manager: EntityManager,
    caseIds: readonly string[],
    status: CaseStatus,
  ): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await manager.find(Case, {
      where: { id: In([...new Set(caseIds)]), status },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  /** The agenda facts of these cases, by id (only the columns the Group may read). */
  async facts(
    manager: EntityManager,
    caseIds: readonly string[],
  ): Promise<Map<string, AgendaCaseFact>> {
    if (caseIds.length === 0) return new Map();
    const ids = [...new Set(caseIds)];
    const rows = await manager.find(Case, {
      where: { id: In(ids) },
      select: {
        id: true,
        reference: true,
        status: true,
        community: true,
        primaryArea: true,
        municipality: true,
        perpetratorKind: true,
        incidentDate: true,
        submittedAt: true,
      },
    });
    const grounds = await manager.find(CaseGround, { where: { caseId: In(ids) } });
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          reference: row.reference,
          status: row.status,
          community: row.community,
          area: row.primaryArea,
          grounds: grounds.filter((g) => g.caseId === row.id).map((g) => g.ground),
          municipality: row.municipality,
          perpetratorKind: row.perpetratorKind,
          incidentDate: row.incidentDate,
          submittedAt: row.submittedAt,
        },
      ]),
    );
  }

  /**
   * Cases an agenda could take next, the earliest decision target first (DESIGN §7a): those
   * before the Technical Group without a decision yet (postponed) and those being assessed,
   * ordered by the due date of their running clock. `excluded`: the cases already on the agenda.
   */
  async proposals(
    manager: EntityManager,
    excluded: readonly string[],
    limit = 10,
  ): Promise<AgendaProposal[]> {
    const rows = (await manager.query(
      `SELECT c.id, c.reference, c.status, to_char(k.due_day, 'YYYY-MM-DD') AS due_day
         FROM cases c
         LEFT JOIN case_clocks k ON k.case_id = c.id AND k.stopped_at IS NULL
        WHERE c.status IN ('technical_group', 'assigned') AND NOT (c.id = ANY($1::uuid[]))
        ORDER BY k.due_day ASC NULLS LAST, c.submitted_at ASC
        LIMIT $2`,
      [excluded, limit],
    )) as { id: string; reference: string; status: CaseStatus; due_day: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      dueDate: r.due_day,
    }));
  }
}
