import {
  LockoutState,
  afterFailedAttempt,
  giveBackAttempt,
  isLockedOut,
  takeAttempt,
} from './lockout';

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

describe('attempt slots taken before a password is judged', () => {
  it('grants at most the limit of slots, however many attempts arrive at once', () => {
    let state: LockoutState = { failedLoginCount: 0, lockedUntil: null };
    let granted = 0;
    for (let i = 0; i < 50; i++) {
      const slot = takeAttempt(state, t0, policy);
      if (slot.granted) granted++;
      state = slot.after;
    }
    expect(granted).toBe(5);
    expect(isLockedOut(state, t0)).toBe(true);
  });

  it('gives a right password its slot back without clearing earlier failures', () => {
    const slot = takeAttempt(fail(2), t0, policy);
    expect(slot.after.failedLoginCount).toBe(3);
    expect(giveBackAttempt(slot.after, slot, t0)).toEqual({
      failedLoginCount: 2,
      lockedUntil: null,
    });
  });

  it('undoes the lock of the slot that reached the limit when its password was right', () => {
    const before = fail(4);
    const slot = takeAttempt(before, t0, policy);
    expect(slot.lockedNow).toBe(true);
    expect(giveBackAttempt(slot.after, slot, t0)).toEqual({
      failedLoginCount: before.failedLoginCount,
      lockedUntil: null,
    });
  });

  it('refuses a right password whose account other slots locked meanwhile', () => {
    const slot = takeAttempt(fail(3), t0, policy);
    const lockedByOthers = takeAttempt(slot.after, t0, policy).after;
    expect(isLockedOut(lockedByOthers, t0)).toBe(true);
    expect(giveBackAttempt(lockedByOthers, slot, t0)).toBeNull();
  });

  it('grants nothing while locked', () => {
    const slot = takeAttempt(fail(5), minutes(1), policy);
    expect(slot.granted).toBe(false);
    expect(slot.after).toEqual(slot.before);
  });
});
