import type { WrittenLocale } from '@app/core';

/**
 * What a public contact point is for; the help, contact and privacy pages and the "if you
 * disagree" routes each show their kinds. The migration's CHECK lists the same values.
 */
export const PUBLIC_CONTACT_KINDS = [
  'help_organisation',
  'community_mediator',
  'emergency_number',
  'appeal_route',
  'privacy_authority',
  'office',
] as const;
export type PublicContactKind = (typeof PUBLIC_CONTACT_KINDS)[number];

/** A contact point's name in every language of the platform (none falls back to another). */
/** Names as administrators write them; Serbian Cyrillic is made from the Serbian (Latin) one. */
export type PublicContactNames = Record<WrittenLocale, string>;
