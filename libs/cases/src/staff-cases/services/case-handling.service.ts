import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Clock,
  ConflictError,
  FieldCipher,
  NotFoundError,
  ValidationFailedError,
  textLengthErrors,
} from '@app/core';
import { AuditLog, StaffDirectory, StaffPrincipal } from '@app/identity';
import { CaseAccessPolicy } from '../domain/case-access.policy';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';
import type {
  AssignmentRequestDto,
  TransitionRequestDto,
} from '../../workflow/dto/transition-request.dto';
import type { PostedIdDto, RenewedLinkDto, ReporterIdentityDto } from '../dto/staff-case.dto';
import { Case } from '../../common/entities/case.entity';
import { CaseEvidence } from '../../evidence/entities/case-evidence.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { CaseNote } from '../entities/case-note.entity';
import {
  CaseActionForbiddenError,
  CaseVersionConflictError,
} from '../../workflow/exceptions/workflow.errors';
import { CaseEvents } from '../../workflow/services/case-events';
import { CaseMessagesService } from '../../follow-up/services/case-messages.service';
import { CaseQueryService, staffViewer } from './case-query.service';
import { CaseReferralsService } from '../../referrals/services/case-referrals.service';
import {
  ReferralDocumentDownload,
  ReferralDocumentsService,
} from '../../referrals/services/referral-documents.service';
import {
  CaseWorkflowService,
  TransitionResult,
} from '../../workflow/services/case-workflow.service';
import { EvidenceStore } from '../../evidence/services/evidence-store.service';

const TEXT_MAX = 5000;
/** Statuses in which the legal expert of a case can be changed without a transition. */
const REASSIGNABLE: readonly CaseStatus[] = ['assigned', 'technical_group', 'referred'];

export interface FileDownload {
  name: string;
  sizeBytes: number;
  stream: Readable;
}

function requireText(field: string, value: string | undefined): string {
  const text = value?.trim() ?? '';
  const problems = textLengthErrors(field, text, 1, TEXT_MAX);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return text;
}

/**
 * What staff do with a case besides reading it: transitions, (re)assignment, notes, messages
 * to the reporter, the audited view of the reporter's identity, file downloads and new
 * referral links. Every method finds the case first (404) and then checks DESIGN §6 (403).
 */
