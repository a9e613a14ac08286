/**
 * How the platform measures free text. A person counts letters, not UTF-16 code units: "é"
 * written as "e" + U+0301 is one character, and "a" followed by 5,000 combining accents is
 * one too. Invisible characters (zero-width space, joiners) and marks alone carry no words,
 * so a minimum length also asks for letters or digits.
 *
 * - the minimum counts grapheme clusters (what a reader sees as characters), and at least
 *   half of the minimum (rounded up) must be clusters holding a letter or a digit;
 * - the maximum counts code points, as PostgreSQL's `char_length` does, so the text fits the
 *   column's CHECK and its storage is bounded (at most two UTF-16 code units per code point);
 *   a text within it has at most as many grapheme clusters.
 */
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface TextMeasure {
  /** Grapheme clusters: the characters a reader sees. */
  characters: number;
  /** Grapheme clusters that hold at least one letter or digit. */
  lettersOrDigits: number;
  /** Unicode code points (PostgreSQL's char_length). */
  codePoints: number;
}

export type TextLengthProblem = 'tooLong' | 'tooShort' | 'tooFewLetters';

export function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export function measureText(text: string): TextMeasure {
  let characters = 0;
  let lettersOrDigits = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    characters++;
    if (LETTER_OR_DIGIT.test(segment)) lettersOrDigits++;
  }
  return { characters, lettersOrDigits, codePoints: codePointCount(text) };
}

/** Letters or digits a text of at least `min` characters must hold. */
export function minimumLetters(min: number): number {
  return Math.ceil(min / 2);
}

/** What is wrong with a text's length for the bounds [min, max], or undefined if nothing. */
export function textLengthProblem(
  text: string,
  min: number,
  max: number,
): TextLengthProblem | undefined {
  // Checked first and cheaply: an overlong text is never segmented.
  if (text.length > 2 * max || codePointCount(text) > max) return 'tooLong';
  // Segmented only as far as the minimum needs: a long report is read to its first few dozen
  // characters, not to its end (segmenting whole reports was about 4 % of intake's main-thread
  // CPU).
  const letters = minimumLetters(min);
  let characters = 0;
  let lettersOrDigits = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    characters++;
    if (lettersOrDigits < letters && LETTER_OR_DIGIT.test(segment)) lettersOrDigits++;
    if (characters >= min && lettersOrDigits >= letters) return undefined;
  }
  if (characters < min) return 'tooShort';
  if (lettersOrDigits < letters) return 'tooFewLetters';
  return undefined;
}
