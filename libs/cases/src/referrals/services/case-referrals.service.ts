import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig, FieldCipher, NotFoundError } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { type CaseStatus, isFinalStatus } from '../../workflow/domain/case-status.machine';
import { awaitsAnswer, responseLinkExpiry } from '../domain/referral-rules';
import { newResponseToken } from '../domain/referral-token';
import type { ReferralDraft } from '../../workflow/domain/transition-requirements';
import { Case } from '../../common/entities/case.entity';
import { CaseReferral } from '../entities/case-referral.entity';
import { ReferralDocument } from '../entities/referral-document.entity';
import { ReferralNotAnsweredError, ReferralNotWaitingError } from '../exceptions/referral.errors';
import { CaseEvents } from '../../workflow/services/case-events';
import { CaseLinks } from '../../notifications/services/case-links';
import type { ReferralRecipient } from '../../directory/services/institution-directory.service';

// The types of the institution's side, where callers have always found them.
export type {
  ReferralAnswerInput,
  ReferralPacket,
  ResponseLinkLookup,
} from './referral-answers.service';
export type { ReferralDocumentDownload } from './referral-documents.service';

/**
 * Referrals close the loop with the institutions a case is sent to. This service makes them
 * (in the workflow step to `referred`), closes those still waiting when the case ends, lists
 * them for staff and renews a response link. The institution's answer is
 * `ReferralAnswersService`, the daily overdue check `OverdueReferralsService`, the answer's
 * documents `ReferralDocumentsService`.
 */
@Injectable()
export class CaseReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly events: CaseEvents,
    private readonly audit: AuditLog,
    private readonly links: CaseLinks,
  ) {}

  /**
   * Writes the referrals of a step to `referred` (validated by the workflow) in the step's
   * transaction and announces them with their response links (the listeners email them; only
   * the links' hashes are kept). `points` are the contact points the drafts name, as the
   * workflow read and checked them (held FOR SHARE until the step commits).
   */
  async create(
    manager: EntityManager,
    row: Case,
    drafts: readonly ReferralDraft[],
    sentBy: StaffPrincipal,
    now: Date,
    points: readonly ReferralRecipient[],
  ): Promise<string[]> {
    const created: { referral: CaseReferral; token: string; email: string | null }[] = [];
    const byId = new Map(points.map((p) => [p.id, p]));
    for (const draft of drafts) {
      const id = randomUUID();
      const { token, hash } = newResponseToken();
      // The workflow checked that each referral names an active contact point, or a one-off
      // address confirmed by the one who sends it.
      const point = draft.contactPointId ? byId.get(draft.contactPointId) : undefined;
      const email = point ? point.email : draft.contactEmail?.trim() || null;
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
        recipient: point ? 'directory' : 'one_off',
        contactPointId: point ? point.id : null,
        oneOffConfirmedBy: point ? null : sentBy.id,
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

  /**
   * Shares the institution's answer with the reporter, or stops sharing it: the legal expert's
   * choice, as the answer may say more than the reporter should read. Only an answered referral
   * has something to share (409 `referral_not_answered`).
   */
  async shareAnswer(
    manager: EntityManager,
    caseId: string,
    referralId: string,
    shared: boolean,
    actor: StaffPrincipal,
  ): Promise<void> {
    const referral = await manager.findOne(CaseReferral, {
      where: { id: referralId, caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral) throw new NotFoundError('referral_not_found');
    if (!referral.answeredAt) throw new ReferralNotAnsweredError();
    if (referral.answerSharedWithReporter === shared) return;
    await manager.update(CaseReferral, { id: referral.id }, { answerSharedWithReporter: shared });
    await this.audit.record(manager, {
      action: shared ? 'referral_answer_shared' : 'referral_answer_unshared',
      actor: { id: actor.id, role: actor.role },
      subjectType: 'case',
      subjectId: caseId,
      details: { referralId },
    });
  }
}
