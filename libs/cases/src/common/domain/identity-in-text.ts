/** The reporter's contact details, decrypted only to check a text against them. */
export interface ReporterIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

const MIN_NAME_PART = 4;
const MIN_PHONE_DIGITS = 6;
/** Written with a country prefix (+383, 00383) a number has at least this many digits. */
const MIN_INTERNATIONAL_DIGITS = 8;
/** A local number (044 123 456, 44 123 456) or any other long run of digits. */
const MIN_LOCAL_DIGITS = 8;
/** Past this a text is refused without looking further: no screened field is this long. */
const MAX_SCREENED_LENGTH = 20000;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/**
 * Runs of digits a person may have written as one number: digits with up to three separators
 * between them (spaces, dots, slashes, hyphens, brackets). No nested quantifiers over
 * overlapping classes, so matching stays linear whatever the text.
 */
const DIGIT_RUN = /\+?\(?\d(?:[\s()./\-–]{0,3}\d)*/g;

// Shapes of numbers that are not phone numbers, masked before the runs are read. A shape next
// to more digits (`044-12-03-2025`) is part of a longer run and stays. The en dash is written
// `\u2013`, which the RegExp reads as the dash: a raw string is kept as written, and the
// production bundle holds only ASCII (scripts/bundle.ts).
const NOT_AFTER_DIGIT = String.raw`(?<!\d[./\-\u2013]?)`;
const NOT_BEFORE_DIGIT = String.raw`(?![./\-\u2013]?\d)`;
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:1[89]|20)\\d{2}';
const MASKS: RegExp[] = [
  // Case and law references: PMD-2025-00042, 05/L-021.
  /(?<![\p{L}\d])\p{L}{2,6}-(?:19|20)\d{2}-\d{3,9}(?!\d)/gu,
  /(?<!\d)\d{2}\/\p{L}-\d{2,4}(?!\d)/gu,
  // Calendar dates: 2025-03-14, 14.03.2025, 14/3/25, 14. 03. 2025.
  new RegExp(`${NOT_AFTER_DIGIT}${YEAR}-${MONTH}-${DAY}${NOT_BEFORE_DIGIT}`, 'g'),
  new RegExp(
    `${NOT_AFTER_DIGIT}${DAY}\\s?[./-]\\s?${MONTH}\\s?[./-]\\s?(?:${YEAR}|\\d{2})\\.?${NOT_BEFORE_DIGIT}`,
    'g',
  ),
  // Spans of years: 2019-2025, 2019 – 2025, 2019/2020.
  new RegExp(`${NOT_AFTER_DIGIT}${YEAR}\\s?[-–/]\\s?${YEAR}${NOT_BEFORE_DIGIT}`, 'g'),
];
const CURRENCY_AFTER = /^\s?(?:€|\$|eur\b|euro|lek|din|rsd|usd|chf|%)/i;
const CURRENCY_BEFORE = /(?:€|\$|\beur|\beuro)\s?$/i;

/** Whether a text holds something written like a phone number, in any common format. */
export function containsPhoneNumber(text: string): boolean {
  let masked = text;
  for (const mask of MASKS) masked = masked.replace(mask, (m) => '_'.repeat(m.length));
  for (const match of masked.matchAll(DIGIT_RUN)) {
    const run = match[0];
    const start = match.index;
    const end = start + run.length;
    if (CURRENCY_AFTER.test(masked.slice(end, end + 8))) continue;
    if (CURRENCY_BEFORE.test(masked.slice(Math.max(0, start - 8), start))) continue;
    const digits = run.replace(/\D/g, '');
    const international = /^\+|^\(?00/.test(run);
    if (digits.length >= (international ? MIN_INTERNATIONAL_DIGITS : MIN_LOCAL_DIGITS)) {
      return true;
    }
  }
  return false;
}

/**
 * The text as an address would read once its disguises are undone: "name at example dot org",
 * "name [at] example (dot) org", "n a m e @ example . org".
 */
function undisguised(text: string): string {
  // Whitespace is collapsed first so that no pattern below scans a run of it more than once.
  return (
    fold(text)
      .replace(/\s+/g, ' ')
      .replace(/[[({<] ?(?:at|et) ?[\])}>]/g, '@')
      .replace(/[[({<] ?(?:dot|pike|tacka|punto|point) ?[\])}>]/g, '.')
      .replace(/ (?:at|et) (?=[\p{L}\p{N}-]+ ?(?:\.|dot\b|pike\b|tacka\b))/gu, '@')
      .replace(/ (?:dot|pike|tacka) /g, '.')
      .replace(/ ?@ ?/g, '@')
      // A dot with spaces on both sides is no full stop.
      .replace(/ \. /g, '.')
      // Letters spaced out one by one ("d r i t a") are joined back.
      .replace(/(?<=(?:^|[ @.])[\p{L}\p{N}]) (?=[\p{L}\p{N}](?:[ @.]|$))/gu, '')
  );
}

const LOCAL_PART_END = /[\p{L}\p{N}._%+-]$/u;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Whether a text holds an e-mail address, plain or disguised. */
export function containsEmailAddress(text: string): boolean {
  const plain = undisguised(text);
  let at = plain.indexOf('@');
  while (at >= 0) {
    if (
      LOCAL_PART_END.test(plain.slice(Math.max(0, at - 1), at)) &&
      DOMAIN.test(plain.slice(at + 1, at + 256))
    ) {
      return true;
    }
    at = plain.indexOf('@', at + 1);
  }
  return false;
}

/**
 * Whether a text written about a case (an agenda summary for the Technical Group, a summary
 * for an institution) could tell who reported: the reporter's full name or any longer part of
 * it, their email or phone number (compared by digits), or any phone number or e-mail address
 * at all, since a text meant to be anonymous needs none.
 */
export function revealsIdentity(text: string, identity: ReporterIdentity): boolean {
  if (text.length > MAX_SCREENED_LENGTH) return true;
  if (containsPhoneNumber(text) || containsEmailAddress(text)) return true;
  const folded = fold(text);
  if (identity.email && folded.includes(fold(identity.email.trim()))) return true;
  if (identity.name) {
    const name = fold(identity.name.trim());
    if (name && folded.includes(name)) return true;
    const words = new Set(folded.split(/[^\p{L}\p{N}]+/u));
    const parts = name.split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= MIN_NAME_PART);
    if (parts.some((part) => words.has(part))) return true;
  }
  if (identity.phone) {
    const phone = identity.phone.replace(/\D/g, '');
    // Written locally ("044 987 654") the number loses its country prefix: its last eight
    // digits, or a run that ends the number, still give it away.
    const tail = phone.slice(-8);
    for (const [run] of text.matchAll(DIGIT_RUN)) {
      const digits = run.replace(/\D/g, '');
      if (digits.length < MIN_PHONE_DIGITS || phone.length < MIN_PHONE_DIGITS) continue;
      if (digits.includes(tail) || phone.endsWith(digits)) return true;
    }
  }
  return false;
}
