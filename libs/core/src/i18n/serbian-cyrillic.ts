/**
 * Serbian Cyrillic made from the Serbian Latin text (one-to-one in the standard orthography:
 * lj → љ, nj → њ, dž → џ are single letters). What is not Serbian prose stays as written:
 * placeholders (`{name}`), HTML tags and entities, URLs, e-mail addresses, codes such as
 * `PMD-2026-00042`, abbreviations (PDF, CSV, …), foreign names (Excel, LibreOffice) and program
 * words (`allowedTransitions`, `true/false`).
 */

const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
};

const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' };

/** Abbreviations and names written in Latin letters in Serbian Cyrillic texts too. */
export const LATIN_EXCEPTIONS: readonly string[] = [
  'PDF',
  'CSV',
  'JSON',
  'MB',
  'KB',
  'GB',
  'QR',
  'XLSX',
  'NUL',
  'UUID',
  'PMD',
  'TOTP',
  'URL',
  'HTML',
  'SMTP',
  'ID',
  'OK',
  'Redis',
  'Shift',
  'Word',
  'Excel',
  'LibreOffice',
  'FreeOTP',
  'Chromium',
  'true',
  'false',
];

/**
 * Words whose "nj", "lj" or "dž" are two letters (a prefix or a foreign root meeting the next
 * letter), written letter by letter: the Latin spelling and its Cyrillic.
 */
const WORD_EXCEPTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^injekc/i, 'инјекц'],
  [/^konjunk/i, 'конјунк'],
  [/^nadž/i, 'надж'],
  [/^odž/i, 'одж'],
  [/^podž/i, 'подж'],
];

/**
 * Spans left in Latin letters, tried left to right: placeholders, tags, entities, URLs,
 * e-mail addresses, codes with digits (PMD-2026-00042), then words.
 */
const PROTECTED =
  /\{\w+\}|<[^>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+\d*);|\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Z]{2,}(?:-[A-Z0-9]+)*-\d[\w-]*|[\p{L}\p{M}]+/gu;

const EXCEPTIONS = new Set(LATIN_EXCEPTIONS);

function keepsLatin(word: string): boolean {
  if (EXCEPTIONS.has(word)) return true;
  // Letters Serbian does not have (q, w, x, y) mark a foreign name; so does an inner capital.
  if (/[qwxy]/i.test(word)) return true;
  if (/\p{Ll}\p{Lu}/u.test(word)) return true;
  return false;
}

/** "lj", "Lj" and "LJ" are one letter: lower case stays lower, any capital makes a capital. */
function sameCase(source: string, cyrillic: string): string {
  return source === source.toLowerCase() ? cyrillic : cyrillic.toUpperCase();
}

function transliterateWord(word: string): string {
  if (keepsLatin(word)) return word;
  let prefix = '';
  let rest = word;
  for (const [pattern, cyrillic] of WORD_EXCEPTIONS) {
    const match = pattern.exec(word);
    if (match) {
      const source = match[0];
      prefix = source === source.toLowerCase() ? cyrillic : capitalise(cyrillic, source);
      rest = word.slice(source.length);
      break;
    }
  }
  let out = prefix;
  for (let i = 0; i < rest.length; i++) {
    const pair = rest.slice(i, i + 2);
    const digraph = DIGRAPHS[pair.toLowerCase()];
    if (digraph) {
      out += sameCase(pair, digraph);
      i++;
      continue;
    }
    const char = rest[i];
    const lower = char.toLowerCase();
    const letter = LETTERS[lower];
    if (letter === undefined) out += char;
    else out += char === lower ? letter : letter.toUpperCase();
  }
  return out;
}

function capitalise(cyrillic: string, source: string): string {
  if (source === source.toUpperCase()) return cyrillic.toUpperCase();
  return cyrillic[0].toUpperCase() + cyrillic.slice(1);
}

/** The Serbian Cyrillic spelling of a Serbian Latin text. */
export function toSerbianCyrillic(text: string): string {
  return text.replace(PROTECTED, (span) => {
    if (!/^[\p{L}\p{M}]+$/u.test(span)) return span;
    return transliterateWord(span);
  });
}

/**
 * A name given per language (a country profile's) in `locale`: its own, or in Serbian Cyrillic
 * its Serbian (Latin) name transliterated; else, when a `fallback` language is given, the name in
 * that one as written (a name in another language is never transliterated).
 */
export function nameIn(names: Readonly<Record<string, string>>, locale: string): string | undefined;
export function nameIn(
  names: Readonly<Record<string, string>>,
  locale: string,
  fallback: string,
): string;
export function nameIn(
  names: Readonly<Record<string, string>>,
  locale: string,
  fallback?: string,
): string | undefined {
  const own = locale === 'sr-Cyrl' ? names.sr && toSerbianCyrillic(names.sr) : names[locale];
  return own ?? (fallback === undefined ? undefined : names[fallback]);
}
