import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccountRole,
  Clock,
  ConflictError,
  FieldCipher,
  Locale,
  NotFoundError,
  ValidationFailedError,
  isUuid,
} from '@app/core';
import { TaxonomyService } from '@app/taxonomy';
import { normaliseEmail } from '../domain/email';
import { isLockedOut } from '../domain/lockout';
import { StaffPermissions } from '../domain/staff-permissions';
import { StaffPrincipal } from '../domain/staff-principal';
import { StaffUser } from '../entities/staff-user.entity';
import { AuditLog } from './audit-log.service';
import { PasswordHasher } from './password-hasher.service';
import { IssuedLink, StaffLinks } from './staff-links.service';
import { RequestMeta, StaffSessions } from './staff-sessions.service';

export interface NewStaffMember {
  name: string;
  email: string;
  role: AccountRole;
  locale: Locale;
  /** Only for Technical Group members: the taxonomy code of their own institution. */
  institutionCode?: string | null;
  /** Only for community mediators: their partner organisation (an active one). */
  organisationId?: string | null;
}

/** Where an account stands, as the users page shows it. */
export type StaffAccountState = 'invited' | 'enrolling' | 'active' | 'locked' | 'deactivated';

export interface StaffAccountView {
  id: string;
  name: string;
  email: string;
  role: AccountRole;
  locale: Locale;
  workingLocales: Locale[];
  institutionCode: string | null;
  /** The institution's name in the reader's language (staff never read codes). */
  institution: string | null;
  organisationId: string | null;
  /** A mediator's partner organisation, by name. */
  organisation: string | null;
  active: boolean;
  state: StaffAccountState;
  createdAt: Date;
}

