export const LOCALES = ['sq', 'sr', 'en', 'rom'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sq';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header (RFC 9110 quality values).
 * Serbian in any script or region maps to `sr`; Albanian to `sq`; Romani (`rom`, `rmy`, `rmn`)
 * to `rom`.
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
    const primary = tag.split('-')[0];
    if (primary === 'sq' || primary === 'sr' || primary === 'en') return primary;
    if (primary === 'rom' || primary === 'rmy' || primary === 'rmn' || primary === 'rmc')
      return 'rom';
    if (primary === 'sh' || primary === 'bs' || primary === 'hr' || primary === 'cnr') return 'sr';
  }
  return undefined;
}
