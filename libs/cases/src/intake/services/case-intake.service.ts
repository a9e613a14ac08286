import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldCipher,
  ForbiddenError,
  Locale,
  RateLimiter,
  TooManyRequestsError,
  installationYear,
} from '@app/core';
import { formatCaseReference } from '../domain/case-reference';
import type { CaseSubmission } from '../domain/case-submission';
import { generateReceiptCode } from '../domain/receipt-code';
import { Case } from '../../common/entities/case.entity';
import { CaseEvidence } from '../../evidence/entities/case-evidence.entity';
import { CaseEvents } from '../../workflow/services/case-events';
import { CaseReferenceCounterService } from './case-reference-counter.service';
import { EvidenceStore, StagedEvidence } from '../../evidence/services/evidence-store.service';
import { IdempotencyService } from './idempotency.service';
import { ReceiptCodeHasher } from './receipt-code-hasher';

/**
 * The answer to a submitted report. The receipt code appears in the first answer and nowhere
 * else, ever: a repeat (same Idempotency-Key) answers `alreadyReceived: true` without it.
 */
export interface SubmittedCase {
  id: string;
  reference: string;
  status: 'submitted';
  /** Only in the answer that filed the case. */
  receiptCode?: string;
  submittedAt: string;
  evidenceCount: number;
  alreadyReceived: boolean;
}

export interface IntakeOptions {
  /** The request's language: emails go in it unless the report names another. */
  locale: Locale;
  idempotencyKey?: string;
  /** Files received with the report (the web form), staged by the EvidenceStore. */
  evidence?: readonly StagedEvidence[];
  /** A community mediator files the report for the person (the case records them). */
  filedBy?: MediatorFiling;
}

/** Who filed a report for the person, and whether the person lets them follow it. */
export interface MediatorFiling {
  accountId: string;
  organisationId: string;
  /** The person agreed that this mediator follows the case (sees messages, writes). */
  mayFollow: boolean;
}

const MEDIATOR_WINDOW_SECONDS = 24 * 60 * 60;

const IDEMPOTENCY_SCOPE = 'case_intake';

