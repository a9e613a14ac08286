import { createHash, randomBytes } from 'node:crypto';

/**
 * A referral's response link carries 32 random bytes; only their SHA-256 is stored, so a copy
 * of the database answers no referral. 256 bits need no slow hash.
 */
export function newResponseToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashResponseToken(token) };
}

export function hashResponseToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens we issue are 43 base64url characters; anything else is refused before a lookup. */
export function looksLikeResponseToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
