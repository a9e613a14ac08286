import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';
import { HASHING_SLOTS } from '@app/core';

/**
 * argon2id with the parameters OWASP recommends (19 MiB, 2 passes, 1 lane), the family the
 * receipt codes use too.
 */
export const STAFF_PASSWORD_ARGON2 = {
  type: argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return HASHING_SLOTS.run(() => hash(password, STAFF_PASSWORD_ARGON2));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await HASHING_SLOTS.run(() => verify(passwordHash, password));
    } catch {
      // A malformed stored hash is a refusal, never a 500 that would tell the account exists.
      return false;
    }
  }

  /** Costs as much as one real verification, so unknown addresses answer no faster. */
  async verifyDummy(password: string): Promise<void> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    await this.verify(await this.dummyHash, password);
  }
}