/** Orders object keys so equal requests hash equally whatever their field order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Files reports. One transaction writes the case, its grounds, its first history entry, the
 * evidence metadata, the acknowledgement email and whatever the listeners add; the evidence
 * files get their final names only after it commits.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly hasher: ReceiptCodeHasher,
    private readonly counter: CaseReferenceCounterService,
    private readonly idempotency: IdempotencyService,
    private readonly evidenceStore: EvidenceStore,
    private readonly events: CaseEvents,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /**
   * Refuses a report when its client already filed as many as the intake limit allows (429
   * with Retry-After, the wait in minutes). Counts nothing: only an accepted report counts
   * (`countAccepted`), so invalid attempts from a shared address never block a valid one.
   */
  async admit(clientKey: string): Promise<void> {
    const { intakeRateLimit, intakeRateWindowSeconds } = this.config.cases;
    // Fails open while Redis is away: a report lost is worse than a flood let through.
    const verdict = await this.rateLimiter.check(
      'intake',
      clientKey,
      intakeRateLimit,
      intakeRateWindowSeconds,
      { failOpen: true },
    );
    if (!verdict.allowed) throw new TooManyRequestsError(verdict.retryAfterSeconds);
  }

  /**
   * Counts a filed report against its client's limit, after it was stored (a repeat of the same
   * report, answered from the idempotency record, is not a new one). Reports checked together
   * may all be counted, so a burst overshoots the limit by at most its concurrency less one.
   */
  async countAccepted(clientKey: string, outcome: { replayed: boolean }): Promise<void> {
    if (outcome.replayed) return;
    const { intakeRateLimit, intakeRateWindowSeconds } = this.config.cases;
    await this.rateLimiter.hit('intake', clientKey, intakeRateLimit, intakeRateWindowSeconds, {
      failOpen: true,
    });
  }

  /**
   * A community mediator's own limit (MEDIATOR_REPORTS_PER_DAY per 24 hours), instead of the
   * per-address one: a mediator files for many people, often from one office. Counted like the
   * public limit, only for accepted reports, and open while Redis is away.
   */
  async admitMediator(accountId: string): Promise<void> {
    const verdict = await this.rateLimiter.check(
      'mediator_intake',
      accountId,
      this.config.cases.mediatorReportsPerDay,
      MEDIATOR_WINDOW_SECONDS,
      { failOpen: true },
    );
    if (!verdict.allowed) throw new TooManyRequestsError(verdict.retryAfterSeconds);
  }

  async countMediatorAccepted(accountId: string, outcome: { replayed: boolean }): Promise<void> {
    if (outcome.replayed) return;
    await this.rateLimiter.hit(
      'mediator_intake',
      accountId,
      this.config.cases.mediatorReportsPerDay,
      MEDIATOR_WINDOW_SECONDS,
      { failOpen: true },
    );
  }

  /** A report from the JSON API: the client's limit, the intake, then the count. */
  async submitFromApi(
    submission: CaseSubmission,
    clientKey: string,
    options: IntakeOptions,
  ): Promise<{ result: SubmittedCase; replayed: boolean }> {
    if (options.idempotencyKey !== undefined) this.checkIdempotencyKey(options.idempotencyKey);
    await this.admit(clientKey);
    const outcome = await this.submit(submission, options);
    await this.countAccepted(clientKey, outcome);
    return outcome;
  }

  /** Refuses a malformed idempotency key (before a limit slot is taken). */
  checkIdempotencyKey(key: string): void {
    this.idempotency.checkKey(key);
  }

  /** The reference of the case already filed under an idempotency key, if one was. */
  async filedUnder(idempotencyKey: string): Promise<string | undefined> {
    const outcome = await this.idempotency.outcome(
      this.dataSource.manager,
      IDEMPOTENCY_SCOPE,
      idempotencyKey,
      this.clock.now(),
    );
    return outcome?.reference;
  }

  /** Stores a validated report. Callers check the client's limit before and count it after. */
  async submit(
    submission: CaseSubmission,
    options: IntakeOptions,
  ): Promise<{ result: SubmittedCase; replayed: boolean }> {
    const evidence = options.evidence ?? [];
    try {
      // Every caller's key is checked here too, so none reaches the table's own checks.
      if (options.idempotencyKey !== undefined) this.idempotency.checkKey(options.idempotencyKey);
      // The slow work happens before the transaction, which holds the year's counter lock.
      const receiptCode = generateReceiptCode();
      const receiptCodeHash = await this.hasher.hash(receiptCode);
      const outcome = await this.dataSource.transaction((manager) =>
        this.store(manager, submission, options, evidence, receiptCode, receiptCodeHash),
      );
      if (outcome.replayed) await this.evidenceStore.discard(evidence);
      else await this.evidenceStore.commit(evidence);
      return outcome;
    } catch (error) {
      await this.evidenceStore.discard(evidence);
      throw error;
    }
  }

  private async store(
    manager: EntityManager,
    submission: CaseSubmission,
    options: IntakeOptions,
    evidence: readonly StagedEvidence[],
    receiptCode: string,
    receiptCodeHash: string,
  ): Promise<{ result: SubmittedCase; replayed: boolean }> {
    const now = this.clock.now();
    const key = options.idempotencyKey;
    if (key !== undefined) {
      const requestHash = createHash('sha256')
        .update(
          JSON.stringify(
            canonical({
              submission,
              evidence: evidence.map((e) => [e.sha256, e.originalName]),
              // A mediator's retry with another answer about following is another request.
              filedBy: options.filedBy ?? null,
            }),
          ),
        )
        .digest('hex');
      const claim = await this.idempotency.claim(manager, IDEMPOTENCY_SCOPE, key, requestHash, now);
      if (claim.kind === 'replay') {
        const { id, reference, submittedAt, evidenceCount } = claim.outcome;
        return {
          result: {
            id,
            reference,
            status: 'submitted',
            submittedAt,
            evidenceCount,
            alreadyReceived: true,
          },
          replayed: true,
        };
      }
    }

    const filedBy = options.filedBy ?? null;
    if (filedBy) await this.requireActiveMediator(manager, filedBy);
    const id = randomUUID();
    const year = installationYear(now);
    const seq = await this.counter.next(manager, year);
    const contact = submission.contact;
    const seal = (value: string | null | undefined) =>
      value ? this.cipher.encrypt(value, id) : null;
    const row = manager.create(Case, {
      id,
      reference: formatCaseReference(year, seq),
      year,
      seq,
      status: 'submitted',
      submittedAt: now,
      community: submission.community,
      primaryArea: submission.primaryArea,
      municipality: submission.municipality,
      perpetratorKind: submission.perpetratorKind,
      reporterRole: submission.reporterRole,
      gender: submission.gender,
      ageGroup: submission.ageGroup,
      incidentDate: submission.incidentDate,
      description: submission.description,
      preferredLocale: submission.preferredLanguage ?? options.locale,
      anonymous: submission.anonymous,
      contactNameEnc: seal(contact?.name),
      contactEmailEnc: seal(contact?.email),
      contactPhoneEnc: seal(contact?.phone),
      consentContact: submission.consentToContact,
      consentShareIdentity: submission.consentToShareIdentity,
      // A mediator's report names the account and organisation, not a typed helper name.
      filedWithHelp: filedBy !== null || submission.helper !== null,
      helperKind: filedBy ? 'mediator' : (submission.helper?.kind ?? null),
      helperNameEnc: filedBy ? null : seal(submission.helper?.name),
      filedByAccountId: filedBy?.accountId ?? null,
      filedByOrganisationId: filedBy?.organisationId ?? null,
      mediatorMayFollow: filedBy?.mayFollow ?? false,
      receiptCodeHash,
      personalDataErasedAt: null,
    });
    // The case, its grounds and its first history entry in plain SQL: the statements every
    // report runs, without a query builder at work on each.
    const [stamps] = (await manager.query(
      `INSERT INTO cases (id, reference, year, seq, status, version, submitted_at, community,
         primary_area, municipality, perpetrator_kind, reporter_role, gender, age_group,
         incident_date, description, preferred_locale, anonymous, contact_name_enc,
         contact_email_enc, contact_phone_enc, consent_contact, consent_share_identity,
         filed_with_help, helper_kind, helper_name_enc, filed_by_account_id,
         filed_by_organisation_id, mediator_may_follow, receipt_code_hash)
       VALUES ($1, $2, $3, $4, 'submitted', 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
         $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)
       RETURNING created_at, updated_at`,
      [
        row.id,
        row.reference,
        row.year,
        row.seq,
        row.submittedAt,
        row.community,
        row.primaryArea,
        row.municipality,
        row.perpetratorKind,
        row.reporterRole,
        row.gender,
        row.ageGroup,
        row.incidentDate,
        row.description,
        row.preferredLocale,
        row.anonymous,
        row.contactNameEnc,
        row.contactEmailEnc,
        row.contactPhoneEnc,
        row.consentContact,
        row.consentShareIdentity,
        row.filedWithHelp,
        row.helperKind,
        row.helperNameEnc,
        row.filedByAccountId,
        row.filedByOrganisationId,
        row.mediatorMayFollow,
        row.receiptCodeHash,
      ],
    )) as { created_at: Date; updated_at: Date }[];
    row.version = 1;
    row.createdAt = stamps.created_at;
    row.updatedAt = stamps.updated_at;
    await manager.query(
      `INSERT INTO case_grounds (case_id, ground) SELECT $1, unnest($2::text[])`,
      [id, submission.grounds],
    );
    await manager.query(
      `INSERT INTO case_history (case_id, at, actor_kind, from_status, to_status, public)
       VALUES ($1, $2, 'reporter', NULL, 'submitted', true)`,
      [id, now],
    );
    if (evidence.length > 0) {
      await manager.insert(
        CaseEvidence,
        evidence.map((file) => ({
          id: file.id,
          caseId: id,
          originalName: file.originalName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          uploadedBy: 'reporter' as const,
          createdAt: now,
        })),
      );
    }
    await this.events.submitted(manager, { case: row, grounds: submission.grounds });

    const result: SubmittedCase = {
      id,
      reference: row.reference,
      status: 'submitted',
      receiptCode,
      submittedAt: now.toISOString(),
      evidenceCount: evidence.length,
      alreadyReceived: false,
    };
    if (key !== undefined) await this.idempotency.complete(manager, IDEMPOTENCY_SCOPE, key, result);
    return { result, replayed: false };
  }

  /**
   * The mediator's account and organisation are still active (an administrator may have
   * ended either since the request was let in); locked so that ending one waits for this.
   */
  private async requireActiveMediator(manager: EntityManager, filedBy: MediatorFiling) {
    const rows = (await manager.query(
      `SELECT 1 FROM staff_users u JOIN partner_organisations o ON o.id = u.organisation_id
        WHERE u.id = $1 AND o.id = $2 AND u.role = 'mediator' AND u.active AND o.active
        FOR SHARE OF u, o`,
      [filedBy.accountId, filedBy.organisationId],
    )) as unknown[];
    if (rows.length === 0) throw new ForbiddenError('organisation_inactive');
  }
}
