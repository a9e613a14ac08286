import { randomInt } from 'node:crypto';

/**
 * The receipt code proves to the platform that a reporter filed a case, without an account:
 * 16 random digits (about 53 bits), shown once, stored only as an argon2id hash.
 */
export const RECEIPT_CODE_DIGITS = 16;

export function generateReceiptCode(): string {
  // randomInt takes ranges below 2^48, so the code is drawn as two halves of 8 digits.
  const half = () => String(randomInt(0, 100_000_000)).padStart(8, '0');
  return `${half()}${half()}`;
}

/** `1234 5678 9012 3456`: groups of four are easier to copy down and read out. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Accepts the code as typed (spaces, dashes, dots); undefined unless it is 16 digits. */
export function normaliseReceiptCode(input: string): string | undefined {
  const digits = input.replace(/[\s\-\u2010-\u2015.]/g, '');
  return new RegExp(`^\\d{${RECEIPT_CODE_DIGITS}}$`).test(digits) ? digits : undefined;
}
