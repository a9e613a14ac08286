import { SetMetadata } from '@nestjs/common';

export const STAFF_ROLES = ['administrator', 'legal_expert', 'technical_group_member'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who may call a route. Every route declares one (a global guard refuses routes that do not,
 * and the role matrix test lists them); services still check what the caller may do with the
 * particular case.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
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

/** Holders of a single-use link; the service checks the token. */
export const TokenAccess = () => SetMetadata(ACCESS_RULE, { kind: 'token' } satisfies AccessRule);
