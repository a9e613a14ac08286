import { installationReferencePrefix } from '@app/core';

/**
 * Case references look like `PMD-2026-00042`: the installation's prefix (its country profile's
 * `referencePrefix`; Kosovo `PMD`), the statistical year of submission and a sequence number
 * per year, without gaps. Five digits, more once a year passes 99,999.
 */
export function formatCaseReference(
  year: number,
  seq: number,
  prefix = installationReferencePrefix(),
): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError('A case year has four digits');
  }
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('A case sequence starts at 1');
  return `${prefix}-${year}-${String(seq).padStart(5, '0')}`;
}

export interface ParsedCaseReference {
  reference: string;
  year: number;
  seq: number;
}

/**
 * Reads a reference as a person types it: any case, spaces around it or inside
 * (`pmd 2026 00042`), dashes optional, with the installation's prefix. Gives undefined for
 * anything else.
 */
export function parseCaseReference(
  input: string,
  prefix = installationReferencePrefix(),
): ParsedCaseReference | undefined {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015_]+/g, '-')
    .replace(new RegExp(`^${prefix}-?(\\d{4})-?(\\d+)$`), `${prefix}-$1-$2`);
  const match = new RegExp(`^${prefix}-(\\d{4})-(\\d{5,9})$`).exec(compact);
  if (!match) return undefined;
  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (seq < 1) return undefined;
  // `PMD-2026-042` or `PMD-2026-000042` would name the same case; only the canonical form exists.
  const reference = formatCaseReference(year, seq, prefix);
  return reference === compact ? { reference, year, seq } : undefined;
}

/**
 * A reference written exactly as the platform writes it (`PMD-2026-00042`, the installation's
 * prefix, five digits or more), as forms that name a case by its reference require.
 */
export function isCanonicalCaseReference(
  value: unknown,
  prefix = installationReferencePrefix(),
): boolean {
  return typeof value === 'string' && new RegExp(`^${prefix}-\\d{4}-\\d{5,}$`).test(value);
}
