import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, Locale, PreparedStatements } from '@app/core';
import {
  SessionPolicy,
  SessionStage,
  SessionTimes,
  expiryOf,
  needsTouch,
  sessionVerdict,
} from '../domain/session-rules';
import { AccountStanding, accountUsable } from '../domain/account-usable';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../domain/secret-token';
import { AccountPrincipal } from '../domain/staff-principal';
import { StaffSession } from '../entities/staff-session.entity';
import { StaffUser } from '../entities/staff-user.entity';
import { PartnerOrganisation } from '../entities/partner-organisation.entity';

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

/** What a principal is made of: the account, and a mediator's organisation's name. */
export type PrincipalSource = Pick<
  StaffUser,
  'id' | 'name' | 'role' | 'locale' | 'institutionCode' | 'organisationId'
> & { organisation?: Pick<PartnerOrganisation, 'name'> | null };

export function principalOf(user: PrincipalSource): AccountPrincipal {
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

/**
 * The session of a token hash with what the request needs of its account, in one statement
 * (prepared: it runs on every signed-in request).
 */
const SESSION_PRINCIPAL_SQL = `
  SELECT s.id, s.stage, s.last_seen_at, s.expires_at, s.revoked_at,
         u.id AS user_id, u.name, u.role, u.locale, u.institution_code, u.active,
         u.organisation_id, o.name AS organisation_name, o.active AS organisation_active
    FROM staff_sessions s
    JOIN staff_users u ON u.id = s.user_id
    LEFT JOIN partner_organisations o ON o.id = u.organisation_id
   WHERE s.token_hash = $1`;

interface SessionPrincipalRow {
  id: string;
  stage: SessionStage;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_id: string;
  name: string;
  role: StaffUser['role'];
  locale: Locale;
  institution_code: string | null;
  active: boolean;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_active: boolean | null;
}

/** Server-side staff sessions in PostgreSQL, so any server process can answer any request. */
@Injectable()
export class StaffSessions {
  private readonly policy: SessionPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly prepared: PreparedStatements,
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
   * its user is active, whatever its stage; with the whole account (the sign-in steps need it).
   */
  async find(token: string | undefined): Promise<LiveSession | null> {
    if (!looksLikeSecretToken(token)) return null;
    // The token hash is unique: `find` reads it in one query (`findOne` with relations adds a
    // DISTINCT query before it).
    const [session] = await this.dataSource.manager.find(StaffSession, {
      where: { tokenHash: hashSecretToken(token) },
      relations: { user: { organisation: true } },
    });
    if (!session?.user || !(await this.holds(session, session.user))) return null;
    return { session, user: session.user };
  }

  /**
   * The signed-in staff member or mediator (both factors passed), or null. Asked on every
   * signed-in request, so it reads only what a principal needs, in plain SQL.
   */
  async authenticate(token: string | undefined): Promise<AccountPrincipal | null> {
    if (!looksLikeSecretToken(token)) return null;
    const [row] = await this.prepared.query<SessionPrincipalRow>(SESSION_PRINCIPAL_SQL, [
      hashSecretToken(token),
    ]);
    if (!row) return null;
    const session = {
      id: row.id,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
    const user: PrincipalSource & AccountStanding = {
      id: row.user_id,
      name: row.name,
      role: row.role,
      locale: row.locale,
      institutionCode: row.institution_code,
      active: row.active,
      organisationId: row.organisation_id,
      organisation:
        row.organisation_id === null
          ? null
          : { name: row.organisation_name ?? '', active: row.organisation_active === true },
    };
    if (!(await this.holds(session, user))) return null;
    return row.stage === 'active' ? principalOf(user) : null;
  }

  /**
   * Whether a session still holds and its account may act; when it does, its last_seen_at is
   * moved on (at most once a LAST_SEEN_RESOLUTION_MS).
   */
  private async holds(
    session: SessionTimes & { id: string },
    account: AccountStanding,
  ): Promise<boolean> {
    const now = this.clock.now();
    if (sessionVerdict(session, now, this.policy) !== 'valid' || !accountUsable(account)) {
      return false;
    }
    if (needsTouch(session.lastSeenAt, now)) {
      await this.dataSource.manager.update(StaffSession, { id: session.id }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return true;
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