@Injectable()
export class CaseHandlingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly staff: StaffDirectory,
    private readonly events: CaseEvents,
    private readonly query: CaseQueryService,
    private readonly workflow: CaseWorkflowService,
    private readonly messages: CaseMessagesService,
    private readonly referrals: CaseReferralsService,
    private readonly referralDocuments: ReferralDocumentsService,
    private readonly store: EvidenceStore,
  ) {}

  transition(
    principal: StaffPrincipal,
    caseId: string,
    request: TransitionRequestDto,
  ): Promise<TransitionResult> {
    return this.workflow.transition({
      caseId,
      to: request.to,
      actor: { kind: 'staff', principal },
      reason: request.reason,
      expectedVersion: request.expectedVersion,
      assigneeId: request.assigneeId,
      closureReason: request.closureReason,
      referrals: request.referrals,
      outcomeMessage: request.outcomeMessage,
    });
  }

  /**
   * Names the legal expert: a new case is taken into review and assigned at once, a case in
   * review is assigned (the transition), a case already being handled changes hands (a
   * staff-only history entry). Administrators only.
   */
  async assign(
    principal: StaffPrincipal,
    caseId: string,
    request: AssignmentRequestDto,
  ): Promise<TransitionResult> {
    const viewer = staffViewer(principal);
    return this.dataSource.transaction(async (manager) => {
      await this.query.load(viewer, caseId, manager);
      if (!CaseAccessPolicy.mayAssign(viewer)) throw new CaseActionForbiddenError();
      const row = await manager.findOneOrFail(Case, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (row.status === 'submitted') {
        // Triage and assignment in one action: both steps of the machine, each with its history
        // entry, in this transaction; a refused assignee leaves the case as it was. The reporter
        // gets one e-mail, of the assignment.
        await this.workflow.transition(
          {
            caseId,
            to: 'in_review',
            actor: { kind: 'staff', principal },
            expectedVersion: request.expectedVersion,
            tellReporter: false,
          },
          manager,
        );
        const assigned = await this.workflow.transition(
          {
            caseId,
            to: 'assigned',
            actor: { kind: 'staff', principal },
            assigneeId: request.assigneeId,
          },
          manager,
        );
        return { ...assigned, from: 'submitted' };
      }
      if (row.status === 'in_review') {
        return this.workflow.transition(
          {
            caseId,
            to: 'assigned',
            actor: { kind: 'staff', principal },
            assigneeId: request.assigneeId,
            expectedVersion: request.expectedVersion,
          },
          manager,
        );
      }
      if (!REASSIGNABLE.includes(row.status)) {
        throw new ConflictError('assignment_not_allowed', { status: row.status });
      }
      if (request.expectedVersion !== undefined && request.expectedVersion !== row.version) {
        throw new CaseVersionConflictError(row.version);
      }
      const expert = await this.staff.findActive(request.assigneeId, manager);
      if (expert?.role !== 'legal_expert') {
        throw new ValidationFailedError([
          {
            field: 'assigneeId',
            code: 'isActiveLegalExpert',
            messageKey: 'validation.isActiveLegalExpert',
          },
        ]);
      }
      if (expert.id === row.assigneeId) {
        return { caseId, from: row.status, to: row.status, version: row.version, referralIds: [] };
      }
      const now = this.clock.now();
      const [[updated]] = (await manager.query(
        `UPDATE cases SET assignee_id = $2, version = version + 1, updated_at = $3
         WHERE id = $1 RETURNING version`,
        [caseId, expert.id, now],
      )) as [{ version: number }[], number];
      await manager.insert(CaseHistoryEntry, {
        caseId,
        at: now,
        actorKind: 'staff',
        actorId: principal.id,
        fromStatus: row.status,
        toStatus: row.status,
        reason: null,
        public: false,
        event: 'reassigned',
        referralId: null,
      });
      await this.audit.record(manager, {
        action: 'case_reassigned',
        actor: { id: principal.id, role: principal.role },
        subjectType: 'case',
        subjectId: caseId,
        details: {
          previousAssigneeId: row.assigneeId,
          assigneeId: expert.id,
          version: updated.version,
        },
      });
      const previousAssigneeId = row.assigneeId;
      Object.assign(row, { assigneeId: expert.id, version: updated.version, updatedAt: now });
      await this.events.reassigned(manager, { case: row, previousAssigneeId, at: now });
      return {
        caseId,
        from: row.status,
        to: row.status,
        version: updated.version,
        referralIds: [],
      };
    });
  }

  /** A staff-only note; append-only, by those who handle the case. */
  async addNote(principal: StaffPrincipal, caseId: string, body: string): Promise<PostedIdDto> {
    const viewer = staffViewer(principal);
    const row = await this.query.load(viewer, caseId);
    if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
    const text = requireText('body', body);
    const now = this.clock.now();
    const id = randomUUID();
    await this.dataSource.manager.insert(CaseNote, {
      id,
      caseId,
      authorId: principal.id,
      body: text,
      createdAt: now,
    });
    return { id, createdAt: now.toISOString() };
  }

  /** A message to the reporter (they are emailed that one waits, when they agreed). */
  async postMessage(principal: StaffPrincipal, caseId: string, body: string): Promise<PostedIdDto> {
    const viewer = staffViewer(principal);
    const row = await this.query.load(viewer, caseId);
    if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
    return this.messages.postFromStaff(caseId, principal.id, requireText('body', body));
  }

  /**
   * The reporter's contact details, decrypted: an explicit, audited action (`identity_viewed`),
   * for administrators and the legal expert of the case.
   */
  async revealIdentity(
    principal: StaffPrincipal,
    caseId: string,
    ip: string | null,
  ): Promise<ReporterIdentityDto> {
    const viewer = staffViewer(principal);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.query.load(viewer, caseId, manager);
      if (!CaseAccessPolicy.maySeeIdentity(viewer, row)) throw new CaseActionForbiddenError();
      const open = (value: string | null) => (value ? this.cipher.decrypt(value, row.id) : null);
      await this.audit.record(manager, {
        action: 'identity_viewed',
        actor: { id: principal.id, role: principal.role },
        subjectType: 'case',
        subjectId: row.id,
        ip,
        details: { reference: row.reference, anonymous: row.anonymous },
      });
      return {
        anonymous: row.anonymous,
        erased: row.personalDataErasedAt !== null,
        name: open(row.contactNameEnc),
        email: open(row.contactEmailEnc),
        phone: open(row.contactPhoneEnc),
        helperName: open(row.helperNameEnc),
        consentContact: row.consentContact,
        consentShareIdentity: row.consentShareIdentity,
      };
    });
  }

  /** An evidence file of the case (reporter's or staff's), for those who handle it. */
  async openEvidence(
    principal: StaffPrincipal,
    caseId: string,
    evidenceId: string,
  ): Promise<FileDownload> {
    const viewer = staffViewer(principal);
    const row = await this.query.load(viewer, caseId);
    if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
    const file = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(evidenceId)
      ? await this.dataSource.manager.findOne(CaseEvidence, { where: { id: evidenceId, caseId } })
      : null;
    const stream = file ? await this.store.open(file.id) : undefined;
    if (!file || !stream) throw new NotFoundError('evidence_not_found');
    return { name: file.originalName, sizeBytes: file.sizeBytes, stream };
  }

  /** A document an institution sent with its answer, for those who handle the case. */
  async openReferralDocument(
    principal: StaffPrincipal,
    caseId: string,
    documentId: string,
  ): Promise<ReferralDocumentDownload> {
    const viewer = staffViewer(principal);
    const row = await this.query.load(viewer, caseId);
    if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
    return this.referralDocuments.openDocument(caseId, documentId);
  }

  /** A new response link for a referral still waiting (shown once, audited). */
  async renewReferralLink(
    principal: StaffPrincipal,
    caseId: string,
    referralId: string,
  ): Promise<RenewedLinkDto> {
    const viewer = staffViewer(principal);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.query.load(viewer, caseId, manager);
      if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(referralId))
        throw new NotFoundError('referral_not_found');
      const renewed = await this.referrals.renewLink(manager, caseId, referralId, principal);
      return { responseUrl: renewed.responseUrl, expiresAt: renewed.expiresAt.toISOString() };
    });
  }

  /** Shares an institution's answer with the reporter, or stops; for those who handle the case. */
  async shareReferralAnswer(
    principal: StaffPrincipal,
    caseId: string,
    referralId: string,
    shared: boolean,
  ): Promise<{ shared: boolean }> {
    const viewer = staffViewer(principal);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.query.load(viewer, caseId, manager);
      if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(referralId))
        throw new NotFoundError('referral_not_found');
      await this.referrals.shareAnswer(manager, caseId, referralId, shared, principal);
      return { shared };
    });
  }
}
