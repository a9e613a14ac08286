import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldCipher,
  Locale,
  NotFoundError,
  ValidationFailedError,
  kosovoDate,
  textLengthErrors,
} from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { type CaseStatus, isFinalStatus } from '../../workflow/domain/case-status.machine';
import {
  REFERRAL_OUTCOMES,
  ReferralOutcome,
  ResponseLinkState,
  awaitsAnswer,
  responseLinkExpiry,
  responseLinkState,
} from '../domain/referral-rules';
import {
  hashResponseToken,
  looksLikeResponseToken,
  newResponseToken,
} from '../domain/referral-token';
import type { ReferralDraft } from '../../workflow/domain/transition-requirements';
import { Case } from '../../shared/entities/case.entity';
import { CaseGround } from '../../shared/entities/case-ground.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { CaseReferral } from '../entities/case-referral.entity';
import { ReferralDocument } from '../entities/referral-document.entity';
import { ReferralLinkError, ReferralNotWaitingError } from '../exceptions/referral.errors';
import { CaseEvents } from '../../workflow/services/case-events';
import { CaseLinks } from '../../notifications/services/case-links';
import { EvidenceStore, StagedEvidence } from '../../evidence/services/evidence-store.service';
import { IncomingPart, readUpload } from '../../evidence/services/evidence-upload.reader';
import { institutionLabel } from './institution-label';

const ANSWER_TEXT_MAX = 10000;
const OVERDUE_BATCH = 100;

/**
 * What the institution sees through its link: the legal expert's summary and recommendation,
 * and the facts of the case that tell no one who reported. The reporter's own words and who
 * they are only with their consent: the institution may employ the person complained about.
 */
export interface ReferralPacket {
  referralId: string;
  reference: string;
  institution: string;
  recommendation: string;
  responseDueDate: string;
  area: string;
  grounds: string[];
  municipality: string;
  incidentDate: string;
  /** Written for the institution; null on referrals made before summaries were required. */
  summary: string | null;
  /** The reporter's own words: only when they agreed to share their identity. */
  description: string | null;
  /** Only when the reporter agreed that institutions learn who they are. */
  reporter:
    | { shared: true; name: string | null; email: string | null; phone: string | null }
    | { shared: false };
}

export type ResponseLinkView =
  | { state: 'usable'; packet: ReferralPacket }
  | { state: Exclude<ResponseLinkState, 'usable'> | 'unknown' };

export interface ReferralAnswerInput {
  outcome: string | undefined;
  text: string | undefined;
}

export interface ReferralDocumentDownload {
  name: string;
  sizeBytes: number;
  stream: Readable;
}

/**
 * Referrals close the loop with the institutions a case is sent to: each gets a single-use,
 * expiring link to answer without an account (complied, partly complied, refused; text and
 * documents), and a daily check marks those past their due date as overdue.
 */
