import type { Locale } from '@app/core';
import type { TaxonomySnapshot } from '@app/taxonomy';

/** The institution's name, with the municipality when it is one. */
export function institutionLabel(
  snapshot: TaxonomySnapshot,
  referral: { institutionCode: string; municipalityCode: string | null },
  locale: Locale,
): string {
  const institution = snapshot.label('institution', referral.institutionCode, locale);
  return referral.municipalityCode
    ? `${institution} ${snapshot.label('municipality', referral.municipalityCode, locale)}`
    : institution;
}
