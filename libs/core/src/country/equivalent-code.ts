import { CountryProfileData, loadCountryProfile } from './country-profile';
import { installationProfile } from './installation';

type Kind = 'community' | 'municipality' | 'institution';

let kosovo: CountryProfileData | undefined;

function listOf(profile: CountryProfileData, kind: Kind): readonly { code: string }[] {
  if (kind === 'community') return profile.communities;
  if (kind === 'municipality') return profile.municipalities;
  return profile.institutions;
}

/**
 * For demo data and tests written with Kosovo's reference data: the code a profile uses for a
 * Kosovo code. The same code when the profile has it; else an institution of the same kind;
 * else the entry at the same place of the profile's list (so distinct codes mostly stay
 * distinct). Never for real cases.
 */
export function equivalentCode(
  kind: Kind,
  kosovoCode: string,
  profile: CountryProfileData = installationProfile(),
): string {
  const here = listOf(profile, kind);
  if (here.some((e) => e.code === kosovoCode)) return kosovoCode;
  kosovo ??= loadCountryProfile('kosovo');
  const index = listOf(kosovo, kind).findIndex((e) => e.code === kosovoCode);
  if (index < 0 || here.length === 0) return kosovoCode;
  if (kind === 'institution') {
    const same = profile.institutions.find((i) => i.kind === kosovo!.institutions[index].kind);
    if (same) return same.code;
  }
  return here[index % here.length].code;
}
