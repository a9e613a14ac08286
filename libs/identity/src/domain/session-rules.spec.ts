import { expiryOf, needsTouch, sessionVerdict } from './session-rules';

const policy = { idleMinutes: 30, absoluteHours: 12 };
const t0 = new Date('2025-03-01T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function session(overrides: { lastSeenAt?: Date; revokedAt?: Date | null } = {}) {
  return {
    lastSeenAt: overrides.lastSeenAt ?? t0,
    expiresAt: expiryOf('active', t0, policy),
    revokedAt: overrides.revokedAt ?? null,
  };
}

describe('the session expiry rule', () => {
  it('keeps a session used within the idle timeout', () => {
    expect(sessionVerdict(session(), at(29), policy)).toBe('valid');
  });

  it('ends a session after 30 minutes without a request', () => {
    expect(sessionVerdict(session(), at(30), policy)).toBe('idle_expired');
  });

  it('ends an active session 12 hours after sign-in even when it was used a minute ago', () => {
    const busy = session({ lastSeenAt: at(12 * 60 - 1) });
    expect(sessionVerdict(busy, at(12 * 60 - 0.5), policy)).toBe('valid');
    expect(sessionVerdict(busy, at(12 * 60), policy)).toBe('expired');
  });

  it('gives a half-signed-in session (password only) ten minutes', () => {
    expect(expiryOf('password_ok', t0, policy)).toEqual(at(10));
    expect(expiryOf('password_ok', t0, { idleMinutes: 30, absoluteHours: 0.1 })).toEqual(at(6));
  });

  it('refuses a revoked session whatever its times', () => {
    expect(sessionVerdict(session({ revokedAt: t0 }), at(1), policy)).toBe('revoked');
  });

  it('writes last_seen_at at most once a minute', () => {
    expect(needsTouch(t0, at(0.5))).toBe(false);
    expect(needsTouch(t0, at(1))).toBe(true);
  });
});
