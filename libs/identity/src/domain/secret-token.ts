import { createHash, randomBytes } from 'node:crypto';

/**
 * Session cookies and emailed links carry 32 random bytes; the database keeps only their
 * SHA-256. With 256 bits of entropy a fast hash is enough (nothing to brute-force), and a
 * leaked table opens no session.
 */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens we issue are 43 base64url characters; anything else is refused before a lookup. */
export function looksLikeSecretToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
