import { Locale, hasMessage, translate } from '@app/core';
import type { AuditDetails } from './audit-actions';

/** What audit entries are about, as other contexts record them (the filter offers them). */
export const KNOWN_AUDIT_SUBJECTS = [
  'case',
  'contact_point',
  'meeting',
  'partner_organisation',
  'staff_user',
  'statistics',
  'statistics_year',
] as const;

/** Which details hold a code with a label, and where its label is. */
const VALUE_LABELS: Record<string, (value: string) => string> = {
  from: (value) => `case.status.${value}`,
  to: (value) => `case.status.${value}`,
  role: (value) => `staff.role.${value}`,
  // Where a directory change came from: its page, an import, the command line, the profile.
  source: (value) => `audit.value.source.${value}`,
};

/** Which details hold a list of field names (`a,b`), each with a label under `audit.value.field.`. */
const FIELD_LISTS = new Set(['changed']);

/** Which details hold a reference data code, and of which kind (named from the reference data). */
const TAXONOMY_DETAILS: Record<string, 'institution' | 'municipality'> = {
  institutionCode: 'institution',
  municipalityCode: 'municipality',
};

/** A reference data entry's name in a language, if the reference data has it. */
export type TaxonomyLabel = (
  kind: 'institution' | 'municipality',
  code: string,
  locale: Locale,
) => string | undefined;

function labelled(locale: Locale, key: string, fallback: string): string {
  return hasMessage(key) ? translate(locale, key) : fallback;
}

/** A subject type in words (staff read labels, not codes); the code when it has none. */
export function auditSubjectLabel(type: string, locale: Locale): string {
  return labelled(locale, `audit.subject.${type}`, type);
}

/**
 * The details of an entry as a line of text in words where the platform has them (statuses,
 * roles, the names of the fields); ids, counts and other values as they are.
 */
export function auditDetailsText(
  details: AuditDetails,
  locale: Locale,
  taxonomyLabel: TaxonomyLabel = () => undefined,
): string {
  return Object.entries(details)
    .filter(([key, value]) => !(key in TAXONOMY_DETAILS && value === null))
    .map(([key, value]) => {
      const name = labelled(locale, `audit.detail.${key}`, key);
      return `${name}: ${valueText(key, value, locale, taxonomyLabel)}`;
    })
    .join(', ');
}

function valueText(
  key: string,
  value: AuditDetails[string],
  locale: Locale,
  taxonomyLabel: TaxonomyLabel,
): string {
  if (typeof value !== 'string') return String(value);
  if (FIELD_LISTS.has(key)) {
    return value
      .split(',')
      .map((field) => labelled(locale, `audit.value.field.${field}`, field))
      .join('; ');
  }
  const kind = TAXONOMY_DETAILS[key];
  if (kind) return taxonomyLabel(kind, value, locale) ?? value;
  const label = VALUE_LABELS[key]?.(value);
  return label ? labelled(locale, label, value) : value;
}
