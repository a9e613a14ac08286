/**
 * Case references look like `PMD-2026-00042`: the statistical year of submission and a
 * sequence number per year, without gaps. Five digits, more once a year passes 99,999.
 */
export const REFERENCE_PREFIX = 'PMD';
const REFERENCE_PATTERN = /^PMD-(\d{4})-(\d{5,9})$/;

export function formatCaseReference(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError('A case year has four digits');
  }
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('A case sequence starts at 1');
  return `${REFERENCE_PREFIX}-${year}-${String(seq).padStart(5, '0')}`;
}

export interface ParsedCaseReference {
  reference: string;
  year: number;
  seq: number;
}

/**
 * Reads a reference as a person types it: any case, spaces around it or inside
 * (`pmd 2026 00042`), dashes optional. Gives undefined for anything else.
 */
export function parseCaseReference(input: string): ParsedCaseReference | undefined {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015_]+/g, '-')
    .replace(/^PMD-?(\d{4})-?(\d+)$/, 'PMD-$1-$2');
  const match = REFERENCE_PATTERN.exec(compact);
  if (!match) return undefined;
  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (seq < 1) return undefined;
  // `PMD-2026-042` or `PMD-2026-000042` would name the same case; only the canonical form exists.
  const reference = formatCaseReference(year, seq);
  return reference === compact ? { reference, year, seq } : undefined;
}
