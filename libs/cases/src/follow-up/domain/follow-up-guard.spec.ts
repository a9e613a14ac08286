import {
  ClientAttempts,
  FollowUpGuardPolicy,
  NO_CLIENT_ATTEMPTS,
  ReferenceAttempts,
  afterWrongCode,
  backoffSeconds,
  freshReferenceAttempts,
  takeAttempt,
} from './follow-up-guard';

const policy: FollowUpGuardPolicy = {
  maxAttempts: 5,
  lockMinutes: 15,
  referenceFailures: 4,
  backoffMaxSeconds: 60,
};
const now = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

/** One wrong code from a client: its attempt taken, then counted. */
function fail(client: ClientAttempts, reference: ReferenceAttempts, at = now) {
  const verdict = takeAttempt(client, reference, at, policy);
  if (verdict.kind !== 'allowed') throw new Error(`refused: ${verdict.kind}`);
  return afterWrongCode(verdict.client, verdict.reference ?? reference, at, policy);
}

describe('the follow-up guard', () => {
  it('locks one client out of a reference after five wrong codes, for 15 minutes', () => {
    let client = NO_CLIENT_ATTEMPTS;
    let reference = freshReferenceAttempts(now);
    for (let i = 0; i < 5; i++) {
      const after = fail(client, { ...reference, failures: 0 });
      client = after.client;
      reference = after.reference;
    }
    expect(client).toEqual({ attempts: 5, lockedUntil: later(900) });
    expect(takeAttempt(client, reference, later(30), policy)).toEqual({
      kind: 'locked',
      retryAfterSeconds: 870,
      client,
    });
    // Another client is not concerned at all.
    expect(takeAttempt(NO_CLIENT_ATTEMPTS, reference, now, policy).kind).toBe('allowed');
    // The lock runs out and the count starts afresh.
    expect(takeAttempt(client, reference, later(900), policy)).toMatchObject({
      kind: 'allowed',
      client: { attempts: 1, lockedUntil: null },
    });
  });

  it('takes the attempt before the code is checked, so parallel attempts cannot pass the limit', () => {
    let client = NO_CLIENT_ATTEMPTS;
    const reference = freshReferenceAttempts(now);
    const verdicts = [];
    for (let i = 0; i < 8; i++) {
      const verdict = takeAttempt(client, reference, now, policy);
      verdicts.push(verdict.kind);
      if (verdict.kind !== 'slowed') client = verdict.client;
    }
    expect(verdicts).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'locked',
      'locked',
      'locked',
    ]);
    expect(client.lockedUntil).toEqual(later(900));
  });

  it('grows the delay from 1 s, doubling up to the maximum', () => {
    expect([3, 4, 5, 6, 7, 10, 11, 50].map((f) => backoffSeconds(f, policy))).toEqual([
      0, 1, 2, 4, 8, 60, 60, 60,
    ]);
  });

  it('slows clients that already failed once the reference is under attack, never a fresh one', () => {
    let reference = freshReferenceAttempts(now);
    const attackers: ClientAttempts[] = [];
    let started = 0;
    for (let i = 0; i < 5; i++) {
      const after = fail(NO_CLIENT_ATTEMPTS, reference);
      reference = after.reference;
      attackers.push(after.client);
      if (after.attackStarted) started++;
    }
    expect(started).toBe(1);
    expect(reference).toMatchObject({ failures: 5, totalFailures: 5, attackedAt: now });
    expect(reference.nextAttemptAt).toEqual(later(2));

    expect(takeAttempt(attackers[0], reference, later(1), policy)).toEqual({
      kind: 'slowed',
      retryAfterSeconds: 1,
    });
    expect(takeAttempt(NO_CLIENT_ATTEMPTS, reference, later(1), policy).kind).toBe('allowed');
    // Once the delay is over, one client that failed gets the next attempt; the others wait.
    const first = takeAttempt(attackers[0], reference, later(2), policy);
    expect(first).toMatchObject({ kind: 'allowed', reference: { nextAttemptAt: later(4) } });
    if (first.kind !== 'allowed' || !first.reference) throw new Error('unreachable');
    expect(takeAttempt(attackers[1], first.reference, later(2), policy).kind).toBe('slowed');
  });

  it('ends the back-off with the window, but keeps the attack for staff', () => {
    let reference = freshReferenceAttempts(now);
    for (let i = 0; i < 6; i++) reference = fail(NO_CLIENT_ATTEMPTS, reference).reference;
    const client = { attempts: 1, lockedUntil: null };
    expect(takeAttempt(client, reference, later(3), policy).kind).toBe('slowed');
    const next = takeAttempt(client, reference, later(900), policy);
    expect(next.kind).toBe('allowed');
    const after = fail(client, reference, later(900));
    expect(after.reference).toMatchObject({
      windowStartedAt: later(900),
      failures: 1,
      totalFailures: 7,
      attackedAt: now,
      nextAttemptAt: null,
    });
  });
});
