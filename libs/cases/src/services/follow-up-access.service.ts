import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, RateLimiter, TooManyRequestsError } from '@app/core';
import { parseCaseReference } from '../domain/case-reference';
import { afterWrongCode, lockRemainingSeconds } from '../domain/follow-up-lock';
import { normaliseReceiptCode } from '../domain/receipt-code';
import { Case } from '../entities/case.entity';
import { FollowUpSession } from '../entities/follow-up-session.entity';
import { CaseAccessDeniedError, CaseLockedError } from '../exceptions/case-access.errors';
import { ReceiptCodeHasher } from './receipt-code-hasher';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Lets a reporter in with reference + receipt code. Unknown references and wrong codes get the
 * same answer after the same work; wrong codes lock the reference for a while; each client is
 * limited too. A successful check can open a short session for the follow-up pages.
 */
@Injectable()
export class FollowUpAccessService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(FollowUpSession) private readonly sessions: Repository<FollowUpSession>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hasher: ReceiptCodeHasher,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** The case id when the code is right; otherwise 404 `case_access_denied` or 429. */
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
    const found = reference
      ? await this.cases.findOne({
          where: { reference },
          select: { id: true, receiptCodeHash: true, failedCodeAttempts: true, lockedUntil: true },
        })
      : null;
    if (!found) {
      await this.hasher.verifyNothing(code);
      throw new CaseAccessDeniedError();
    }
    const locked = lockRemainingSeconds(
      { failedAttempts: found.failedCodeAttempts, lockedUntil: found.lockedUntil },
      this.clock.now(),
    );
    if (locked > 0) throw new CaseLockedError(locked);

    if (await this.hasher.verify(found.receiptCodeHash, code)) {
      if (found.failedCodeAttempts > 0 || found.lockedUntil) {
        // Plain SQL: the attempt counter is not an edit of the case (no version bump that
        // would make a legal expert's concurrent change fail).
        await this.dataSource.query(
          `UPDATE cases SET failed_code_attempts = 0, locked_until = NULL WHERE id = $1`,
          [found.id],
        );
      }
      return found.id;
    }
    await this.recordWrongCode(found.id);
    throw new CaseAccessDeniedError();
  }

  /** Opens a session for the follow-up pages; the token goes in a cookie, its hash here. */
  async openSession(caseId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      id: randomUUID(),
      tokenHash: sha256(token),
      caseId,
      createdAt: this.clock.now(),
      expiresAt: this.sessionExpiry(),
    });
    return token;
  }

  /** The case of a live session, which is extended by this use; undefined when it ended. */
  async resumeSession(token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    const now = this.clock.now();
    const rows = (await this.dataSource.query(
      `UPDATE follow_up_sessions SET expires_at = $3
       WHERE token_hash = $1 AND expires_at > $2
       RETURNING case_id`,
      [sha256(token), now, this.sessionExpiry()],
    )) as [{ case_id: string }[], number];
    return rows[0][0]?.case_id;
  }

  async closeSession(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete({ tokenHash: sha256(token) });
  }

  /** Counts one wrong code under a row lock, committed on its own whatever the request does next. */
  private async recordWrongCode(caseId: string): Promise<void> {
    const { followUpMaxAttempts, followUpLockMinutes } = this.config.cases;
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Case, {
        where: { id: caseId },
        select: { id: true, failedCodeAttempts: true, lockedUntil: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return;
      const next = afterWrongCode(
        { failedAttempts: current.failedCodeAttempts, lockedUntil: current.lockedUntil },
        this.clock.now(),
        { maxAttempts: followUpMaxAttempts, lockMinutes: followUpLockMinutes },
      );
      await manager.query(
        `UPDATE cases SET failed_code_attempts = $2, locked_until = $3 WHERE id = $1`,
        [caseId, next.failedAttempts, next.lockedUntil],
      );
    });
  }

  private sessionExpiry(): Date {
    return new Date(
      this.clock.now().getTime() + this.config.cases.followUpSessionIdleMinutes * 60_000,
    );
  }
}
