/** What decides whether an account may sign in and act. */
export interface AccountStanding {
  active: boolean;
  /** A mediator's partner organisation; null for staff. */
  organisationId: string | null;
  organisation?: { active: boolean } | null;
}

/**
 * An account may be used when it is not deactivated and, for a community mediator, their
 * partner organisation has not ended (an organisation not loaded counts as ended: refuse
 * rather than guess).
 */
export function accountUsable(account: AccountStanding): boolean {
  if (!account.active) return false;
  return account.organisationId === null || account.organisation?.active === true;
}
