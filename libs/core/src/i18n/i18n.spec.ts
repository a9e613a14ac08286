import { negotiateLocale } from './locale';
import {
  defineMessages,
  missingTranslations,
  registerMessages,
  translate,
} from './message-catalog';

describe('negotiateLocale', () => {
  it.each([
    ['sr-Latn-RS,sr;q=0.9,en;q=0.8', 'sr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,sq;q=0.5', 'sq'],
    ['fr;q=1, en;q=0.2, sr;q=0.8', 'sr'],
    ['rmy', 'rom'],
    ['bs-BA', 'sr'],
  ])('picks the best supported language from %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('gives nothing when no language is supported or the header is absent', () => {
    expect(negotiateLocale('de, fr;q=0.5')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
    expect(negotiateLocale('en;q=0')).toBeUndefined();
  });
});

describe('translate', () => {
  registerMessages(
    defineMessages({
      sq: { 'test.hello': 'Përshëndetje {name}', 'test.only_sq': 'Vetëm shqip' },
      sr: { 'test.hello': 'Zdravo {name}', 'test.only_sq': 'Samo albanski' },
      en: { 'test.hello': 'Hello {name}', 'test.only_sq': 'Albanian only' },
      rom: { 'test.hello': 'Lačho dive {name}' },
    }),
  );

  it('writes the message in the asked language with its parameters', () => {
    expect(translate('sr', 'test.hello', { name: 'Ana' })).toBe('Zdravo Ana');
    expect(translate('rom', 'test.hello', { name: 'Ana' })).toBe('Lačho dive Ana');
  });

  it('falls back from a missing Romani string to Albanian and lists it as missing', () => {
    expect(translate('rom', 'test.only_sq')).toBe('Vetëm shqip');
    expect(missingTranslations('rom')).toContain('test.only_sq');
    expect(missingTranslations('rom')).not.toContain('test.hello');
  });

  it('shows the key of an unknown message rather than failing', () => {
    expect(translate('en', 'test.unknown')).toBe('test.unknown');
  });
});
