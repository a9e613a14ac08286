/**
 * Offered languages. `sr` is Serbian in Latin script, `sr-Cyrl` the same text in Cyrillic
 * (transliterated from `sr` when the catalogues load); `rom` is Kosovo Romani.
 */
export const LOCALES = ['sq', 'sr', 'sr-Cyrl', 'en', 'rom'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sq';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The offered locale a `lang` value names, whatever its letter case (`sr-cyrl` is `sr-Cyrl`). */
export function parseLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return LOCALES.find((locale) => locale.toLowerCase() === lower);
}

/**
 * Picks the best supported locale from an Accept-Language header (RFC 9110 quality values).
 * Serbian asked for in Cyrillic (`sr-Cyrl`, `sr-Cyrl-RS`) maps to `sr-Cyrl`, any other Serbian
 * to `sr` (Latin, as Kosovo's official Serbian texts); Albanian to `sq`; Romani (`rom`, `rmy`,
 * `rmn`) to `rom`.
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
    const [primary, ...subtags] = tag.split('-');
    if (primary === 'sr' && subtags.includes('cyrl')) return 'sr-Cyrl';
    if (primary === 'sq' || primary === 'sr' || primary === 'en') return primary;
    if (primary === 'rom' || primary === 'rmy' || primary === 'rmn' || primary === 'rmc')
      return 'rom';
    if (primary === 'sh' || primary === 'bs' || primary === 'hr' || primary === 'cnr') return 'sr';
  }
  return undefined;
}
