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

/**
 * One attempt to be judged, taken before the password is hashed: it is counted as a failure
 * at once, so parallel attempts cannot all be judged before the first failure is written.
 * A locked account grants no slot, and nothing is judged.
 */
export interface AttemptSlot {
  granted: boolean;
  before: LockoutState;
  after: LockoutState;
  /** This slot reached the limit and locked the account. */
  lockedNow: boolean;
}

export function takeAttempt(state: LockoutState, now: Date, policy: LockoutPolicy): AttemptSlot {
  const before = { failedLoginCount: state.failedLoginCount, lockedUntil: state.lockedUntil };
  if (isLockedOut(state, now)) return { granted: false, before, after: before, lockedNow: false };
  const { lockedNow, ...after } = afterFailedAttempt(state, now, policy);
  return { granted: true, before, after, lockedNow };
}

/**
 * The state after a granted slot's password proved right: the slot's provisional failure is
 * taken back (the count is as it was; only a complete sign-in clears it). Null when the
 * account has been locked meanwhile by other slots: the answer is then a refusal like any.
 */
export function giveBackAttempt(
  current: LockoutState,
  slot: AttemptSlot,
  now: Date,
): LockoutState | null {
  const lockedBySlot =
    slot.lockedNow && current.lockedUntil?.getTime() === slot.after.lockedUntil?.getTime();
  if (lockedBySlot) return slot.before;
  if (isLockedOut(current, now)) return null;
  return {
    failedLoginCount: Math.max(0, current.failedLoginCount - 1),
    lockedUntil: current.lockedUntil,
  };
}
