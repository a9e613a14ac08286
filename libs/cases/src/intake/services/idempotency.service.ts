import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ValidationFailedError } from '@app/core';
import { IdempotencyKeyReusedError } from '../exceptions/idempotency.errors';

/** How long a key protects against a repeat. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * What a repeat needs to answer, and nothing more: it is stored in clear, so it must never
 * hold a secret (the receipt code is shown once, in the first answer only). The database
 * refuses any other field (`idempotency_keys_response_fields`).
 */
export interface IdempotentOutcome {
  id: string;
  reference: string;
  submittedAt: string;
  evidenceCount: number;
}

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; outcome: IdempotentOutcome };

/**
 * Makes a request take effect once per key. The key row is inserted first in the caller's
 * transaction: a concurrent duplicate (a double click) waits on that row and, once the first
 * commits, gets the first outcome instead of creating a second case.
 */
@Injectable()
export class IdempotencyService {
  /** Refuses a malformed key with a field error, so a client sees its mistake. */
  checkKey(key: string, field = 'Idempotency-Key'): string {
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailedError([
        { field, code: 'isIdempotencyKey', messageKey: 'validation.isIdempotencyKey' },
      ]);
    }
    return key;
  }

  async claim(
    manager: EntityManager,
    scope: string,
    key: string,
    requestHash: string,
    now: Date,
  ): Promise<IdempotencyClaim> {
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
    // An expired row is taken over as if it were new.
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at)
       VALUES ($1, $2, $3, NULL, $4)
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.created_at < $5
       RETURNING key`,
      [scope, key, requestHash, now, expiredBefore],
    );
    if (claimed.length > 0) return { kind: 'new' };
    const [existing] = (await manager.query(
      `SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2 FOR UPDATE`,
      [scope, key],
    )) as { request_hash: string; response: IdempotentOutcome | null }[];
    if (!existing || existing.request_hash !== requestHash || !existing.response) {
      throw new IdempotencyKeyReusedError();
    }
    return { kind: 'replay', outcome: existing.response };
  }

  /** The outcome stored under a key that has not expired, if its request took effect. */
  async outcome(
    manager: EntityManager,
    scope: string,
    key: string,
    now: Date,
  ): Promise<IdempotentOutcome | undefined> {
    const [row] = (await manager.query(
      `SELECT response FROM idempotency_keys
        WHERE scope = $1 AND key = $2 AND created_at >= $3 AND response IS NOT NULL`,
      [scope, key, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)],
    )) as { response: IdempotentOutcome }[];
    return row?.response;
  }

  /** Stores the outcome with the effect, in the same transaction. */
  async complete(
    manager: EntityManager,
    scope: string,
    key: string,
    outcome: IdempotentOutcome,
  ): Promise<void> {
    // Only the named fields: a caller passing a richer object cannot store more.
    const stored: IdempotentOutcome = {
      id: outcome.id,
      reference: outcome.reference,
      submittedAt: outcome.submittedAt,
      evidenceCount: outcome.evidenceCount,
    };
    await manager.query(
      `UPDATE idempotency_keys SET response = $3::jsonb WHERE scope = $1 AND key = $2`,
      [scope, key, JSON.stringify(stored)],
    );
  }
}