@Injectable()
export class CaseReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly events: CaseEvents,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
    private readonly store: EvidenceStore,
    private readonly links: CaseLinks,
  ) {}

  /**
   * Writes the referrals of a step to `referred` (validated by the workflow) in the step's
   * transaction and announces them with their response links (the listeners email them; only
   * the links' hashes are kept).
   */
  async create(
    manager: EntityManager,
    row: Case,
    drafts: readonly ReferralDraft[],
    sentBy: StaffPrincipal,
    now: Date,
  ): Promise<string[]> {
    const created: { referral: CaseReferral; token: string; email: string | null }[] = [];
    for (const draft of drafts) {
      const id = randomUUID();
      const { token, hash } = newResponseToken();
      const email = draft.contactEmail?.trim() || null;
      const referral = manager.create(CaseReferral, {
        id,
        caseId: row.id,
        institutionCode: draft.institutionCode,
        municipalityCode:
          draft.institutionCode === 'municipality' ? (draft.municipalityCode ?? null) : null,
        recommendation: draft.recommendation.trim(),
        summary: draft.summary.trim(),
        responseDueDate: draft.responseDueDate,
        contactEmailEnc: email ? this.cipher.encrypt(email, id) : null,
        status: 'sent',
        sentBy: sentBy.id,
        sentAt: now,
        responseTokenHash: hash,
        responseTokenExpiresAt: responseLinkExpiry(
          draft.responseDueDate,
          this.config.cases.referralLinkGraceDays,
        ),
        responseTokenUsedAt: null,
      });
      created.push({ referral, token, email });
    }
    if (created.length === 0) return [];
    const earlier = (await manager.query(
      `SELECT DISTINCT institution_code FROM case_referrals WHERE case_id = $1`,
      [row.id],
    )) as { institution_code: string }[];
    await manager.insert(
      CaseReferral,
      created.map((c) => c.referral),
    );
    await this.events.referralsCreated(manager, {
      case: row,
      referrals: created.map(({ referral, token, email }) => ({
        id: referral.id,
        institutionCode: referral.institutionCode,
        municipalityCode: referral.municipalityCode,
        responseDueDate: referral.responseDueDate,
        sentAt: now,
        contactEmail: email,
        responseUrl: this.links.referralResponse(token),
      })),
      earlierInstitutionCodes: earlier.map((r) => r.institution_code),
    });
    return created.map((c) => c.referral.id);
  }

  /** When the case reaches an outcome, referrals still waiting for an answer are closed. */
  async closeWaiting(
    manager: EntityManager,
    caseId: string,
    to: CaseStatus,
    now: Date,
  ): Promise<void> {
    if (!isFinalStatus(to)) return;
    await manager.query(
      `UPDATE case_referrals SET status = 'closed', closed_at = $2
       WHERE case_id = $1 AND status IN ('sent', 'overdue')`,
      [caseId, now],
    );
  }

  /** A case's referrals with their documents, oldest first (staff views). */
  async listForCase(
    caseId: string,
  ): Promise<{ referral: CaseReferral; documents: ReferralDocument[] }[]> {
    const referrals = await this.dataSource.manager.find(CaseReferral, {
      where: { caseId },
      order: { sentAt: 'ASC', id: 'ASC' },
    });
    if (referrals.length === 0) return [];
    const documents = await this.dataSource.manager.find(ReferralDocument, {
      where: { referralId: In(referrals.map((r) => r.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return referrals.map((referral) => ({
      referral,
      documents: documents.filter((d) => d.referralId === referral.id),
    }));
  }

  /** The institution's contact address, for staff who handle the case. */
  contactEmailOf(referral: CaseReferral): string | null {
    return referral.contactEmailEnc
      ? this.cipher.decrypt(referral.contactEmailEnc, referral.id)
      : null;
  }

  /**
   * A new response link for a referral still waiting for an answer (the first email went
   * astray, or there was no address): the old link stops working. Audited; the link is
   * returned once, for staff to pass on.
   */
  async renewLink(
    manager: EntityManager,
    caseId: string,
    referralId: string,
    actor: StaffPrincipal,
  ): Promise<{ responseUrl: string; expiresAt: Date }> {
    const referral = await manager.findOne(CaseReferral, {
      where: { id: referralId, caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral) throw new NotFoundError('referral_not_found');
    if (!awaitsAnswer(referral.status)) throw new ReferralNotWaitingError();
    const { token, hash } = newResponseToken();
    const expiresAt = responseLinkExpiry(
      referral.responseDueDate,
      this.config.cases.referralLinkGraceDays,
    );
    await manager.update(
      CaseReferral,
      { id: referral.id },
      { responseTokenHash: hash, responseTokenExpiresAt: expiresAt },
    );
    await this.audit.record(manager, {
      action: 'referral_link_renewed',
      actor: { id: actor.id, role: actor.role },
      subjectType: 'case',
      subjectId: caseId,
      details: { referralId },
    });
    return { responseUrl: this.links.referralResponse(token), expiresAt };
  }

  /** What a response link shows: the packet while it works, else why it does not. */
  async viewByToken(token: string, locale: Locale, audit = true): Promise<ResponseLinkView> {
    const referral = await this.findByToken(this.dataSource.manager, token);
    if (!referral) return { state: 'unknown' };
    const state = responseLinkState(referral, this.clock.now());
    if (state !== 'usable') return { state };
    const packet = await this.packet(referral, locale);
    if (!audit) return { state: 'usable', packet };
    await this.audit.record(null, {
      action: 'referral_packet_viewed',
      subjectType: 'case',
      subjectId: referral.caseId,
      details: { referralId: referral.id, identityShared: packet.reporter.shared },
    });
    return { state: 'usable', packet };
  }

  /**
   * The institution's answer, once: the referral is answered, the answer lands in the case
   * history, the legal expert is told, and the link stops working, all in one transaction.
   * Documents are staged on disk first and only kept when it commits.
   */
  async answerByToken(
    token: string,
    parts: AsyncIterable<IncomingPart>,
  ): Promise<{ caseReference: string }> {
    // The link is checked before a byte of the files is written.
    const known = await this.findByToken(this.dataSource.manager, token);
    if (!known) throw new ReferralLinkError('unknown');
    const earlyState = responseLinkState(known, this.clock.now());
    if (earlyState !== 'usable') throw new ReferralLinkError(earlyState);

    const { fields, files } = await readUpload(parts, this.store, this.store.budget(), {
      fileField: 'documents',
    });
    try {
      const input = { outcome: fields.outcome?.[0], text: fields.text?.[0] };
      const result = await this.dataSource.transaction((manager) =>
        this.recordAnswer(manager, token, input, files),
      );
      await this.store.commit(files);
      return result;
    } catch (error) {
      await this.store.discard(files);
      throw error;
    }
  }

  /** A document of an answer, for staff who handle the case (the caller checked that). */
  async openDocument(caseId: string, documentId: string): Promise<ReferralDocumentDownload> {
    const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(documentId)
      ? await this.dataSource.manager.findOne(ReferralDocument, {
          where: { id: documentId, caseId },
        })
      : null;
    const stream = row ? await this.store.open(row.id) : undefined;
    if (!row || !stream) throw new NotFoundError('evidence_not_found');
    return { name: row.originalName, sizeBytes: row.sizeBytes, stream };
  }

  /**
   * Marks referrals past their due date (Kosovo calendar) as overdue and writes the reminders:
   * a new response link to the institution, a note to the legal expert. Idempotent: only
   * referrals still `sent` are touched, so a second run the same day finds none.
   */
  async markOverdue(now: Date): Promise<number> {
    const today = kosovoDate(now);
    let handled = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const due = await manager
          .createQueryBuilder(CaseReferral, 'r')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`r.status = 'sent'`)
          .andWhere('r.responseDueDate < :today', { today })
          .orderBy('r.responseDueDate', 'ASC')
          .addOrderBy('r.id', 'ASC')
          .limit(OVERDUE_BATCH)
          .getMany();
        for (const referral of due) await this.markOneOverdue(manager, referral, now);
        return due.length;
      });
      handled += count;
      if (count < OVERDUE_BATCH) return handled;
    }
  }

  private async markOneOverdue(
    manager: EntityManager,
    referral: CaseReferral,
    now: Date,
  ): Promise<void> {
    const row = await manager.findOne(Case, { where: { id: referral.caseId } });
    if (!row) return;
    const email = this.contactEmailOf(referral);
    // Only the hash of the first link is kept, so the reminder carries a new one.
    const renewed = email ? newResponseToken() : null;
    await manager.update(
      CaseReferral,
      { id: referral.id },
      {
        status: 'overdue',
        overdueAt: now,
        ...(renewed ? { responseTokenHash: renewed.hash } : {}),
      },
    );
    await manager.insert(CaseHistoryEntry, {
      caseId: row.id,
      at: now,
      actorKind: 'system',
      actorId: null,
      fromStatus: row.status,
      toStatus: row.status,
      reason: null,
      public: false,
      event: 'referral_overdue',
      referralId: referral.id,
    });
    await this.events.referralOverdue(manager, {
      case: row,
      referralId: referral.id,
      institutionCode: referral.institutionCode,
      municipalityCode: referral.municipalityCode,
      dueDate: referral.responseDueDate,
      at: now,
      reminder:
        email && renewed
          ? { contactEmail: email, responseUrl: this.links.referralResponse(renewed.token) }
          : null,
    });
  }

  private async recordAnswer(
    manager: EntityManager,
    token: string,
    input: ReferralAnswerInput,
    files: readonly StagedEvidence[],
  ): Promise<{ caseReference: string }> {
    const referral = await this.findByToken(manager, token, true);
    if (!referral) throw new ReferralLinkError('unknown');
    const now = this.clock.now();
    // Checked again under the lock: two answers sent at once, only one counts.
    const state = responseLinkState(referral, now);
    if (state !== 'usable') throw new ReferralLinkError(state);
    const outcome = input.outcome as ReferralOutcome;
    const text = input.text?.trim() ?? '';
    const problems = [];
    if (!(REFERRAL_OUTCOMES as readonly string[]).includes(input.outcome ?? '')) {
      problems.push({
        field: 'outcome',
        code: 'isIn',
        messageKey: 'validation.isIn',
        params: { 0: REFERRAL_OUTCOMES.join(', ') },
      });
    }
    problems.push(...textLengthErrors('text', text, 1, ANSWER_TEXT_MAX));
    if (problems.length > 0) throw new ValidationFailedError(problems);

    await manager.update(
      CaseReferral,
      { id: referral.id },
      {
        status: 'answered',
        answeredAt: now,
        answerOutcome: outcome,
        answerText: text,
        responseTokenUsedAt: now,
      },
    );
    if (files.length > 0) {
      await manager.insert(
        ReferralDocument,
        files.map((file) => ({
          id: file.id,
          referralId: referral.id,
          caseId: referral.caseId,
          originalName: file.originalName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          createdAt: now,
        })),
      );
    }
    const row = await manager.findOne(Case, {
      where: { id: referral.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw new ReferralLinkError('unknown');
    await manager.insert(CaseHistoryEntry, {
      caseId: row.id,
      at: now,
      actorKind: 'institution',
      actorId: null,
      fromStatus: row.status,
      toStatus: row.status,
      reason: outcome,
      public: false,
      event: 'referral_answered',
      referralId: referral.id,
    });
    await this.audit.record(manager, {
      action: 'referral_answered',
      subjectType: 'case',
      subjectId: row.id,
      details: { referralId: referral.id, outcome, documents: files.length },
    });
    await this.events.referralAnswered(manager, {
      case: row,
      referralId: referral.id,
      institutionCode: referral.institutionCode,
      municipalityCode: referral.municipalityCode,
      outcome,
      sentAt: referral.sentAt,
      answeredAt: now,
      dueDate: referral.responseDueDate,
    });
    return { caseReference: row.reference };
  }

  private async findByToken(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<CaseReferral | null> {
    if (!looksLikeResponseToken(token)) return null;
    return manager.findOne(CaseReferral, {
      where: { responseTokenHash: hashResponseToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  private async packet(referral: CaseReferral, locale: Locale): Promise<ReferralPacket> {
    const row = await this.dataSource.manager.findOneOrFail(Case, {
      where: { id: referral.caseId },
    });
    const grounds = await this.dataSource.manager.find(CaseGround, { where: { caseId: row.id } });
    const snapshot = await this.taxonomy.snapshot();
    const open = (value: string | null) => (value ? this.cipher.decrypt(value, row.id) : null);
    const shared = row.consentShareIdentity && !row.anonymous && !row.personalDataErasedAt;
    return {
      referralId: referral.id,
      reference: row.reference,
      institution: institutionLabel(snapshot, referral, locale),
      recommendation: referral.recommendation,
      responseDueDate: referral.responseDueDate,
      area: snapshot.label('area', row.primaryArea, locale),
      grounds: grounds.map((g) => snapshot.label('ground', g.ground, locale)),
      municipality: snapshot.label('municipality', row.municipality, locale),
      incidentDate: row.incidentDate,
      summary: referral.summary,
      description: shared ? row.description : null,
      reporter: shared
        ? {
            shared: true,
            name: open(row.contactNameEnc),
            email: open(row.contactEmailEnc),
            phone: open(row.contactPhoneEnc),
          }
        : { shared: false },
    };
  }
}
