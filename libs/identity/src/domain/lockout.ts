/** When a staff account is locked after wrong passwords or codes, and for how long. */
export interface LockoutPolicy {
  /** Wrong passwords or TOTP codes in a row that lock the account. */
  maxAttempts: number;
  lockMinutes: number;
}

export interface LockoutState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLockedOut(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more wrong password or code. Reaching the limit locks the account and
 * starts a new count, so the next lock needs as many failures again. Attempts while locked do
 * not extend the lock: otherwise anyone knowing an address could keep its owner out for ever.
 */
export function afterFailedAttempt(
  state: LockoutState,
  now: Date,
  policy: LockoutPolicy,
): LockoutState & { lockedNow: boolean } {
  if (isLockedOut(state, now)) return { ...state, lockedNow: false };
  // A lock that has run out starts the count again.
  const previous = state.lockedUntil === null ? state.failedLoginCount : 0;
  const failed = previous + 1;
  if (failed >= policy.maxAttempts) {
    return {
      failedLoginCount: 0,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000),
      lockedNow: true,
    };
  }
  return { failedLoginCount: failed, lockedUntil: null, lockedNow: false };
}

/** Only a complete sign-in (password and code) clears the count; a right password alone does not. */
export const AFTER_SUCCESSFUL_LOGIN: LockoutState = { failedLoginCount: 0, lockedUntil: null };
