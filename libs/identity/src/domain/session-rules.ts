/** How long staff sessions live. */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/**
 * After the password and before the second factor a session is only half signed in. It
 * opens nothing but the code pages, and lives just long enough to type a code.
 */
export const SESSION_STAGES = ['password_ok', 'active'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
export const PASSWORD_STAGE_MINUTES = 10;

/** last_seen_at is written at most this often, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionVerdict = 'valid' | 'revoked' | 'idle_expired' | 'expired';

export function expiryOf(stage: SessionStage, createdAt: Date, policy: SessionPolicy): Date {
  const absoluteMs = policy.absoluteHours * 3_600_000;
  const lifetime =
    stage === 'active' ? absoluteMs : Math.min(absoluteMs, PASSWORD_STAGE_MINUTES * 60_000);
  return new Date(createdAt.getTime() + lifetime);
}

/**
 * Whether a session still holds. Idle time is measured from last_seen_at, which may lag the
 * real last request by up to LAST_SEEN_RESOLUTION_MS: a session can end up to a minute early,
 * never late.
 */
export function sessionVerdict(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy,
): SessionVerdict {
  if (session.revokedAt !== null) return 'revoked';
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) {
    return 'idle_expired';
  }
  return 'valid';
}

/** True when last_seen_at is old enough to be worth a write. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
}
