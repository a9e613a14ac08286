import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, Locale } from '@app/core';
import {
  SessionPolicy,
  SessionStage,
  expiryOf,
  needsTouch,
  sessionVerdict,
} from '../domain/session-rules';
import { accountUsable } from '../domain/account-usable';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../domain/secret-token';
import { AccountPrincipal } from '../domain/staff-principal';
import { StaffSession } from '../entities/staff-session.entity';
import { StaffUser } from '../entities/staff-user.entity';

/** Where a request comes from, stored with sessions and audit entries. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  session: StaffSession;
}

export interface LiveSession {
  session: StaffSession;
  user: StaffUser;
}

export function principalOf(user: StaffUser): AccountPrincipal {
  if (user.role === 'mediator') {
    return {
      id: user.id,
      name: user.name,
      role: 'mediator',
      locale: user.locale,
      organisationId: user.organisationId!,
      organisationName: user.organisation?.name ?? '',
    };
  }
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    locale: user.locale,
    institutionCode: user.institutionCode,
  };
}

/** Server-side staff sessions in PostgreSQL, so any server process can answer any request. */
@Injectable()
export class StaffSessions {
  private readonly policy: SessionPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = {
      idleMinutes: config.identity.sessionIdleMinutes,
      absoluteHours: config.identity.sessionAbsoluteHours,
    };
  }

  async open(
    manager: EntityManager,
    userId: string,
    stage: SessionStage,
    meta: RequestMeta,
  ): Promise<IssuedSession> {
    const { token, hash } = newSecretToken();
    const now = this.clock.now();
    const session = manager.create(StaffSession, {
      id: randomUUID(),
      tokenHash: hash,
      userId,
      stage,
      pendingTotpSecretEnc: null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiryOf(stage, now, this.policy),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      revokedAt: null,
    });
    await manager.insert(StaffSession, session);
    return { token, session };
  }

  /**
   * The session of a cookie when it still holds (not revoked, not idle, not past its end) and
   * its user is active, whatever its stage.
   */
  async find(token: string | undefined): Promise<LiveSession | null> {
    if (!looksLikeSecretToken(token)) return null;
    // The token hash is unique: `find` reads it in one query (`findOne` with relations adds a
    // DISTINCT query before it, every signed-in request).
    const [session] = await this.dataSource.manager.find(StaffSession, {
      where: { tokenHash: hashSecretToken(token) },
      relations: { user: { organisation: true } },
    });
    if (!session?.user) return null;
    const now = this.clock.now();
    if (sessionVerdict(session, now, this.policy) !== 'valid' || !accountUsable(session.user)) {
      return null;
    }
    if (needsTouch(session.lastSeenAt, now)) {
      await this.dataSource.manager.update(StaffSession, { id: session.id }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return { session, user: session.user };
  }

  /** The signed-in staff member or mediator (both factors passed), or null. */
  async authenticate(token: string | undefined): Promise<AccountPrincipal | null> {
    const live = await this.find(token);
    return live && live.session.stage === 'active' ? principalOf(live.user) : null;
  }

  /** The language a staff member reads the back office in, from now on. */
  async rememberLocale(userId: string, locale: Locale): Promise<void> {
    await this.dataSource.manager.update(
      StaffUser,
      { id: userId },
      { locale, updatedAt: this.clock.now() },
    );
  }

  /** Ends one session; false when it was already ended (e.g. used by a parallel request). */
  async revoke(manager: EntityManager, sessionId: string): Promise<boolean> {
    const result = await manager.update(
      StaffSession,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    return (result.affected ?? 0) > 0;
  }

  async revokeAllOf(manager: EntityManager, userId: string, stage?: SessionStage): Promise<void> {
    await manager.update(
      StaffSession,
      { userId, revokedAt: IsNull(), ...(stage ? { stage } : {}) },
      { revokedAt: this.clock.now() },
    );
  }

  async storePendingTotpSecret(sessionId: string, sealed: string): Promise<void> {
    await this.dataSource.manager.update(
      StaffSession,
      { id: sessionId },
      { pendingTotpSecretEnc: sealed },
    );
  }
}
