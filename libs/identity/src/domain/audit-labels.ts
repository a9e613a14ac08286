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
};

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
export function auditDetailsText(details: AuditDetails, locale: Locale): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const name = labelled(locale, `audit.detail.${key}`, key);
      const label = typeof value === 'string' ? VALUE_LABELS[key]?.(value) : undefined;
      const text = label ? labelled(locale, label, String(value)) : String(value);
      return `${name}: ${text}`;
    })
    .join(', ');
}
