import type { WrittenLocale } from '../i18n/message-catalog';
import type { CountryProfileData, Names, ProfileContact } from './country-profile';

/** The languages a label is stored in (Serbian Cyrillic is made from the Serbian). */
const STORED_LANGUAGES: readonly WrittenLocale[] = ['sq', 'sr', 'en', 'rom'];

/** The reference-data kinds a country profile gives; the others are the same everywhere. */
export const PROFILE_TAXONOMY_KINDS = ['community', 'municipality', 'institution'] as const;
export type ProfileTaxonomyKind = (typeof PROFILE_TAXONOMY_KINDS)[number];

export type StoredLabels = Record<WrittenLocale, string>;

/** One row of `taxonomy_items` as a profile gives it. */
export interface ProfileTaxonomyRow {
  kind: ProfileTaxonomyKind;
  code: string;
  labels: StoredLabels;
  sortOrder: number;
}

/** The kinds of `public_contacts` each list of a profile's contacts becomes. */
export const CONTACT_KINDS = {
  help: 'help_organisation',
  appeal: 'appeal_route',
  emergency: 'emergency_number',
  privacyAuthority: 'privacy_authority',
  office: 'office',
} as const satisfies Record<keyof CountryProfileData['contacts'], string>;

/** One row of `public_contacts` as a profile gives it. */
export interface ProfileContactRow {
  kind: (typeof CONTACT_KINDS)[keyof typeof CONTACT_KINDS];
  names: StoredLabels;
  phone: string | null;
  email: string | null;
  website: string | null;
  sortOrder: number;
}

/**
 * A name in every stored language: the profile's name in that language, else the name in the
 * profile's default language (until translated).
 */
export function storedLabels(names: Names, defaultLanguage: string): StoredLabels {
  return Object.fromEntries(
    STORED_LANGUAGES.map((language) => [language, names[language] ?? names[defaultLanguage]]),
  ) as StoredLabels;
}

/** The communities, municipalities and institutions of a profile, in its order (from 1). */
export function profileTaxonomyRows(profile: CountryProfileData): ProfileTaxonomyRow[] {
  const lists: Record<ProfileTaxonomyKind, readonly { code: string; names: Names }[]> = {
    community: profile.communities,
    municipality: profile.municipalities,
    institution: profile.institutions,
  };
  return PROFILE_TAXONOMY_KINDS.flatMap((kind) =>
    lists[kind].map((entry, index) => ({
      kind,
      code: entry.code,
      labels: storedLabels(entry.names, profile.languages.default),
      sortOrder: index + 1,
    })),
  );
}

/** The contact points of a profile, list by list, in its order (from 1 in each kind). */
export function profileContactRows(profile: CountryProfileData): ProfileContactRow[] {
  return (Object.keys(CONTACT_KINDS) as (keyof typeof CONTACT_KINDS)[]).flatMap((list) =>
    (profile.contacts[list] ?? []).map((contact: ProfileContact, index) => ({
      kind: CONTACT_KINDS[list],
      names: storedLabels(contact.names, profile.languages.default),
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      website: contact.url ?? null,
      sortOrder: index + 1,
    })),
  );
}
