import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import {
  AttemptVerdict,
  ClientAttempts,
  FollowUpGuardPolicy,
  NO_CLIENT_ATTEMPTS,
  ReferenceAttempts,
  WrongCodeOutcome,
  afterWrongCode,
  takeAttempt,
} from '../domain/follow-up-guard';

/** How long staff are shown that a reference was under attack, after its last wrong code. */
export const ATTACK_SHOWN_DAYS = 30;
/** A client's count of wrong codes is forgotten after a day without attempts. */
const CLIENT_ATTEMPTS_KEPT_MS = 86_400_000;

interface ClientRow {
  attempts: number;
  locked_until: Date | null;
}

interface ReferenceRow {
  window_started_at: Date;
  failures: number;
  next_attempt_at: Date | null;
  attacked_at: Date | null;
  total_failures: number;
}

function clientState(row: ClientRow | undefined): ClientAttempts {
  return row ? { attempts: row.attempts, lockedUntil: row.locked_until } : NO_CLIENT_ATTEMPTS;
}

function referenceState(row: ReferenceRow): ReferenceAttempts {
  return {
    windowStartedAt: row.window_started_at,
    failures: row.failures,
    nextAttemptAt: row.next_attempt_at,
    attackedAt: row.attacked_at,
    totalFailures: row.total_failures,
  };
}

export interface ReferenceAttack {
  attackedAt: Date;
  totalFailures: number;
}

/**
 * The receipt-code attempt counters, in PostgreSQL: they must hold when Redis is away (a
 * per-process fallback would give each process its own count of a reference), every process
 * must see the same count, and the row locks make taking an attempt atomic. The cost, a few
 * statements per attempt, is small beside the argon2 hash every attempt pays anyway.
 *
 * Locks are always taken client row first, then reference row.
 */
