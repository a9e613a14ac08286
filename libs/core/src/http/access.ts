import { SetMetadata } from '@nestjs/common';

export const STAFF_ROLES = ['administrator', 'legal_expert', 'technical_group_member'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Every role an account of the back office can hold: the staff roles, and the community
 * mediator of a partner organisation, who signs in the same way (password + TOTP) but sees only
 * the reports they filed. `@StaffAccess()` without roles never lets a mediator in.
 */
export const ACCOUNT_ROLES = [...STAFF_ROLES, 'mediator'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * Who may call a route. Every route declares one (a global guard refuses routes that do not,
 * and the role matrix test lists them); services still check what the caller may do with the
 * particular case.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'staff'; roles: readonly AccountRole[] }
  /** Holders of a single-use link (e.g. an institution answering a referral). */
  | { kind: 'token' };

export const ACCESS_RULE = 'pmd:access-rule';

/** Anyone, without an account (reporters, the public, health checks). */
export const PublicAccess = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Signed-in staff with one of these roles (all staff roles when none is named). */
export const StaffAccess = (...roles: StaffRole[]) =>
  SetMetadata(ACCESS_RULE, {
    kind: 'staff',
    roles: roles.length > 0 ? roles : STAFF_ROLES,
  } satisfies AccessRule);

/** Signed-in community mediators only (their own reports); no member of staff. */
export const MediatorAccess = () =>
  SetMetadata(ACCESS_RULE, { kind: 'staff', roles: ['mediator'] } satisfies AccessRule);

/** Any signed-in account, staff or mediator (the home page, the session). */
export const AccountAccess = () =>
  SetMetadata(ACCESS_RULE, { kind: 'staff', roles: ACCOUNT_ROLES } satisfies AccessRule);

/** Holders of a single-use link; the service checks the token. */
export const TokenAccess = () => SetMetadata(ACCESS_RULE, { kind: 'token' } satisfies AccessRule);
