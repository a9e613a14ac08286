import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, Locale, RateLimiter, TooManyRequestsError } from '@app/core';
import { parseCaseReference } from '../../intake/domain/case-reference';
import { normaliseReceiptCode } from '../../intake/domain/receipt-code';
import { Case } from '../../common/entities/case.entity';
import { FollowUpSession } from '../entities/follow-up-session.entity';
import {
  CaseAccessDeniedError,
  CaseLockedError,
} from '../../staff-cases/exceptions/case-access.errors';
import { FollowUpAttemptsStore } from './follow-up-attempts.store';
import { ReceiptCodeHasher } from '../../intake/services/receipt-code-hasher';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Lets a reporter in with reference + receipt code. Unknown references and wrong codes get the
 * same answer after the same work; wrong codes lock out the client that made them, not the
 * reference (domain/follow-up-guard.ts); each client is limited across references too. A
 * successful check can open a session for the follow-up pages, which ends after a while without
 * use and, however used, a fixed time after sign-in.
 */
@Injectable()
export class FollowUpAccessService {
  private readonly logger = new Logger('FollowUpAccess');

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(FollowUpSession) private readonly sessions: Repository<FollowUpSession>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hasher: ReceiptCodeHasher,
    private readonly rateLimiter: RateLimiter,
    private readonly attempts: FollowUpAttemptsStore,
  ) {}

  /**
   * The case id when the code is right; otherwise 404 `case_access_denied`, or 429 when this
   * client is locked out of the reference (`case_locked`) or must wait (`rate_limited`).
   */
  async verify(referenceInput: string, codeInput: string, clientKey: string): Promise<string> {
    const { followUpRateLimit, followUpRateWindowSeconds } = this.config.cases;
    const verdict = await this.rateLimiter.hit(
      'follow-up',
      clientKey,
      followUpRateLimit,
      followUpRateWindowSeconds,
    );
    if (!verdict.allowed) throw new TooManyRequestsError(verdict.retryAfterSeconds);

    const code = normaliseReceiptCode(codeInput) ?? codeInput;
    const reference = parseCaseReference(referenceInput)?.reference;
    if (!reference) {
      await this.hasher.verifyNothing(code);
      throw new CaseAccessDeniedError();
    }
    // Taken before the case is looked up: a reference no case has is counted, locked and
    // slowed exactly like one that exists, so the answers do not tell them apart.
    const attempt = await this.attempts.take(reference, clientKey, this.clock.now());
    if (attempt.kind === 'locked') throw new CaseLockedError(attempt.retryAfterSeconds);
    if (attempt.kind === 'slowed') throw new TooManyRequestsError(attempt.retryAfterSeconds);

    const [found] = (await this.dataSource.query(
      `SELECT id, receipt_code_hash FROM cases WHERE reference = $1`,
      [reference],
    )) as { id: string; receipt_code_hash: string }[];
    if (found && (await this.hasher.verify(found.receipt_code_hash, code))) {
      await this.attempts.recordRightCode(reference, clientKey);
      return found.id;
    }
    if (!found) await this.hasher.verifyNothing(code);
    const outcome = await this.attempts.recordWrongCode(reference, clientKey, this.clock.now());
    if (outcome.attackStarted) {
      // A reference is no personal data; the client key is left out all the same.
      this.logger.warn({ msg: 'receipt codes tried for a reference from many clients', reference });
    }
    throw new CaseAccessDeniedError();
  }

  /** The language the reporter asked to be written in, when the report named one. */
  async preferredLocale(caseId: string): Promise<Locale | undefined> {
    const found = await this.cases.findOne({
      where: { id: caseId },
      select: { id: true, preferredLocale: true },
    });
    return found?.preferredLocale ?? undefined;
  }

  /** Opens a session for the follow-up pages; the token goes in a cookie, its hash here. */
  async openSession(caseId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.insert({
      id: randomUUID(),
      tokenHash: sha256(token),
      caseId,
      createdAt: now,
      expiresAt: new Date(
        Math.min(this.idleExpiry(now).getTime(), this.lifetimeEnd(now).getTime()),
      ),
    });
    return token;
  }

  /**
   * The case of a live session, which this use extends (never past its absolute lifetime, so a
   * stolen or forgotten cookie kept busy still ends); undefined when it ended.
   */
  async resumeSession(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const now = this.clock.now();
    const lifetimeMs = this.config.cases.followUpSessionAbsoluteHours * 3_600_000;
    const rows = (await this.dataSource.query(
      `UPDATE follow_up_sessions
       SET expires_at = LEAST($3::timestamptz, created_at + make_interval(secs => $5::double precision / 1000))
       WHERE token_hash = $1 AND expires_at > $2 AND created_at > $4
       RETURNING case_id`,
      [sha256(token), now, this.idleExpiry(now), new Date(now.getTime() - lifetimeMs), lifetimeMs],
    )) as [{ case_id: string }[], number];
    return rows[0][0]?.case_id;
  }

  async closeSession(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete({ tokenHash: sha256(token) });
  }

  private idleExpiry(now: Date): Date {
    return new Date(now.getTime() + this.config.cases.followUpSessionIdleMinutes * 60_000);
  }

  private lifetimeEnd(createdAt: Date): Date {
    return new Date(
      createdAt.getTime() + this.config.cases.followUpSessionAbsoluteHours * 3_600_000,
    );
  }
}