/** Administrators' work on staff accounts: invite, deactivate, reactivate, send links. */
@Injectable()
export class StaffAccounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly hasher: PasswordHasher,
    private readonly links: StaffLinks,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditLog,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async list(locale: Locale): Promise<StaffAccountView[]> {
    const users = await this.dataSource.manager.find(StaffUser, {
      order: { active: 'DESC', role: 'ASC', name: 'ASC' },
      relations: { organisation: true },
    });
    return this.views(users, locale);
  }

  /** The signed-in staff member's own account, for their account page. */
  async own(actor: StaffPrincipal, locale: Locale): Promise<StaffAccountView> {
    const user = await this.dataSource.manager.findOne(StaffUser, {
      where: { id: actor.id },
      relations: { organisation: true },
    });
    if (!user) throw new NotFoundError('staff_user_not_found');
    const [view] = await this.views([user], locale);
    return view;
  }

  /**
   * Any staff member chooses the language of their pages and emails, and says which languages
   * they can write to reporters in; nobody else's.
   */
  async changeOwnLanguages(
    actor: StaffPrincipal,
    languages: { locale: Locale; workingLocales: Locale[] },
  ): Promise<void> {
    await this.dataSource.manager.update(
      StaffUser,
      { id: actor.id },
      {
        locale: languages.locale,
        workingLocales: [...new Set(languages.workingLocales)],
        updatedAt: this.clock.now(),
      },
    );
  }

  /** The institutions a Technical Group member can belong to, by name in the reader's language. */
  async institutions(locale: Locale): Promise<{ code: string; label: string }[]> {
    return (await this.taxonomy.snapshot()).list('institution', locale);
  }

  private async views(users: StaffUser[], locale: Locale): Promise<StaffAccountView[]> {
    const snapshot = await this.taxonomy.snapshot();
    const now = this.clock.now();
    return users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale,
      workingLocales: user.workingLocales,
      institutionCode: user.institutionCode,
      institution: user.institutionCode
        ? snapshot.label('institution', user.institutionCode, locale)
        : null,
      organisationId: user.organisationId,
      organisation: user.organisation?.name ?? null,
      active: user.active,
      state: !user.active
        ? 'deactivated'
        : !user.passwordHash
          ? 'invited'
          : !user.totpSecretEnc
            ? 'enrolling'
            : isLockedOut(user, now)
              ? 'locked'
              : 'active',
      createdAt: user.createdAt,
    }));
  }

  /** Creates the account (no password yet) and mails the invitation, in one transaction. */
  async invite(actor: StaffPrincipal, input: NewStaffMember, meta: RequestMeta): Promise<string> {
    StaffPermissions.require(actor, 'manageAccounts');
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, input, null);
      await this.links.issue(manager, user, 'invitation');
      await this.audit.record(manager, {
        action: 'user_invited',
        actor,
        subjectType: 'staff_user',
        subjectId: user.id,
        ip: meta.ip,
        details: {
          role: user.role,
          ...(user.organisationId ? { organisation: user.organisationId } : {}),
        },
      });
      return user.id;
    });
  }

  /**
   * The first administrator (or one more), from the command line: the account and a
   * one-time enrolment link to print. Nobody types a password on a command line.
   */
  async createAdministrator(input: {
    name: string;
    email: string;
    locale: Locale;
  }): Promise<{ id: string; link: IssuedLink }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, { ...input, role: 'administrator' }, null);
      const link = await this.links.issue(manager, user, 'invitation', { email: false });
      await this.audit.record(manager, {
        action: 'user_invited',
        subjectType: 'staff_user',
        subjectId: user.id,
        details: { role: user.role, via: 'cli' },
      });
      return { id: user.id, link };
    });
  }

  /**
   * An active account with password and authenticator already set, for the demo seed and
   * the tests. Never reachable from HTTP.
   */
  async provision(
    input: NewStaffMember & { password: string; totpSecret: string },
  ): Promise<StaffUser> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, input, passwordHash);
      user.totpSecretEnc = this.cipher.encrypt(input.totpSecret, user.id);
      await manager.update(StaffUser, { id: user.id }, { totpSecretEnc: user.totpSecretEnc });
      return user;
    });
  }

  async findByEmail(email: string): Promise<StaffUser | null> {
    return this.dataSource.manager.findOne(StaffUser, { where: { email: normaliseEmail(email) } });
  }

  /** Ends the account's sessions and unused links at once; the account stays for the record. */
  async deactivate(actor: StaffPrincipal, userId: string, meta: RequestMeta): Promise<void> {
    StaffPermissions.require(actor, 'manageAccounts');
    if (userId === actor.id) throw new ConflictError('cannot_deactivate_self');
    await this.dataSource.transaction(async (manager) => {
      // Locking every active administrator serialises two administrators removing each other.
      await manager.query(
        `SELECT id FROM staff_users WHERE role = 'administrator' AND active ORDER BY id FOR UPDATE`,
      );
      const user = await this.lockedUser(manager, userId);
      if (!user.active) return;
      if (user.role === 'administrator') {
        const administrators = await manager.count(StaffUser, {
          where: { role: 'administrator', active: true },
        });
        if (administrators <= 1) throw new ConflictError('last_administrator');
      }
      const now = this.clock.now();
      await manager.update(
        StaffUser,
        { id: userId },
        { active: false, deactivatedAt: now, updatedAt: now },
      );
      await this.sessions.revokeAllOf(manager, userId);
      await this.links.revokeUnused(manager, userId);
      await this.audit.record(manager, {
        action: 'user_deactivated',
        actor,
        subjectType: 'staff_user',
        subjectId: userId,
        ip: meta.ip,
      });
    });
  }

  async reactivate(actor: StaffPrincipal, userId: string, meta: RequestMeta): Promise<void> {
    StaffPermissions.require(actor, 'manageAccounts');
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, userId);
      if (user.active) return;
      await manager.update(
        StaffUser,
        { id: userId },
        {
          active: true,
          deactivatedAt: null,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: this.clock.now(),
        },
      );
      await this.audit.record(manager, {
        action: 'user_reactivated',
        actor,
        subjectType: 'staff_user',
        subjectId: userId,
        ip: meta.ip,
      });
    });
  }

  /**
   * Mails a new link: the invitation again when it was never accepted, otherwise a password
   * reset (optionally also clearing the authenticator, for a lost phone).
   */
  async sendLink(
    actor: StaffPrincipal,
    userId: string,
    options: { resetTotp: boolean },
    meta: RequestMeta,
  ): Promise<'invitation' | 'password_reset'> {
    StaffPermissions.require(actor, 'manageAccounts');
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, userId);
      if (!user.active) throw new ConflictError('user_inactive');
      const purpose = user.passwordHash ? 'password_reset' : 'invitation';
      await this.links.issue(manager, user, purpose, { resetTotp: options.resetTotp });
      await this.audit.record(manager, {
        action: purpose === 'invitation' ? 'user_invited' : 'password_reset_requested',
        actor,
        subjectType: 'staff_user',
        subjectId: userId,
        ip: meta.ip,
        details:
          purpose === 'invitation'
            ? { role: user.role, resent: true }
            : { totpReset: options.resetTotp },
      });
      return purpose;
    });
  }

  private async insertUser(
    manager: EntityManager,
    input: NewStaffMember,
    passwordHash: string | null,
  ): Promise<StaffUser> {
    const institutionCode = input.institutionCode ?? null;
    const organisationId = input.role === 'mediator' ? (input.organisationId ?? null) : null;
    if (input.role === 'mediator') {
      if (!isUuid(organisationId)) throw new NotFoundError('organisation_not_found');
      // Locked so an organisation being ended meanwhile gets no new mediator.
      const rows = (await manager.query(
        `SELECT active FROM partner_organisations WHERE id = $1 FOR SHARE`,
        [organisationId],
      )) as { active: boolean }[];
      if (rows.length === 0) throw new NotFoundError('organisation_not_found');
      if (!rows[0].active) throw new ConflictError('organisation_inactive');
    }
    if (institutionCode !== null && input.role !== 'technical_group_member') {
      throw new ValidationFailedError([
        {
          field: 'institutionCode',
          code: 'institution_only_technical_group',
          messageKey: 'identity.institution_only_technical_group',
        },
      ]);
    }
    if (
      institutionCode !== null &&
      !(await this.taxonomy.snapshot()).isKnown('institution', institutionCode)
    ) {
      throw new ValidationFailedError([
        {
          field: 'institutionCode',
          code: 'institution_unknown',
          messageKey: 'identity.institution_unknown',
        },
      ]);
    }
    const now = this.clock.now();
    const user = manager.create(StaffUser, {
      id: randomUUID(),
      name: input.name.trim(),
      email: normaliseEmail(input.email),
      role: input.role,
      active: true,
      locale: input.locale,
      workingLocales: [input.locale],
      institutionCode,
      organisationId,
      passwordHash,
      totpSecretEnc: null,
      totpLastStep: null,
      failedLoginCount: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
      deactivatedAt: null,
    });
    // ON CONFLICT DO NOTHING: a duplicate address is an answer, not an aborted transaction.
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(StaffUser)
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length === 0) throw new ConflictError('email_taken');
    return user;
  }

  private async lockedUser(manager: EntityManager, userId: string): Promise<StaffUser> {
    const user = await manager.findOne(StaffUser, {
      where: { id: userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new NotFoundError('staff_user_not_found');
    return user;
  }
}
