import { UNLOCKED, afterWrongCode, lockRemainingSeconds } from './follow-up-lock';

const policy = { maxAttempts: 5, lockMinutes: 15 };
const now = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('the follow-up lock', () => {
  it('counts wrong codes and locks for 15 minutes at the fifth', () => {
    let state = UNLOCKED;
    for (let i = 1; i <= 4; i++) {
      state = afterWrongCode(state, now, policy);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
      expect(lockRemainingSeconds(state, now)).toBe(0);
    }
    state = afterWrongCode(state, now, policy);
    expect(state).toEqual({ failedAttempts: 5, lockedUntil: minutes(15) });
    expect(lockRemainingSeconds(state, now)).toBe(900);
    expect(lockRemainingSeconds(state, minutes(14.5))).toBe(30);
  });

  it('lifts the lock when its time has passed and starts a fresh count', () => {
    const locked = { failedAttempts: 5, lockedUntil: minutes(15) };
    expect(lockRemainingSeconds(locked, minutes(15))).toBe(0);
    expect(afterWrongCode(locked, minutes(16), policy)).toEqual({
      failedAttempts: 1,
      lockedUntil: null,
    });
  });

  it('rounds the remaining time up to whole seconds', () => {
    const state = { failedAttempts: 5, lockedUntil: new Date(now.getTime() + 1500) };
    expect(lockRemainingSeconds(state, now)).toBe(2);
  });
});
