import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldError,
  ValidationFailedError,
  installationDateTime,
} from '@app/core';
import { NotificationOutbox } from '@app/notifications';
import { passwordProblems } from '../domain/password-policy';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../domain/secret-token';
import { StaffToken, StaffTokenPurpose } from '../entities/staff-token.entity';
import { StaffUser } from '../entities/staff-user.entity';
import { LinkInvalidError } from '../exceptions/identity.errors';
import { AuditLog } from './audit-log.service';
import { PasswordHasher } from './password-hasher.service';
import { IssuedSession, RequestMeta, StaffSessions } from './staff-sessions.service';

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

export interface LinkAcceptance extends IssuedSession {
  next: 'totp' | 'enrol';
}

const PATHS: Record<StaffTokenPurpose, string> = {
  invitation: '/staff/invitation',
  password_reset: '/staff/reset',
};

/**
 * Single-use, expiring links that let a staff member set a password: the invitation and the
 * password reset. Issuing one replaces any earlier unused link of the user.
 */
@Injectable()
export class StaffLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly hasher: PasswordHasher,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditLog,
  ) {}

  /** Creates the link and, unless `email` is false (the CLI prints it), mails it in `manager`'s transaction. */
  async issue(
    manager: EntityManager,
    user: StaffUser,
    purpose: StaffTokenPurpose,
    options: { resetTotp?: boolean; email?: boolean } = {},
  ): Promise<IssuedLink> {
    const now = this.clock.now();
    await this.revokeUnused(manager, user.id);
    const { token, hash } = newSecretToken();
    const ttlMs =
      purpose === 'invitation'
        ? this.config.identity.invitationTtlHours * 3_600_000
        : this.config.identity.passwordResetTtlMinutes * 60_000;
    const expiresAt = new Date(now.getTime() + ttlMs);
    await manager.insert(StaffToken, {
      id: randomUUID(),
      userId: user.id,
      purpose,
      tokenHash: hash,
      resetTotp: purpose === 'password_reset' && options.resetTotp === true,
      createdAt: now,
      expiresAt,
      usedAt: null,
      revokedAt: null,
    });
    const url = `${this.config.app.publicUrl.replace(/\/+$/, '')}${PATHS[purpose]}/${token}`;
    if (options.email !== false) {
      const expires = installationDateTime(expiresAt);
      await this.outbox.add(manager, [
        purpose === 'invitation'
          ? {
              template: 'staff_invitation',
              locale: user.locale,
              to: user.email,
              params: { name: user.name, inviteUrl: url, expiresAt: expires },
            }
          : {
              template: 'password_reset',
              locale: user.locale,
              to: user.email,
              params: { resetUrl: url, expiresAt: expires },
            },
      ]);
    }
    return { url, expiresAt };
  }

  async revokeUnused(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(
      StaffToken,
      { userId, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
  }

  /** The name of the person a valid link was sent to, to greet them on its page. */
  async holderName(purpose: StaffTokenPurpose, token: string): Promise<string> {
    const found = await this.findValid(this.dataSource.manager, purpose, token, false);
    return found.user.name;
  }

  /**
   * Sets the password and spends the link; every session of the user ends (the password
   * changed), and a half-signed-in session continues with the second factor.
   */
  async accept(
    purpose: StaffTokenPurpose,
    token: string,
    input: { password: string; passwordConfirmation: string },
    meta: RequestMeta,
  ): Promise<LinkAcceptance> {
    const { user } = await this.findValid(this.dataSource.manager, purpose, token, false);
    const problems: FieldError[] = passwordProblems(input.password, user.email).map((problem) => ({
      field: 'password',
      code: `password_${problem}`,
      messageKey: `identity.password.${problem}`,
    }));
    if (input.password !== input.passwordConfirmation) {
      problems.push({
        field: 'passwordConfirmation',
        code: 'password_mismatch',
        messageKey: 'identity.password.mismatch',
      });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    // Hashing takes tens of milliseconds: done before the transaction takes its row locks.
    const passwordHash = await this.hasher.hash(input.password);

    return this.dataSource.transaction(async (manager) => {
      const { link, user: holder } = await this.findValid(manager, purpose, token, true);
      const now = this.clock.now();
      await manager.update(StaffToken, { id: link.id }, { usedAt: now });
      const totpCleared = link.resetTotp;
      await manager.update(
        StaffUser,
        { id: holder.id },
        {
          passwordHash,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: now,
          ...(totpCleared ? { totpSecretEnc: null } : {}),
        },
      );
      await this.sessions.revokeAllOf(manager, holder.id);
      await this.audit.record(manager, {
        action: purpose === 'invitation' ? 'invitation_accepted' : 'password_reset_completed',
        actor: { id: holder.id, role: holder.role },
        subjectType: 'staff_user',
        subjectId: holder.id,
        ip: meta.ip,
        details: purpose === 'password_reset' ? { totpReset: totpCleared } : {},
      });
      const issued = await this.sessions.open(manager, holder.id, 'password_ok', meta);
      const enrolled = holder.totpSecretEnc !== null && !totpCleared;
      return { ...issued, next: enrolled ? 'totp' : 'enrol' };
    });
  }

  private async findValid(
    manager: EntityManager,
    purpose: StaffTokenPurpose,
    token: string,
    lock: boolean,
  ): Promise<{ link: StaffToken; user: StaffUser }> {
    if (!looksLikeSecretToken(token)) throw new LinkInvalidError();
    const link = await manager.findOne(StaffToken, {
      where: { tokenHash: hashSecretToken(token), purpose },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const now = this.clock.now();
    if (!link || link.usedAt || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) {
      throw new LinkInvalidError();
    }
    const user = await manager.findOne(StaffUser, {
      where: { id: link.userId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!user?.active) throw new LinkInvalidError();
    return { link, user };
  }
}
