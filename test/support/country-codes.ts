import { CountryProfileData, equivalentCode, installationProfile } from '@app/core';

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

/** The installation's name of one of its codes (as the profile gives it) in a language. */
export function localName(kind: Kind, code: string, language = 'en'): string {
  const profile = installationProfile();
  const list =
    kind === 'community'
      ? profile.communities
      : kind === 'municipality'
        ? profile.municipalities
        : profile.institutions;
  const entry = list.find((e) => e.code === code);
  if (!entry) throw new Error(`no ${kind} ${code} in the installation's profile`);
  return entry.names[language] ?? entry.names[profile.languages.default];
}

/**
 * Counts a suite expects by Kosovo's codes, by the installation's codes: where two Kosovo codes
 * have one equivalent (Albania has no Ashkali community), their counts add up, and a hidden
 * count ('x') hides the sum. The same object on Kosovo.
 */
export function localCounts(
  kind: Kind,
  counts: Record<string, number | 'x'>,
): Record<string, number | 'x'> {
  const out: Record<string, number | 'x'> = {};
  for (const [code, value] of Object.entries(counts)) {
    const local = localCode(kind, code);
    const before = out[local];
    out[local] =
      before === undefined ? value : before === 'x' || value === 'x' ? 'x' : before + value;
  }
  return out;
}