@Injectable()
export class FollowUpAttemptsStore {
  readonly policy: FollowUpGuardPolicy;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const cases = config.cases;
    this.policy = {
      maxAttempts: cases.followUpMaxAttempts,
      lockMinutes: cases.followUpLockMinutes,
      referenceFailures: cases.followUpReferenceFailures,
      backoffMaxSeconds: cases.followUpBackoffMaxSeconds,
    };
  }

  /** Takes an attempt for the client, or says why not; committed before the code is checked. */
  take(reference: string, clientKey: string, now: Date): Promise<AttemptVerdict> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO follow_up_client_attempts AS a (reference, client_key, attempts, locked_until, last_attempt_at)
         VALUES ($1, $2, 0, NULL, $3)
         ON CONFLICT (reference, client_key) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at
         RETURNING a.attempts, a.locked_until`,
        [reference, clientKey, now],
      )) as ClientRow[];
      const client = clientState(row);
      const referenceRow =
        client.attempts > 0 ? await this.lockedReference(manager, reference) : undefined;
      const verdict = takeAttempt(
        client,
        referenceRow && referenceState(referenceRow),
        now,
        this.policy,
      );
      if (verdict.kind === 'slowed') return verdict;
      await this.writeClient(manager, reference, clientKey, verdict.client, now);
      if (verdict.kind === 'allowed' && verdict.reference) {
        await this.writeReference(manager, reference, verdict.reference);
      }
      return verdict;
    });
  }

  /** Counts a wrong code for the client and the reference. */
  recordWrongCode(reference: string, clientKey: string, now: Date): Promise<WrongCodeOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [clientRow] = (await manager.query(
        `SELECT attempts, locked_until FROM follow_up_client_attempts
         WHERE reference = $1 AND client_key = $2 FOR UPDATE`,
        [reference, clientKey],
      )) as ClientRow[];
      const [referenceRow] = (await manager.query(
        `INSERT INTO follow_up_reference_attempts AS r
           (reference, window_started_at, failures, next_attempt_at, attacked_at, total_failures)
         VALUES ($1, $2, 0, NULL, NULL, 0)
         ON CONFLICT (reference) DO UPDATE SET reference = r.reference
         RETURNING r.window_started_at, r.failures, r.next_attempt_at, r.attacked_at, r.total_failures`,
        [reference, now],
      )) as ReferenceRow[];
      // A right code from the same client may have given its attempts back meanwhile.
      const client = clientRow ? clientState(clientRow) : { attempts: 1, lockedUntil: null };
      const outcome = afterWrongCode(client, referenceState(referenceRow), now, this.policy);
      await this.writeClient(manager, reference, clientKey, outcome.client, now);
      await this.writeReference(manager, reference, outcome.reference);
      return outcome;
    });
  }

  /** A right code gives the client's attempts back; the reference's record stays. */
  async recordRightCode(reference: string, clientKey: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM follow_up_client_attempts WHERE reference = $1 AND client_key = $2`,
      [reference, clientKey],
    );
  }

  /** The references among these that were under attack lately, for staff. */
  async attacksOn(references: string[], now: Date): Promise<Map<string, ReferenceAttack>> {
    if (references.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT reference, attacked_at, total_failures FROM follow_up_reference_attempts
       WHERE reference = ANY($1::text[]) AND attacked_at > $2`,
      [references, new Date(now.getTime() - ATTACK_SHOWN_DAYS * 86_400_000)],
    )) as { reference: string; attacked_at: Date; total_failures: number }[];
    return new Map(
      rows.map((r) => [
        r.reference,
        { attackedAt: r.attacked_at, totalFailures: r.total_failures },
      ]),
    );
  }

  /** Deletes counters that no longer hold anything back nor anything staff are shown. */
  async purge(now: Date): Promise<number> {
    const windowStart = new Date(now.getTime() - this.policy.lockMinutes * 60_000);
    const [, clients] = (await this.dataSource.query(
      `DELETE FROM follow_up_client_attempts
       WHERE last_attempt_at < $1 AND (locked_until IS NULL OR locked_until < $2)`,
      [new Date(now.getTime() - CLIENT_ATTEMPTS_KEPT_MS), now],
    )) as [unknown, number];
    const [, references] = (await this.dataSource.query(
      `DELETE FROM follow_up_reference_attempts
       WHERE window_started_at < $1 AND (next_attempt_at IS NULL OR next_attempt_at < $2)
         AND (attacked_at IS NULL OR attacked_at < $3)`,
      [windowStart, now, new Date(now.getTime() - ATTACK_SHOWN_DAYS * 86_400_000)],
    )) as [unknown, number];
    return clients + references;
  }

  private async lockedReference(
    manager: EntityManager,
    reference: string,
  ): Promise<ReferenceRow | undefined> {
    const [row] = (await manager.query(
      `SELECT window_started_at, failures, next_attempt_at, attacked_at, total_failures
       FROM follow_up_reference_attempts WHERE reference = $1 FOR UPDATE`,
      [reference],
    )) as ReferenceRow[];
    return row;
  }

  private async writeClient(
    manager: EntityManager,
    reference: string,
    clientKey: string,
    state: ClientAttempts,
    now: Date,
  ): Promise<void> {
    // An upsert: the row may have been deleted by a right code since it was read.
    await manager.query(
      `INSERT INTO follow_up_client_attempts AS a (reference, client_key, attempts, locked_until, last_attempt_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (reference, client_key)
       DO UPDATE SET attempts = EXCLUDED.attempts, locked_until = EXCLUDED.locked_until`,
      [reference, clientKey, state.attempts, state.lockedUntil, now],
    );
  }

  private async writeReference(
    manager: EntityManager,
    reference: string,
    state: ReferenceAttempts,
  ): Promise<void> {
    await manager.query(
      `UPDATE follow_up_reference_attempts
       SET window_started_at = $2, failures = $3, next_attempt_at = $4, attacked_at = $5,
           total_failures = $6
       WHERE reference = $1`,
      [
        reference,
        state.windowStartedAt,
        state.failures,
        state.nextAttemptAt,
        state.attackedAt,
        state.totalFailures,
      ],
    );
  }
}
