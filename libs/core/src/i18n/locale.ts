import { installationProfile, onInstallationProfileChange } from '../country/installation';

/**
 * The languages the platform has messages for. `sr` is Serbian in Latin script, `sr-Cyrl` the
 * same text in Cyrillic (transliterated from `sr` when the catalogues load); `rom` is Romani.
 * An installation offers those of its country profile (`offeredLocales()`).
 */
export const LOCALES = ['sq', 'sr', 'sr-Cyrl', 'en', 'rom'] as const;
export type Locale = (typeof LOCALES)[number];
/** The language of the catalogues' source texts (msgid), the last fallback of a message. */
export const DEFAULT_LOCALE: Locale = 'sq';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

let offered: readonly Locale[] | undefined;
onInstallationProfileChange(() => {
  offered = undefined;
});

/**
 * The languages this installation offers, in the profile's order: the profile's languages
 * (`sr` brings its Cyrillic form `sr-Cyrl` with it). Kosovo: sq, sr, sr-Cyrl, en, rom.
 */
export function offeredLocales(): readonly Locale[] {
  offered ??= installationProfile().languages.offered.flatMap((language): Locale[] => {
    if (language === 'sr') return ['sr', 'sr-Cyrl'];
    return isLocale(language) ? [language] : [];
  });
  return offered;
}

/** The language a person gets who asked for none, or for one the installation does not offer. */
export function defaultLocale(): Locale {
  const language = installationProfile().languages.default;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

export function isOfferedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (offeredLocales() as readonly string[]).includes(value);
}

/** The offered locale a `lang` value names, whatever its letter case (`sr-cyrl` is `sr-Cyrl`). */
export function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return offeredLocales().find((locale) => locale.toLowerCase() === lower);
}

/**
 * Picks the best offered locale from an Accept-Language header (RFC 9110 quality values).
 * Serbian asked for in Cyrillic (`sr-Cyrl`, `sr-Cyrl-RS`) maps to `sr-Cyrl`, any other Serbian
 * to `sr` (Latin, as Kosovo's official Serbian texts); Albanian to `sq`; Romani (`rom`, `rmy`,
 * `rmn`) to `rom`. Only the installation's languages are given; undefined when none of them
 * is asked for.
 */
export function negotiateLocale(header: string | undefined | null): Locale | undefined {
  if (!header) return undefined;
  const candidates = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        tag: tag.trim().toLowerCase(),
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((c) => c.tag && c.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of candidates) {
    const locale = localeOfTag(tag);
    // A language the installation does not offer: the next one asked for.
    if (locale && isOfferedLocale(locale)) return locale;
  }
  return undefined;
}

function localeOfTag(tag: string): Locale | undefined {
  const [primary, ...subtags] = tag.split('-');
  if (primary === 'sr' && subtags.includes('cyrl')) return 'sr-Cyrl';
  if (primary === 'sq' || primary === 'sr' || primary === 'en') return primary;
  if (primary === 'rom' || primary === 'rmy' || primary === 'rmn' || primary === 'rmc')
    return 'rom';
  if (primary === 'sh' || primary === 'bs' || primary === 'hr' || primary === 'cnr') return 'sr';
  return undefined;
}
