import { CountryProfileData, equivalentCode } from '@app/core';

type Kind = 'community' | 'municipality' | 'institution';

/**
 * The code a suite written with Kosovo's reference data uses, on the installation's profile
 * (PMD_TEST_COUNTRY): see equivalentCode.
 */
export function localCode(kind: Kind, kosovoCode: string): string {
  return equivalentCode(kind, kosovoCode);
}

/** localCode for a given profile (a second installation in the same test). */
export function codeIn(profile: CountryProfileData, kind: Kind, kosovoCode: string): string {
  return equivalentCode(kind, kosovoCode, profile);
}
