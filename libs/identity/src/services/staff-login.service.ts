import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldCipher,
  RateLimiter,
  TooManyRequestsError,
} from '@app/core';
import { accountUsable } from '../domain/account-usable';
import { LoginFailureReason } from '../domain/audit-actions';
import {
  AFTER_SUCCESSFUL_LOGIN,
  AttemptSlot,
  LockoutPolicy,
  giveBackAttempt,
  isLockedOut,
  takeAttempt,
} from '../domain/lockout';
import { isFreshStep, normaliseTotpCode } from '../domain/totp-step';
import { StaffSession } from '../entities/staff-session.entity';
import { StaffUser } from '../entities/staff-user.entity';
import {
  LoginFailedError,
  SignInExpiredError,
  TotpRejectedError,
} from '../exceptions/identity.errors';
import { AuditLog } from './audit-log.service';
import { normaliseEmail } from '../domain/email';
import { PasswordHasher } from './password-hasher.service';
import { IssuedSession, LiveSession, RequestMeta, StaffSessions } from './staff-sessions.service';
import { TotpEnrolment, TotpService } from './totp.service';

export interface PasswordStepResult extends IssuedSession {
  /** The page that asks for the second factor: the code, or enrolment on first sign-in. */
  next: 'totp' | 'enrol';
}

/**
 * Staff sign-in in two steps. The password opens a half-signed-in session that only the
 * second-factor pages accept; a right code replaces it with a new, fully signed-in session
 * (a new token, so a session id planted before sign-in is worth nothing).
 */
