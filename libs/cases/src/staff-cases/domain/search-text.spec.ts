import {
  containsPattern,
  escapeLike,
  normaliseSearch,
  referencePrefixPattern,
} from './search-text';

describe('search text of the case list', () => {
  it('trims and collapses whitespace, and treats blank as no search', () => {
    expect(normaliseSearch('  Gjakovë   e   Re ')).toBe('Gjakovë e Re');
    expect(normaliseSearch('   ')).toBeUndefined();
    expect(normaliseSearch(undefined)).toBeUndefined();
    expect(normaliseSearch('x'.repeat(500))).toHaveLength(200);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%')).toBe('50\\%');
    expect(escapeLike('a_b')).toBe('a\\_b');
    expect(escapeLike('c:\\dir')).toBe('c:\\\\dir');
    expect(containsPattern('50% _off')).toBe('%50\\% \\_off%');
  });

  it('recognises the start of a case reference, in any case', () => {
    expect(referencePrefixPattern('PMD-2026-00042')).toBe('PMD-2026-00042%');
    expect(referencePrefixPattern('pmd-2026')).toBe('PMD-2026%');
    expect(referencePrefixPattern('pmd')).toBe('PMD%');
    expect(referencePrefixPattern('Gjakovë')).toBeUndefined();
    expect(referencePrefixPattern('PMD-2026-%')).toBeUndefined();
  });
});
