import { rolePermissions, type StaffRole } from '@app/core';
import { DirectoryForbiddenError } from '../exceptions/directory.errors';

export const DIRECTORY_ACTIONS = ['manageDirectory'] as const;
export type DirectoryAction = (typeof DIRECTORY_ACTIONS)[number];

/**
 * Administrators keep the institution directory and the reference data exports (DESIGN §6);
 * legal experts and the Technical Group pick its contact points in referrals.
 */
const ROLES: Record<DirectoryAction, readonly StaffRole[]> = {
  manageDirectory: ['administrator'],
};

export const DirectoryPermissions = rolePermissions(ROLES, () => new DirectoryForbiddenError());
