/**
 * Guessing receipt codes: after `maxAttempts` wrong codes in a row a case reference is locked
 * for `lockMinutes`; while locked even the right code is refused. A right code resets the count.
 */
export interface FollowUpLockPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

export interface CodeAttemptState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** Seconds the reference stays locked, or 0 when it may be tried now. */
export function lockRemainingSeconds(state: CodeAttemptState, now: Date): number {
  if (!state.lockedUntil || state.lockedUntil.getTime() <= now.getTime()) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** The state after one more wrong code. An expired lock starts a fresh count. */
export function afterWrongCode(
  state: CodeAttemptState,
  now: Date,
  policy: FollowUpLockPolicy,
): CodeAttemptState {
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const failedAttempts = (lockExpired ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= policy.maxAttempts) {
    return {
      failedAttempts,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000),
    };
  }
  return { failedAttempts, lockedUntil: lockExpired ? null : state.lockedUntil };
}

export const UNLOCKED: CodeAttemptState = { failedAttempts: 0, lockedUntil: null };
