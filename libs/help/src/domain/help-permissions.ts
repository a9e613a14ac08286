import { rolePermissions, type StaffRole } from '@app/core';
import { PublicContactsForbiddenError } from '../exceptions/help.errors';

/** What staff do with the contact points of the public pages. */
export const HELP_ACTIONS = ['manageContacts'] as const;
export type HelpAction = (typeof HELP_ACTIONS)[number];

/**
 * Administrators keep the contact points of the help, contact and privacy pages (DESIGN §6:
 * reference data); everyone else reads them on the public pages like the public.
 */
const ROLES: Record<HelpAction, readonly StaffRole[]> = {
  manageContacts: ['administrator'],
};

/** Checked by the contacts service on every change; the admin page's route guard says the same. */
export const HelpPermissions = rolePermissions(ROLES, () => new PublicContactsForbiddenError());
