import {
  BREAK_OPPORTUNITY,
  MAX_RUN,
  PDF_TEXT_LIMIT,
  capLength,
  paragraphsOf,
  pdfSafeText,
} from './safe-text';

const longestRun = (text: string) =>
  Math.max(...text.split(/[\s\u200B]/).map((word) => [...word].length));

describe('pdfSafeText', () => {
  it('leaves ordinary text exactly as written', () => {
    for (const text of [
      'Çështja e nxënësve: shkolla në Gjakovë i ndau në klasë të veçantë.',
      'Odluka: škola će đacima vratiti časove; žalba Čačak-Ćuprija odbijena.',
      'Shih https://meet.example.org/tg-2026-03?room=2&lang=sq për takimin.',
      'Zyra e Kryeministrit, salla 2. '.repeat(1_500),
      'rreshti i parë\nrreshti i dytë\n\nparagrafi tjetër',
      '👍🏽'.repeat(5_000), // emoji may break between each other already
    ]) {
      expect(pdfSafeText(text)).toBe(text);
    }
  });

  it('gives a break opportunity to every run longer than the limit, keeping every letter', () => {
    for (const text of [
      'x'.repeat(50_000),
      ' !'.repeat(25_000), // no break opportunity at all under UAX #14
      '-1'.repeat(25_000),
      'ab\u00A0'.repeat(10_000), // no-break spaces
    ]) {
      const safe = pdfSafeText(text);
      expect(safe.split(BREAK_OPPORTUNITY).join('')).toBe(text);
      expect(safe).toContain(BREAK_OPPORTUNITY);
      expect(longestRun(safe.replace(/\u00A0/g, 'x'))).toBeLessThanOrEqual(2 * MAX_RUN);
    }
  });

  it('does not tear a letter from its accents, but a run of marks alone is still broken', () => {
    const accented = 'e\u0301'.repeat(100);
    const safe = pdfSafeText(accented);
    expect(safe).not.toMatch(new RegExp(`${BREAK_OPPORTUNITY}\\p{M}`, 'u'));
    expect(safe.split(BREAK_OPPORTUNITY).join('')).toBe(accented);

    const marks = `a${'\u0301'.repeat(10_000)}`;
    expect(longestRun(pdfSafeText(marks))).toBeLessThanOrEqual(2 * MAX_RUN);
  });

  it('caps a text longer than any form accepts, without splitting a surrogate pair', () => {
    expect(pdfSafeText('word '.repeat(20_000)).length).toBeLessThanOrEqual(PDF_TEXT_LIMIT + 1);
    const capped = capLength(`${'a'.repeat(9)}😀`, 10);
    expect(capped).toBe(`${'a'.repeat(9)}…`);
    expect(capLength('short', 10)).toBe('short');
  });
});

describe('paragraphsOf', () => {
  it('keeps paragraphs and line breaks as written, without the characters that print as "▯"', () => {
    expect(paragraphsOf('One\r\nTwo\r\n\r\n\r\nThree\tfour\r\n')).toEqual([
      'One\nTwo',
      'Three four',
    ]);
    expect(paragraphsOf('a\rb\u2028c\n \nd')).toEqual(['a\nb\nc', 'd']);
    expect(paragraphsOf('  \r\n\n')).toEqual([]);
  });
});
