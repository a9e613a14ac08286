import { rolePermissions, type StaffRole } from '@app/core';
import { StaffActionForbiddenError } from '../exceptions/identity.errors';

/** What staff do with staff accounts and the audit log. */
export const STAFF_ACTIONS = ['manageAccounts', 'readAudit'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * DESIGN §6: administrators invite staff, deactivate and reactivate accounts, send new links,
 * and read the audit log. Every staff member manages only their own sign-in.
 */
const ROLES: Record<StaffAction, readonly StaffRole[]> = {
  manageAccounts: ['administrator'],
  readAudit: ['administrator'],
};

/**
 * Every permission on staff accounts, in one place: the accounts service checks it (a caller
 * that reaches it past the route guard gets the same 403) and the pages ask it what to offer.
 */
export const StaffPermissions = rolePermissions(ROLES, () => new StaffActionForbiddenError());
