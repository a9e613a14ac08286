import { installationProfile, loadCountryProfile } from '@app/core';

type Kind = 'community' | 'municipality' | 'institution';

const KOSOVO = loadCountryProfile('kosovo');

function listOf(profile: ReturnType<typeof loadCountryProfile>, kind: Kind) {
  if (kind === 'community') return profile.communities;
  if (kind === 'municipality') return profile.municipalities;
  return profile.institutions;
}

/**
 * The code a suite written with Kosovo's reference data uses, on the installation's profile
 * (PMD_TEST_COUNTRY): the same code when the profile has it; else an institution of the same
 * kind, else the entry at the same place in the profile's list. Distinct Kosovo codes mostly
 * stay distinct, so a suite that needs two municipalities still gets two.
 */
export function localCode(kind: Kind, kosovoCode: string): string {
  return codeIn(installationProfile(), kind, kosovoCode);
}

/** localCode for a given profile (a second installation in the same test). */
export function codeIn(
  profile: ReturnType<typeof loadCountryProfile>,
  kind: Kind,
  kosovoCode: string,
): string {
  const here = listOf(profile, kind);
  if (here.some((e) => e.code === kosovoCode)) return kosovoCode;
  const kosovo = listOf(KOSOVO, kind);
  const index = kosovo.findIndex((e) => e.code === kosovoCode);
  if (index < 0) return kosovoCode;
  if (kind === 'institution') {
    const kindOf = KOSOVO.institutions[index].kind;
    const same = profile.institutions.find((i) => i.kind === kindOf);
    if (same) return same.code;
  }
  return here[index % here.length].code;
}
