import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { HASHING_SLOTS } from '@app/core';
import { generateReceiptCode } from '../domain/receipt-code';

/**
 * argon2id settings of receipt codes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). A code has
 * about 53 bits, so a fast hash would be cracked offline from a database dump.
 * The benchmark reuses these numbers.
 */
export const RECEIPT_CODE_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes and checks receipt codes. */
@Injectable()
export class ReceiptCodeHasher {
  private dummyHash?: Promise<string>;

  hash(code: string): Promise<string> {
    return HASHING_SLOTS.run(() => argon2.hash(code, RECEIPT_CODE_HASH_OPTIONS));
  }

  async verify(hash: string, code: string): Promise<boolean> {
    try {
      return await HASHING_SLOTS.run(() => argon2.verify(hash, code));
    } catch {
      // A malformed stored hash is a refusal, not a crash of the follow-up page.
      return false;
    }
  }

  /**
   * Spends the same time as a real check, for references that do not exist, so the answer's
   * timing does not tell whether a reference exists.
   */
  async verifyNothing(code: string): Promise<false> {
    this.dummyHash ??= this.hash(generateReceiptCode());
    await this.verify(await this.dummyHash, code);
    return false;
  }
}