@Injectable()
export class StaffLogin {
  private readonly lockout: LockoutPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly hasher: PasswordHasher,
    private readonly totp: TotpService,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditLog,
    private readonly rateLimiter: RateLimiter,
  ) {
    this.lockout = {
      maxAttempts: config.identity.loginMaxAttempts,
      lockMinutes: config.identity.loginLockMinutes,
    };
  }

  async passwordStep(
    input: { email: string; password: string },
    meta: RequestMeta,
  ): Promise<PasswordStepResult> {
    await this.limitClient(meta);
    const user = await this.dataSource.manager.findOne(StaffUser, {
      where: { email: normaliseEmail(input.email) },
      relations: { organisation: true },
    });
    const refusal = this.refusalBeforePassword(user);
    if (refusal) return this.refuseUnjudged(input.password, user, refusal, meta);
    const known = user as StaffUser & { passwordHash: string };
    // The slot is taken before argon2 runs: parallel attempts cannot outrun the count.
    const slot = await this.takeSlot(known.id);
    if (!slot.granted) return this.refuseUnjudged(input.password, known, 'locked', meta);
    if (!(await this.hasher.verify(known.passwordHash, input.password))) {
      await this.recordFailure(known.id, slot, 'password', meta);
      throw new LoginFailedError();
    }
    const issued = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockedRow(manager, known.id);
      const state = giveBackAttempt(current, slot, this.clock.now());
      if (!state) return null;
      await manager.update(StaffUser, { id: known.id }, state);
      return this.sessions.open(manager, known.id, 'password_ok', meta);
    });
    if (!issued) return this.refuseUnjudged(null, known, 'locked', meta);
    return { ...issued, next: known.totpSecretEnc ? 'totp' : 'enrol' };
  }

  /** Which second-factor page a half-signed-in cookie belongs on; null: sign in again. */
  async pendingStep(token: string | undefined): Promise<'totp' | 'enrol' | null> {
    const live = await this.pendingSignIn(token);
    if (!live) return null;
    return live.user.totpSecretEnc ? 'totp' : 'enrol';
  }

  async secondFactorStep(
    token: string | undefined,
    rawCode: string,
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    await this.limitClient(meta);
    const { session, user } = await this.requirePending(token, 'enrolled');
    const slot = await this.codeSlot(session, user.id);
    const secret = this.cipher.decrypt(user.totpSecretEnc as string, user.id);
    const code = normaliseTotpCode(rawCode);
    const step = code ? this.totp.matchStep(secret, code) : null;
    if (step === null || !isFreshStep(step, user.totpLastStep)) {
      await this.refuseCode(user.id, slot, step === null ? 'totp' : 'totp_reused', meta);
    }
    return this.completeSignIn(session, user, step as number, meta, null);
  }

  /** The secret to enrol (made once per half-signed-in session) as a QR code and as text. */
  async enrolment(token: string | undefined): Promise<TotpEnrolment> {
    const { session, user } = await this.requirePending(token, 'not_enrolled');
    let secret: string;
    if (session.pendingTotpSecretEnc) {
      secret = this.cipher.decrypt(session.pendingTotpSecretEnc, session.id);
    } else {
      secret = this.totp.newSecret();
      await this.sessions.storePendingTotpSecret(
        session.id,
        this.cipher.encrypt(secret, session.id),
      );
    }
    return this.totp.enrolment(secret, user.email);
  }

  async enrol(
    token: string | undefined,
    rawCode: string,
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    await this.limitClient(meta);
    const { session, user } = await this.requirePending(token, 'not_enrolled');
    // Posting without having seen the QR code: nothing to confirm yet.
    if (!session.pendingTotpSecretEnc) throw new TotpRejectedError();
    const slot = await this.codeSlot(session, user.id);
    const secret = this.cipher.decrypt(session.pendingTotpSecretEnc, session.id);
    const code = normaliseTotpCode(rawCode);
    const step = code ? this.totp.matchStep(secret, code) : null;
    if (step === null) await this.refuseCode(user.id, slot, 'totp', meta);
    return this.completeSignIn(session, user, step as number, meta, secret);
  }

  async logout(token: string | undefined, meta: RequestMeta): Promise<void> {
    const live = await this.sessions.find(token);
    if (!live) return;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.revoke(manager, live.session.id))) return;
      if (live.session.stage !== 'active') return;
      await this.audit.record(manager, {
        action: 'logout',
        actor: { id: live.user.id, role: live.user.role },
        subjectType: 'staff_user',
        subjectId: live.user.id,
        ip: meta.ip,
      });
    });
  }

  private async pendingSignIn(token: string | undefined): Promise<LiveSession | null> {
    const live = await this.sessions.find(token);
    return live && live.session.stage === 'password_ok' ? live : null;
  }

  private refusalBeforePassword(user: StaffUser | null): LoginFailureReason | undefined {
    if (!user) return 'unknown_account';
    // A mediator of an ended partner organisation is refused like a deactivated account.
    if (!accountUsable(user)) return 'inactive';
    if (!user.passwordHash) return 'not_accepted';
    return undefined;
  }

  /**
   * Same work and same answer as a wrong password, without judging the password: no way to
   * tell which accounts exist, nor whether a password tried on a locked account was right.
   */
  private async refuseUnjudged(
    password: string | null,
    user: StaffUser | null,
    reason: LoginFailureReason,
    meta: RequestMeta,
  ): Promise<never> {
    if (password !== null) await this.hasher.verifyDummy(password);
    await this.audit.record(null, {
      action: 'login_failed',
      subjectType: user ? 'staff_user' : null,
      subjectId: user?.id ?? null,
      ip: meta.ip,
      details: { reason },
    });
    throw new LoginFailedError();
  }

  /** Counts the attempt before anything is judged; one short row lock, never held while hashing. */
  private takeSlot(userId: string): Promise<AttemptSlot> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedRow(manager, userId);
      const slot = takeAttempt(user, this.clock.now(), this.lockout);
      if (slot.granted) await manager.update(StaffUser, { id: userId }, slot.after);
      return slot;
    });
  }

  /** A code is judged only in a slot; without one the half session ends as on a lock. */
  private async codeSlot(session: StaffSession, userId: string): Promise<AttemptSlot> {
    const slot = await this.takeSlot(userId);
    if (slot.granted) return slot;
    await this.dataSource.transaction((m) => this.sessions.revoke(m, session.id));
    throw new LoginFailedError();
  }

  private async requirePending(
    token: string | undefined,
    needs: 'enrolled' | 'not_enrolled',
  ): Promise<LiveSession> {
    const live = await this.pendingSignIn(token);
    if (!live) throw new SignInExpiredError();
    if (isLockedOut(live.user, this.clock.now())) {
      await this.dataSource.transaction((m) => this.sessions.revoke(m, live.session.id));
      throw new LoginFailedError();
    }
    if ((needs === 'enrolled') !== (live.user.totpSecretEnc !== null)) {
      throw new SignInExpiredError();
    }
    return live;
  }

  /** A wrong code (already counted by its slot); at the limit the half session ends. */
  private async refuseCode(
    userId: string,
    slot: AttemptSlot,
    reason: LoginFailureReason,
    meta: RequestMeta,
  ): Promise<never> {
    await this.recordFailure(userId, slot, reason, meta);
    throw slot.lockedNow ? new LoginFailedError() : new TotpRejectedError();
  }

  /** The audit entry of a judged failure; the slot that locked the account ends half sessions. */
  private async recordFailure(
    userId: string,
    slot: AttemptSlot,
    reason: LoginFailureReason,
    meta: RequestMeta,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (slot.lockedNow) await this.sessions.revokeAllOf(manager, userId, 'password_ok');
      await this.audit.record(manager, {
        action: 'login_failed',
        subjectType: 'staff_user',
        subjectId: userId,
        ip: meta.ip,
        details: { reason, locked: slot.lockedNow },
      });
    });
  }

  private async completeSignIn(
    pending: StaffSession,
    user: StaffUser,
    step: number,
    meta: RequestMeta,
    enrolledSecret: string | null,
  ): Promise<IssuedSession> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockedRow(manager, user.id);
      // A parallel request may have spent this code, or finished enrolment, meanwhile.
      const enrolledMeanwhile = enrolledSecret !== null && current.totpSecretEnc !== null;
      if (!isFreshStep(step, current.totpLastStep) || enrolledMeanwhile) {
        throw new TotpRejectedError();
      }
      if (!(await this.sessions.revoke(manager, pending.id))) throw new SignInExpiredError();
      await manager.update(
        StaffUser,
        { id: user.id },
        {
          ...AFTER_SUCCESSFUL_LOGIN,
          totpLastStep: step,
          ...(enrolledSecret
            ? { totpSecretEnc: this.cipher.encrypt(enrolledSecret, user.id) }
            : {}),
          updatedAt: this.clock.now(),
        },
      );
      const issued = await this.sessions.open(manager, user.id, 'active', meta);
      const actor = { id: user.id, role: user.role };
      const subject = { subjectType: 'staff_user', subjectId: user.id, ip: meta.ip };
      if (enrolledSecret)
        await this.audit.record(manager, { action: 'totp_enrolled', actor, ...subject });
      await this.audit.record(manager, { action: 'login_succeeded', actor, ...subject });
      return issued;
    });
  }

  private async lockedRow(manager: EntityManager, userId: string): Promise<StaffUser> {
    return manager.findOneOrFail(StaffUser, {
      where: { id: userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Per client address, across accounts: slows down trying many accounts from one place. */
  private async limitClient(meta: RequestMeta): Promise<void> {
    const client = createHash('sha256')
      .update(meta.ip ?? 'unknown')
      .digest('hex')
      .slice(0, 32);
    const { loginRateLimit, loginRateWindowSeconds } = this.config.identity;
    const result = await this.rateLimiter.hit(
      'staff-login',
      client,
      loginRateLimit,
      loginRateWindowSeconds,
    );
    if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds);
  }
}
