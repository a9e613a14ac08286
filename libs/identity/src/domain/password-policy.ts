/** Rules for staff passwords (NIST SP 800-63B: length over composition, no known-bad ones). */
export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length, but an upper bound keeps one request from costing too much. */
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'too_common', 'same_as_email'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/**
 * Passwords of 12 characters or more that show up first in breach lists, plus local ones
 * (place names, "password" in Albanian and Serbian) that people here would reach for.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyuiop12',
  'qwertyuiopas',
  'qwertyuiopasdfgh',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'asdfghjklqwe',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'password1234567',
  'iloveyou1234',
  'administrator',
  'administrator1',
  'administrator123',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'trustno11234',
  'abcdefghijkl',
  'abc123456789',
  'football1234',
  'baseball1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'fjalekalimi1',
  'fjalekalimi12',
  'fjalekalimi123',
  'fjalëkalimi123',
  'fjalekalim123',
  'lozinka12345',
  'lozinka123456',
  'sifra1234567',
  'šifra1234567',
  'prishtina123',
  'prishtina1234',
  'prishtina2024',
  'prishtina2025',
  'kosova123456',
  'kosovo123456',
  'kosova2024!!',
  'republikakosoves',
  'pmdplatforma',
  'platforma123',
  'platforma1234',
]);

function normalised(value: string): string {
  return value.normalize('NFC').trim().toLowerCase();
}

/**
 * What is wrong with a new password, or nothing. Length counts characters (code points), so a
 * password in any script is measured the same way.
 */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const folded = normalised(password);
  // One character repeated ("aaaaaaaaaaaa") is as weak as any entry of the list.
  if (COMMON_PASSWORDS.has(folded) || new Set(folded).size < 3) problems.push('too_common');
  const address = normalised(email);
  const localPart = address.split('@')[0];
  if (folded === address || (localPart.length > 0 && folded === localPart)) {
    problems.push('same_as_email');
  }
  return problems;
}
