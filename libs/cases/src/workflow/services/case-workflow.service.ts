import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, FieldCipher, ValidationFailedError, installationDate } from '@app/core';
import { AuditLog, StaffDirectory, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { CaseAccessPolicy, CaseViewer } from '../../staff-cases/domain/case-access.policy';
import type { CaseStatus, ClosureReason } from '../domain/case-status.machine';
import { CASE_STATUSES, FINAL_STATUSES, isDecidedStatus } from '../domain/case-status.machine';
import type { HistoryActorKind } from '../domain/history-actor';
import { ReporterIdentity, revealsIdentity } from '../../common/domain/identity-in-text';
import { checkTransitionRequirements, isClosureReason } from '../domain/transition-requirements';
import { Case } from '../../common/entities/case.entity';
import { CaseHistoryEntry } from '../entities/case-history-entry.entity';
import {
  CaseActionForbiddenError,
  CaseNotFoundError,
  CaseVersionConflictError,
  TransitionNotAllowedError,
} from '../exceptions/workflow.errors';
import { CaseEvents } from './case-events';
import { CaseReferralsService } from '../../referrals/services/case-referrals.service';
import { InstitutionDirectoryService } from '../../directory/services/institution-directory.service';

/** Who takes a step: a staff member, or a Technical Group decision recorded by a staff member. */
export type WorkflowActor =
  | { kind: 'staff'; principal: StaffPrincipal }
  | { kind: 'meeting'; meetingId: string; recordedBy: StaffPrincipal };

export interface ReferralInput {
  /** Taxonomy `institution` code. */
  institutionCode: string;
  /** Taxonomy `municipality` code, when `institutionCode` is `municipality`. */
  municipalityCode?: string | null;
  /** 10 to 5000 characters. */
  recommendation: string;
  /**
   * 20 to 5000 characters: the case as the legal expert tells it to the institution, which
   * sees the reporter's own words only with their consent. Refused when it could tell who
   * reported (their name, or any phone number or e-mail address).
   */
  summary: string;
  /** YYYY-MM-DD, after today (the installation's time zone). */
  responseDueDate: string;
  /**
   * The directory's contact point the referral goes to (active, of the referral's institution):
   * its address gets the response link.
   */
  contactPointId?: string | null;
  /** A one-off address not in the directory: only with `oneOffConfirmed`. */
  contactEmail?: string | null;
  /** The one-off address typed a second time (must be the same). */
  contactEmailRepeat?: string | null;
  /** The explicit confirmation that the one-off address was checked. */
  oneOffConfirmed?: boolean | null;
}

export interface TransitionCommand {
  caseId: string;
  to: CaseStatus;
  actor: WorkflowActor;
  reason?: string | null;
  /** When given and stale: 409 `case_version_conflict`. */
  expectedVersion?: number;
  /** in_review → assigned: an active legal expert. */
  assigneeId?: string;
  /** → closed. */
  closureReason?: ClosureReason;
  /** → referred (at least one). */
  referrals?: ReferralInput[];
  /**
   * The legal expert's message to the reporter about the decision (referred, resolved, not
   * discrimination, closed): required when staff take the step, shown on the follow-up page,
   * never put in an e-mail.
   */
  outcomeMessage?: string | null;
  /**
   * False: a step on the way to the next one in the same action (a new case taken into review
   * and assigned at once); the reporter is told once, of the last step.
   */
  tellReporter?: boolean;
}

export interface TransitionResult {
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  version: number;
  referralIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer the access rules see for a workflow actor. */
export function viewerOf(actor: WorkflowActor): CaseViewer {
  return actor.kind === 'meeting'
    ? { kind: 'meeting' }
    : { kind: 'staff', id: actor.principal.id, role: actor.principal.role };
}

/**
 * Moves cases through the status machine (DESIGN §4). One step is one transaction: the case
 * row is locked, its status and version change, and the history entry, referrals, audit entry
 * and the listeners' work (statistics, emails) are written with it, or nothing is.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly events: CaseEvents,
    private readonly audit: AuditLog,
    private readonly staff: StaffDirectory,
    private readonly taxonomy: TaxonomyService,
    private readonly referrals: CaseReferralsService,
    private readonly directory: InstitutionDirectoryService,
  ) {}

  /** Applies one transition in `manager`'s transaction when given (a meeting decision), else in its own. */
  transition(command: TransitionCommand, manager?: EntityManager): Promise<TransitionResult> {
    if (manager) return this.apply(manager, command);
    return this.dataSource.transaction((own) => this.apply(own, command));
  }

  /** The statuses this actor may move the case to now; for forms and the 409 answer. */
  allowedTransitions(
    actor: WorkflowActor,
    facts: Pick<Case, 'status' | 'assigneeId'>,
  ): CaseStatus[] {
    return CaseAccessPolicy.allowedTransitions(viewerOf(actor), facts);
  }

  private async apply(
    manager: EntityManager,
    command: TransitionCommand,
  ): Promise<TransitionResult> {
    const viewer = viewerOf(command.actor);
    if (!CaseAccessPolicy.mayBrowse(viewer) || !UUID.test(command.caseId)) {
      throw new CaseNotFoundError();
    }
    const row = await manager.findOne(Case, {
      where: { id: command.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw new CaseNotFoundError();
    if (command.expectedVersion !== undefined && command.expectedVersion !== row.version) {
      throw new CaseVersionConflictError(row.version);
    }
    const from = row.status;
    const to = command.to;
    if (!(CASE_STATUSES as readonly string[]).includes(to)) {
      throw new ValidationFailedError([
        {
          field: 'to',
          code: 'isIn',
          messageKey: 'validation.isIn',
          params: { 0: CASE_STATUSES.join(', ') },
        },
      ]);
    }
    const judged = CaseAccessPolicy.judgeTransition(viewer, row, to);
    if (judged.verdict === 'not_allowed') {
      throw new TransitionNotAllowedError(from, to, judged.allowed);
    }
    if (judged.verdict === 'forbidden') throw new CaseActionForbiddenError();

    const now = this.clock.now();
    const needsAssignee = to === 'assigned' && from === 'in_review';
    const assignee =
      needsAssignee && command.assigneeId && UUID.test(command.assigneeId)
        ? await this.staff.findActive(command.assigneeId, manager)
        : null;
    const snapshot = await this.taxonomy.snapshot();
    const points =
      to === 'referred'
        ? await this.directory.recipients(
            manager,
            (command.referrals ?? []).map((r) => r.contactPointId ?? '').filter(Boolean),
          )
        : [];
    let identity: ReporterIdentity | undefined;
    const problems = checkTransitionRequirements(
      from,
      to,
      command,
      {
        today: installationDate(now),
        isInstitution: (code) => snapshot.isKnown('institution', code),
        isMunicipality: (code) => snapshot.isKnown('municipality', code),
        isActiveLegalExpert: () => assignee?.role === 'legal_expert',
        revealsIdentity: (text) => revealsIdentity(text, (identity ??= this.identityOf(row))),
        contactPoint: (id) => points.find((p) => p.id === id) ?? null,
      },
      // Staff steps are judged as staff's (only administrators and legal experts get this far).
      command.actor.kind === 'meeting' ? 'meeting' : 'legal_expert',
    );
    if (problems.length > 0) throw new ValidationFailedError(problems);

    const reason = command.reason?.trim() || null;
    const closureReason =
      to === 'closed' && isClosureReason(command.closureReason) ? command.closureReason : null;
    const assigneeId = assignee ? assignee.id : row.assigneeId;
    // Each decision replaces the message of the one before; an undecided case holds none.
    const outcomeMessage = isDecidedStatus(to) ? command.outcomeMessage?.trim() || null : null;
    const updated = (await manager.query(
      `UPDATE cases SET status = $2, version = version + 1, assignee_id = $3, closure_reason = $4,
         outcome_message = $7, updated_at = $5
       WHERE id = $1 AND version = $6 RETURNING version`,
      [row.id, to, assigneeId, closureReason, now, row.version, outcomeMessage],
    )) as [{ version: number }[], number];
    const version = updated[0][0].version;
    Object.assign(row, {
      status: to,
      version,
      assigneeId,
      closureReason,
      outcomeMessage,
      updatedAt: now,
    });

    const { actorKind, actorId, staffActor } = this.historyActor(command.actor);
    await manager.insert(CaseHistoryEntry, {
      caseId: row.id,
      at: now,
      actorKind,
      actorId,
      fromStatus: from,
      toStatus: to,
      reason,
      public: true,
      event: 'status_changed',
      referralId: null,
    });

    let referralIds: string[] = [];
    if (to === 'referred') {
      referralIds = await this.referrals.create(
        manager,
        row,
        command.referrals ?? [],
        staffActor,
        now,
        points,
      );
    }
    if (FINAL_STATUSES.includes(to)) await this.referrals.closeWaiting(manager, row.id, to, now);

    await this.audit.record(manager, {
      action: 'transition',
      actor: { id: staffActor.id, role: staffActor.role },
      subjectType: 'case',
      subjectId: row.id,
      details: {
        from,
        to,
        version,
        meetingId: command.actor.kind === 'meeting' ? command.actor.meetingId : null,
        assigneeId: needsAssignee ? assigneeId : null,
        closureReason,
        referrals: referralIds.length,
      },
    });

    await this.events.statusChanged(manager, {
      case: row,
      from,
      to,
      at: now,
      by: actorKind === 'meeting' ? 'meeting' : 'staff',
      actorId: staffActor.id,
      reason,
      ...(command.tellReporter === false ? { tellReporter: false } : {}),
    });
    return { caseId: row.id, from, to, version, referralIds };
  }

  /** The reporter's contact details, decrypted only to screen texts meant for others. */
  private identityOf(row: Case): ReporterIdentity {
    const open = (value: string | null) =>
      value && !row.personalDataErasedAt ? this.cipher.decrypt(value, row.id) : null;
    return {
      name: open(row.contactNameEnc),
      email: open(row.contactEmailEnc),
      phone: open(row.contactPhoneEnc),
    };
  }

  private historyActor(actor: WorkflowActor): {
    actorKind: HistoryActorKind;
    actorId: string;
    staffActor: StaffPrincipal;
  } {
    return actor.kind === 'meeting'
      ? { actorKind: 'meeting', actorId: actor.meetingId, staffActor: actor.recordedBy }
      : { actorKind: 'staff', actorId: actor.principal.id, staffActor: actor.principal };
  }
}
