/**
 * Guessing receipt codes (DESIGN §7). Wrong codes are counted per (reference, client), so a
 * stranger cannot lock the reporter out of their own case; and per reference, so that many
 * clients together are slowed down and staff learn that the reference is under attack.
 *
 * - A client gets `maxAttempts` attempts in a row on a reference; an attempt is taken *before*
 *   the code is hashed (so parallel requests cannot all be judged) and given back by a right
 *   code. Past the limit the client is locked out of that reference for `lockMinutes`.
 * - Once `referenceFailures` wrong codes from all clients fall within one window of
 *   `lockMinutes`, the reference is under attack: clients that already failed on it share one
 *   attempt per growing delay (1 s, 2 s, 4 s … up to `backoffMaxSeconds`). A client with no
 *   failure of its own is never made to wait, so the owner with the right code always gets in.
 *
 * The rules are the same whether or not a case has the reference: the answers must not tell.
 */
export interface FollowUpGuardPolicy {
  maxAttempts: number;
  lockMinutes: number;
  referenceFailures: number;
  backoffMaxSeconds: number;
}

/** One client's attempts on one reference. */
export interface ClientAttempts {
  /** Attempts taken and not given back by a right code: wrong codes, and codes being checked. */
  attempts: number;
  lockedUntil: Date | null;
}

/** Wrong codes for one reference from all clients. */
export interface ReferenceAttempts {
  windowStartedAt: Date;
  /** Wrong codes in the window. */
  failures: number;
  /** Before this, a client that already failed on the reference waits. */
  nextAttemptAt: Date | null;
  /** The last wrong code that came while the reference was under attack. */
  attackedAt: Date | null;
  /** Wrong codes ever counted for the reference (shown to staff). */
  totalFailures: number;
}

export const NO_CLIENT_ATTEMPTS: ClientAttempts = { attempts: 0, lockedUntil: null };

export function freshReferenceAttempts(now: Date): ReferenceAttempts {
  return {
    windowStartedAt: now,
    failures: 0,
    nextAttemptAt: null,
    attackedAt: null,
    totalFailures: 0,
  };
}

export type AttemptVerdict =
  /** Check the code. `client` (and `reference`, when given) are the states to store. */
  | { kind: 'allowed'; client: ClientAttempts; reference?: ReferenceAttempts }
  /** Refused without checking; `client` is the state to store. */
  | { kind: 'locked'; retryAfterSeconds: number; client: ClientAttempts }
  /** Refused without checking; nothing changes. */
  | { kind: 'slowed'; retryAfterSeconds: number };

function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

function isLive(until: Date | null, now: Date): until is Date {
  return until !== null && until.getTime() > now.getTime();
}

/** The delay before the next attempt of a client that already failed, after `failures`. */
export function backoffSeconds(failures: number, policy: FollowUpGuardPolicy): number {
  if (failures < policy.referenceFailures) return 0;
  const doublings = Math.min(failures - policy.referenceFailures, 30);
  return Math.min(2 ** doublings, policy.backoffMaxSeconds);
}

/** The reference's counters, with a window that has run out started afresh. */
export function currentWindow(
  reference: ReferenceAttempts,
  now: Date,
  policy: FollowUpGuardPolicy,
): ReferenceAttempts {
  const ends = reference.windowStartedAt.getTime() + policy.lockMinutes * 60_000;
  if (ends > now.getTime()) return reference;
  return { ...reference, windowStartedAt: now, failures: 0, nextAttemptAt: null };
}

/**
 * Whether a client may have its code checked now. `reference` is needed only for a client that
 * already has attempts on it (`attempts > 0`); a fresh client never waits for the reference.
 */
export function takeAttempt(
  client: ClientAttempts,
  reference: ReferenceAttempts | undefined,
  now: Date,
  policy: FollowUpGuardPolicy,
): AttemptVerdict {
  if (isLive(client.lockedUntil, now)) {
    return { kind: 'locked', retryAfterSeconds: secondsUntil(client.lockedUntil, now), client };
  }
  // A lock that has run out gives a fresh count.
  const attempts = client.lockedUntil ? 0 : client.attempts;
  if (attempts >= policy.maxAttempts) {
    const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
    return {
      kind: 'locked',
      retryAfterSeconds: secondsUntil(lockedUntil, now),
      client: { attempts, lockedUntil },
    };
  }
  const taken: ClientAttempts = { attempts: attempts + 1, lockedUntil: null };
  if (attempts === 0 || !reference) return { kind: 'allowed', client: taken };
  const window = currentWindow(reference, now, policy);
  const delay = backoffSeconds(window.failures, policy);
  if (delay === 0) return { kind: 'allowed', client: taken };
  if (isLive(window.nextAttemptAt, now)) {
    return { kind: 'slowed', retryAfterSeconds: secondsUntil(window.nextAttemptAt, now) };
  }
  // Clients that already failed share one attempt per delay.
  return {
    kind: 'allowed',
    client: taken,
    reference: { ...window, nextAttemptAt: new Date(now.getTime() + delay * 1000) },
  };
}

export interface WrongCodeOutcome {
  client: ClientAttempts;
  reference: ReferenceAttempts;
  /** This wrong code put the reference under attack (the first time in its window). */
  attackStarted: boolean;
}

/** The states after a wrong code, whose attempt `takeAttempt` has already counted. */
export function afterWrongCode(
  client: ClientAttempts,
  reference: ReferenceAttempts,
  now: Date,
  policy: FollowUpGuardPolicy,
): WrongCodeOutcome {
  const window = currentWindow(reference, now, policy);
  const failures = window.failures + 1;
  const delay = backoffSeconds(failures, policy);
  const underAttack = delay > 0;
  const waitUntil = new Date(now.getTime() + delay * 1000);
  const next: ReferenceAttempts = {
    ...window,
    failures,
    totalFailures: window.totalFailures + 1,
    attackedAt: underAttack ? now : window.attackedAt,
    nextAttemptAt:
      underAttack && !(window.nextAttemptAt && window.nextAttemptAt > waitUntil)
        ? waitUntil
        : window.nextAttemptAt,
  };
  const lockedUntil =
    client.attempts >= policy.maxAttempts && !isLive(client.lockedUntil, now)
      ? new Date(now.getTime() + policy.lockMinutes * 60_000)
      : client.lockedUntil;
  return {
    client: { attempts: client.attempts, lockedUntil },
    reference: next,
    attackStarted: failures === policy.referenceFailures,
  };
}
