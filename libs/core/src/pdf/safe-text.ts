import { createRequire } from 'node:module';

/**
 * Text on its way into a PDF. pdfkit's line wrapper splits a word wider than the line by
 * measuring ever shorter prefixes and then the whole rest of the word again, for every line it
 * fills, and caches the layout of every piece it measured: a run of 40,000 letters without a
 * break costs half a minute and the heap. So no "word" longer than {@link MAX_RUN} characters
 * reaches it: such a run gets a break opportunity (a zero-width space, invisible in print)
 * every MAX_RUN characters. Words are found as pdfkit finds them (the same Unicode line
 * breaking library, UAX #14), so ordinary words and links come out exactly as before.
 */

/** Longest run of characters without a break opportunity that reaches pdfkit. */
export const MAX_RUN = 64;

/** Longest text one value of a PDF may hold; the longest text a form accepts fits in it. */
export const PDF_TEXT_LIMIT = 50_000;

/** Where the wrapper may break a run: invisible, zero width, always a break (UAX #14 LB8). */
export const BREAK_OPPORTUNITY = '\u200B';

const TRUNCATED = '…';

interface Break {
  position: number;
}
interface LineBreaker {
  nextBreak(): Break | null;
}
type LineBreakerClass = new (text: string) => LineBreaker;
let lineBreakerClass: LineBreakerClass | undefined;

/**
 * The very library (and version) pdfkit breaks lines with, resolved from pdfkit itself; loaded
 * with the first long text (in the PDF threads), not when the web server starts.
 */
function loadLineBreaker(): LineBreakerClass {
  lineBreakerClass ??= createRequire(require.resolve('pdfkit'))('linebreak') as LineBreakerClass;
  return lineBreakerClass;
}

/**
 * Characters that belong to the one before them (combining marks, variation selectors, joiners,
 * emoji modifiers and tags): a break before them would tear a letter apart, so it waits for
 * the next character, up to twice the run length (a run of marks alone still gets broken).
 */
function joinsPrevious(char: string): boolean {
  const cp = char.codePointAt(0)!;
  return (
    MARK.test(char) ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f)
  );
}
const MARK = /\p{M}/u;

/** The text as it may go into a PDF: capped in length, long runs given break opportunities. */
export function pdfSafeText(text: string, maxRun = MAX_RUN, limit = PDF_TEXT_LIMIT): string {
  return breakLongRuns(capLength(text, limit), maxRun);
}

/** Cuts the text at `limit` code units (never inside a surrogate pair) and marks the cut. */
export function capLength(text: string, limit = PDF_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${TRUNCATED}`;
}

/** Inserts a break opportunity into every word (as UAX #14 cuts them) over `maxRun` characters. */
export function breakLongRuns(text: string, maxRun = MAX_RUN): string {
  // No word can be long in a short text; most values end here.
  if (text.length <= maxRun) return text;
  const Breaker = loadLineBreaker();
  const breaker = new Breaker(text);
  const out: string[] = [];
  let start = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const word = text.slice(start, bk.position);
    out.push(word.length > maxRun ? splitRun(word, maxRun) : word);
    start = bk.position;
  }
  out.push(text.slice(start));
  return out.join('');
}

function splitRun(word: string, maxRun: number): string {
  const out: string[] = [];
  let run = 0;
  let previous = '';
  for (const char of word) {
    if (run >= maxRun) {
      const tearsLetter = joinsPrevious(char) || previous === '\u200D';
      if (!tearsLetter || run >= 2 * maxRun) {
        out.push(BREAK_OPPORTUNITY);
        run = 0;
      }
    }
    out.push(char);
    run += 1;
    previous = char;
  }
  return out.join('');
}

/**
 * Text as a person typed it, split into paragraphs (runs of lines between blank lines), each
 * keeping its single line breaks. Carriage returns (a browser sends CRLF) and other control
 * characters have no glyph in the font and would print as "▯": line ends become `\n`, tabs
 * and other controls a space.
 */
export function paragraphsOf(text: string): string[] {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n')
      // eslint-disable-next-line no-control-regex -- replacing control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ')
      .split(/\n[ \t]*\n+/)
      .map((paragraph) =>
        paragraph
          .split('\n')
          .map((line) => line.trimEnd())
          .join('\n')
          .replace(/^\n+|\n+$/g, ''),
      )
      .filter((paragraph) => paragraph.trim().length > 0)
  );
}
