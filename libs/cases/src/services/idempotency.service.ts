import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldCipher, ValidationFailedError } from '@app/core';
import { IdempotencyKeyReusedError } from '../exceptions/idempotency.errors';

/** How long a key protects against a repeat. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

export type IdempotencyClaim<T> = { kind: 'new' } | { kind: 'replay'; response: T };

/**
 * Makes a request take effect once per key. The key row is inserted first in the caller's
 * transaction: a concurrent duplicate (a double click) waits on that row and, once the first
 * commits, gets the first answer instead of creating a second case.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly cipher: FieldCipher) {}

  /** Refuses a malformed key with a field error, so a client sees its mistake. */
  checkKey(key: string, field = 'Idempotency-Key'): string {
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailedError([
        { field, code: 'isIdempotencyKey', messageKey: 'validation.isIdempotencyKey' },
      ]);
    }
    return key;
  }

  async claim<T>(
    manager: EntityManager,
    scope: string,
    key: string,
    requestHash: string,
    now: Date,
  ): Promise<IdempotencyClaim<T>> {
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
    // An expired row is taken over as if it were new.
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response_enc, created_at)
       VALUES ($1, $2, $3, NULL, $4)
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_enc = NULL, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.created_at < $5
       RETURNING key`,
      [scope, key, requestHash, now, expiredBefore],
    );
    if (claimed.length > 0) return { kind: 'new' };
    const [existing] = (await manager.query(
      `SELECT request_hash, response_enc FROM idempotency_keys WHERE scope = $1 AND key = $2 FOR UPDATE`,
      [scope, key],
    )) as { request_hash: string; response_enc: string | null }[];
    if (!existing || existing.request_hash !== requestHash || !existing.response_enc) {
      throw new IdempotencyKeyReusedError();
    }
    const response = JSON.parse(
      this.cipher.decrypt(existing.response_enc, this.context(scope, key)),
    ) as T;
    return { kind: 'replay', response };
  }

  /** Stores the answer with the effect, in the same transaction. */
  async complete(
    manager: EntityManager,
    scope: string,
    key: string,
    response: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET response_enc = $3 WHERE scope = $1 AND key = $2`,
      [scope, key, this.cipher.encrypt(JSON.stringify(response), this.context(scope, key))],
    );
  }

  private context(scope: string, key: string): string {
    return `idempotency:${scope}:${key}`;
  }
}
