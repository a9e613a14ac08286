import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, FieldCipher, Locale, ValidationFailedError, textLengthErrors } from '@app/core';
import { AuditLog } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import {
  REFERRAL_OUTCOMES,
  ReferralOutcome,
  ResponseLinkState,
  responseLinkState,
} from '../domain/referral-rules';
import { hashResponseToken, looksLikeResponseToken } from '../domain/referral-token';
import { Case } from '../../common/entities/case.entity';
import { CaseGround } from '../../common/entities/case-ground.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { CaseReferral } from '../entities/case-referral.entity';
import { ReferralDocument } from '../entities/referral-document.entity';
import { ReferralLinkError } from '../exceptions/referral.errors';
import { CaseEvents } from '../../workflow/services/case-events';
import { EvidenceStore, StagedEvidence } from '../../evidence/services/evidence-store.service';
import { IncomingPart, readUpload } from '../../evidence/services/evidence-upload.reader';
import { institutionLabel } from './institution-label';

const ANSWER_TEXT_MAX = 10000;

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

export type ResponseLinkLookup =
  | { state: 'usable'; packet: ReferralPacket }
  | { state: Exclude<ResponseLinkState, 'usable'> | 'unknown' };

export interface ReferralAnswerInput {
  outcome: string | undefined;
  text: string | undefined;
}

/**
 * The institution's side of a referral: what its single-use, expiring link shows (the packet)
 * and its one answer (complied, partly complied, refused; text and documents), without an
 * account.
 */
@Injectable()
export class ReferralAnswersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly events: CaseEvents,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
    private readonly store: EvidenceStore,
  ) {}

  /** What a response link shows: the packet while it works, else why it does not. */
  async viewByToken(token: string, locale: Locale, audit = true): Promise<ResponseLinkLookup> {
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
