import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Locale, STAFF_ROLES, StaffRole } from '@app/core';
import { accountUsable } from '../domain/account-usable';
import { StaffMember } from '../domain/staff-principal';
import { StaffUser } from '../entities/staff-user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a member is read from: the account, or a plain row of the same names. */
type MemberSource = Pick<
  StaffUser,
  'id' | 'name' | 'email' | 'role' | 'locale' | 'workingLocales' | 'institutionCode'
>;

function memberOf(user: MemberSource): StaffMember {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as StaffRole,
    locale: user.locale,
    workingLocales: user.workingLocales,
    institutionCode: user.institutionCode,
  };
}

/**
 * Who works here, for other contexts (notifications, assignment, recusal). "Active" means not
 * deactivated and invitation accepted (a password is set): only they can act on a case.
 * Pass the caller's transaction manager to read inside it.
 */
@Injectable()
export class StaffDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findActive(id: string, manager?: EntityManager): Promise<StaffMember | null> {
    if (!UUID.test(id)) return null;
    const user = await (manager ?? this.dataSource.manager).findOne(StaffUser, {
      // Staff only: a mediator's account is never anyone's assignee or recipient of staff mail.
      where: { id, active: true, passwordHash: Not(IsNull()), role: In([...STAFF_ROLES]) },
    });
    return user ? memberOf(user) : null;
  }

  async activeByRole(role: StaffRole, manager?: EntityManager): Promise<StaffMember[]> {
    // Plain SQL: every report reads the administrators, to tell them of it.
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT id, name, email, role, locale, working_locales AS "workingLocales",
              institution_code AS "institutionCode"
         FROM staff_users
        WHERE role = $1 AND active AND password_hash IS NOT NULL
        ORDER BY name, id`,
      [role],
    )) as MemberSource[];
    return rows.map(memberOf);
  }

  activeAdministrators(manager?: EntityManager): Promise<StaffMember[]> {
    return this.activeByRole('administrator', manager);
  }

  activeTechnicalGroupMembers(manager?: EntityManager): Promise<StaffMember[]> {
    return this.activeByRole('technical_group_member', manager);
  }

  /**
   * Community mediators with their organisation's name, active or not (a mediator's messages
   * on a case read "mediator M of organisation O" for staff).
   */
  async mediatorsOf(
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, { name: string; organisation: string }>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (wanted.length === 0) return new Map();
    const users = await (manager ?? this.dataSource.manager).find(StaffUser, {
      where: { id: In(wanted), role: 'mediator' },
      relations: { organisation: true },
    });
    return new Map(
      users.map((u) => [u.id, { name: u.name, organisation: u.organisation?.name ?? '' }]),
    );
  }

  /**
   * Where a community mediator is written to: their address and language, only while they can
   * sign in (account active, invitation accepted, organisation not ended); null otherwise.
   */
  async reachableMediator(
    id: string,
    manager?: EntityManager,
  ): Promise<{ email: string; locale: Locale } | null> {
    if (!UUID.test(id)) return null;
    const user = await (manager ?? this.dataSource.manager).findOne(StaffUser, {
      where: { id, role: 'mediator', passwordHash: Not(IsNull()) },
      relations: { organisation: true },
    });
    return user && accountUsable(user) ? { email: user.email, locale: user.locale } : null;
  }

  /** Names of staff members, active or not (records name who acted, even after they left). */
  async namesOf(ids: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (wanted.length === 0) return new Map();
    const users = await (manager ?? this.dataSource.manager).find(StaffUser, {
      where: { id: In(wanted) },
      select: { id: true, name: true },
    });
    return new Map(users.map((u) => [u.id, u.name]));
  }
}
