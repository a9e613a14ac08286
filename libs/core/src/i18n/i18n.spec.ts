import { negotiateLocale } from './locale';
import {
  MissingTranslationError,
  defineMessages,
  messageArea,
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
    ['sr-Cyrl-RS,sr;q=0.9', 'sr-Cyrl'],
    ['sr-cyrl', 'sr-Cyrl'],
    ['sr-RS', 'sr'],
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

  it('falls back from a missing Romani staff string to Albanian and lists it as missing', () => {
    expect(messageArea('test.only_sq')).toBe('staff');
    expect(translate('rom', 'test.only_sq')).toBe('Vetëm shqip');
    expect(missingTranslations('rom')).toContain('test.only_sq');
    expect(missingTranslations('rom', 'staff')).toContain('test.only_sq');
    expect(missingTranslations('rom')).not.toContain('test.hello');
  });

  it('refuses, under test, to show Albanian for a public message lacking Romani', () => {
    registerMessages(
      defineMessages({
        area: 'public',
        sq: { 'test.public': 'Raporto diskriminimin' },
        sr: { 'test.public': 'Prijavite diskriminaciju' },
        en: { 'test.public': 'Report discrimination' },
        rom: {},
      }),
    );
    expect(messageArea('test.public')).toBe('public');
    expect(() => translate('rom', 'test.public')).toThrow(MissingTranslationError);
    expect(() => translate('rom', 'test.public')).toThrow('test.public has no rom text');
    expect(missingTranslations('rom', 'public')).toEqual(['test.public']);
  });

  it('writes Serbian Cyrillic from the Serbian Latin text, unless a Cyrillic text is given', () => {
    registerMessages(
      defineMessages({
        sq: { 'test.cyr': 'Rasti {reference}', 'test.cyr_written': 'Kodi QR' },
        sr: { 'test.cyr': 'Slučaj {reference}', 'test.cyr_written': 'QR kod' },
        en: { 'test.cyr': 'Case {reference}', 'test.cyr_written': 'QR code' },
        rom: { 'test.cyr': 'Rasti {reference}', 'test.cyr_written': 'QR kodi' },
        'sr-Cyrl': { 'test.cyr_written': 'QR-код' },
      }),
    );
    expect(translate('sr-Cyrl', 'test.cyr', { reference: 'PMD-2026-00042' })).toBe(
      'Случај PMD-2026-00042',
    );
    expect(translate('sr-Cyrl', 'test.hello', { name: 'Ana' })).toBe('Здраво Ana');
    expect(translate('sr-Cyrl', 'test.cyr_written')).toBe('QR-код');
  });

  it('shows the key of an unknown message rather than failing', () => {
    expect(translate('en', 'test.unknown')).toBe('test.unknown');
  });
});
