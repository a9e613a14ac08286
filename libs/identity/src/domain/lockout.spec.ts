import { LockoutState, afterFailedAttempt, isLockedOut } from './lockout';

const policy = { maxAttempts: 5, lockMinutes: 15 };
const t0 = new Date('2025-03-01T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function fail(times: number, state: LockoutState = { failedLoginCount: 0, lockedUntil: null }) {
  let current = state;
  for (let i = 0; i < times; i++) current = afterFailedAttempt(current, t0, policy);
  return current;
}

describe('the lock-out rule', () => {
  it('counts failures without locking below the limit', () => {
    const state = fail(4);
    expect(state).toMatchObject({ failedLoginCount: 4, lockedUntil: null });
    expect(isLockedOut(state, t0)).toBe(false);
  });

  it('locks for the configured minutes at the fifth failure', () => {
    const state = afterFailedAttempt(fail(4), t0, policy);
    expect(state.lockedNow).toBe(true);
    expect(state.lockedUntil).toEqual(minutes(15));
    expect(isLockedOut(state, minutes(14.9))).toBe(true);
    expect(isLockedOut(state, minutes(15))).toBe(false);
  });

  it('does not extend a lock with attempts made while locked', () => {
    const locked = fail(5);
    const again = afterFailedAttempt(locked, minutes(10), policy);
    expect(again.lockedUntil).toEqual(minutes(15));
    expect(again.lockedNow).toBe(false);
  });

  it('starts counting afresh once a lock has run out', () => {
    const locked = fail(5);
    const after = afterFailedAttempt(locked, minutes(16), policy);
    expect(after).toMatchObject({ failedLoginCount: 1, lockedUntil: null, lockedNow: false });
  });
});
