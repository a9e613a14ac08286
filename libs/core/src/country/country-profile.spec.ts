import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';

import {
  CountryProfileData,
  CountryProfileError,
  countriesDirectory,
  easterSunday,
  loadCountryProfile,
  resolveProfileName,
} from './country-profile';
import { CountryProfile } from './country-profile.service';

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('country profiles', () => {
  describe('Kosovo (the default)', () => {
    const kosovo = new CountryProfile(loadCountryProfile('kosovo'));

    it('is the installation when COUNTRY is not set', () => {
      expect(loadConfig({}).country.profile).toEqual(kosovo.data);
      expect(kosovo.code).toBe('XK');
    });

    it('holds what the platform has today: languages, time zone, prefix, threshold', () => {
      expect(kosovo.languages).toEqual(['sq', 'sr', 'en', 'rom']);
      expect(kosovo.defaultLanguage).toBe('sq');
      expect(kosovo.timeZone).toBe('Europe/Belgrade');
      expect(kosovo.referencePrefix).toBe('PMD');
      expect(kosovo.publicThreshold).toBe(loadConfig({}).statistics.publicThreshold);
    });

    it('has the 38 municipalities, with their Serbian names', () => {
      expect(kosovo.municipalities).toHaveLength(38);
      expect(kosovo.name(kosovo.municipalities[0].names, 'sr')).toBe('Dečane');
      expect(kosovo.institutions.find((i) => i.code === 'ombudsperson')?.kind).toBe(
        'equality_body',
      );
    });

    it('counts working days without weekends and public holidays', () => {
      expect(kosovo.isWorkingDay('2026-02-16')).toBe(true);
      expect(kosovo.isWorkingDay('2026-02-17')).toBe(false); // Independence Day
      expect(kosovo.isWorkingDay('2026-02-21')).toBe(false); // a Saturday
      expect(kosovo.isWorkingDay('2026-05-01')).toBe(false);
      expect(kosovo.holidays(2026).get('2026-04-05')).toBe('Catholic Easter');
      expect(kosovo.holidays(2026).get('2026-04-12')).toBe('Orthodox Easter');
    });

    it('gives the next working day off for a holiday on a Saturday or a Sunday', () => {
      // The Government's calendar of 2024 (Law No. 03/L-064): Saturday 17 February gave Monday
      // 19 February; Sunday 7 January Monday 8 January; the Easters Monday 1 April and 6 May.
      const days2024 = [...kosovo.holidays(2024).keys()];
      expect(days2024).toEqual(
        expect.arrayContaining(['2024-01-08', '2024-02-19', '2024-04-01', '2024-05-06']),
      );
      expect(kosovo.isWorkingDay('2024-02-19')).toBe(false);
      // 2018: Orthodox Easter (Sunday 8 April) gave Monday 9 April, Constitution Day: no other.
      expect(kosovo.isWorkingDay('2018-04-10')).toBe(true);
      // Catholic and Orthodox Easter on one Sunday give one Monday (2025).
      expect(kosovo.isWorkingDay('2025-04-21')).toBe(false);
      expect(kosovo.isWorkingDay('2025-04-22')).toBe(true);
    });

    it('gives the calendar the migrations seeded for 2025-2027, with the Mondays after Saturday holidays', () => {
      // The days of migration 1797300000000 (which moved Sunday holidays only).
      const seeded = [
        '2025-01-01',
        '2025-01-02',
        '2025-01-07',
        '2025-02-17',
        '2025-03-30',
        '2025-03-31',
        '2025-04-09',
        '2025-04-20',
        '2025-04-21',
        '2025-05-01',
        '2025-05-09',
        '2025-06-06',
        '2025-12-25',
        '2026-01-01',
        '2026-01-02',
        '2026-01-07',
        '2026-02-17',
        '2026-03-20',
        '2026-04-05',
        '2026-04-06',
        '2026-04-09',
        '2026-04-12',
        '2026-04-13',
        '2026-05-01',
        '2026-05-09',
        '2026-05-27',
        '2026-12-25',
        '2027-01-01',
        '2027-01-02',
        '2027-01-07',
        '2027-02-17',
        '2027-03-28',
        '2027-03-29',
        '2027-04-09',
        '2027-05-01',
        '2027-05-02',
        '2027-05-03',
        '2027-05-09',
        '2027-05-10',
        '2027-12-25',
      ];
      const computed = [2025, 2026, 2027].flatMap((year) => [...kosovo.holidays(year).keys()]);
      expect(computed.filter((day) => !seeded.includes(day))).toEqual([
        '2026-05-11',
        '2027-01-04',
        '2027-12-27',
      ]);
      // 2027's Eid dates are not announced yet, so not in the profile.
      expect(seeded.filter((day) => !computed.includes(day))).toEqual([]);
    });
  });

  describe('Albania', () => {
    const albania = new CountryProfile(loadCountryProfile('albania'));

    it('is chosen by COUNTRY=albania: Albanian, Romani and English, Europe/Tirane', () => {
      expect(loadConfig({ COUNTRY: 'albania' }).country.profile).toEqual(albania.data);
      expect(albania.code).toBe('AL');
      expect(albania.languages).toEqual(['sq', 'rom', 'en']);
      expect(albania.defaultLanguage).toBe('sq');
      expect(albania.timeZone).toBe('Europe/Tirane');
      expect(albania.countryName('en')).toBe('Albania');
    });

    it('has the 61 municipalities of the 2015 reform, each once', () => {
      expect(albania.municipalities).toHaveLength(61);
      const codes = albania.municipalities.map((m) => m.code);
      expect(new Set(codes).size).toBe(61);
      const names = albania.municipalities.map((m) => m.names.sq);
      expect(names).toEqual(expect.arrayContaining(['Tiranë', 'Durrës', 'Shkodër', 'Vlorë']));
      expect(names).toEqual(expect.arrayContaining(['Kamëz', 'Pustec', 'Finiq', 'Malësi e Madhe']));
      // Place names are not translated.
      for (const m of albania.municipalities) expect(m.names.rom).toBe(m.names.sq);
    });

    it('refers to the Commissioner for Protection from Discrimination and the People’s Advocate', () => {
      const byKind = Object.fromEntries(albania.institutions.map((i) => [i.kind, i.names.en]));
      expect(byKind.equality_body).toBe('Commissioner for Protection from Discrimination');
      expect(byKind.ombudsperson).toBe("People's Advocate");
      expect(albania.communities.map((c) => c.code)).toEqual(['roma', 'egyptian', 'other']);
    });

    it('counts its own public holidays', () => {
      expect(albania.isWorkingDay('2026-11-27')).toBe(true);
      expect(albania.isWorkingDay('2026-03-17')).toBe(true);
      // Summer Day on a Saturday: the Monday off (nextWorkingDayWhenOn, unverified in notes).
      expect(albania.isWorkingDay('2026-03-16')).toBe(false);
      for (const day of ['2026-03-14', '2026-11-28', '2026-12-08']) {
        expect(albania.holidays(2026).has(day)).toBe(true);
      }
      expect(albania.isWorkingDay('2026-12-08')).toBe(false); // a Tuesday
      // Kosovo's Independence Day is a working day in Albania.
      expect(albania.isWorkingDay('2026-02-17')).toBe(true);
      // Mother Teresa Day (5 September, a Saturday in 2026) and Alphabet Day (22 November, a
      // Sunday): the Mondays after are off.
      expect(albania.holidays(2026).has('2026-09-05')).toBe(true);
      expect(albania.isWorkingDay('2026-09-07')).toBe(false);
      expect(albania.isWorkingDay('2026-11-23')).toBe(false);
    });
  });

  it('computes Easter in both reckonings', () => {
    expect(iso(easterSunday(2025, 'western'))).toBe('2025-04-20');
    expect(iso(easterSunday(2025, 'orthodox'))).toBe('2025-04-20');
    expect(iso(easterSunday(2024, 'western'))).toBe('2024-03-31');
    expect(iso(easterSunday(2024, 'orthodox'))).toBe('2024-05-05');
    expect(iso(easterSunday(2027, 'western'))).toBe('2027-03-28');
    expect(iso(easterSunday(2027, 'orthodox'))).toBe('2027-05-02');
  });

  describe('COUNTRY_PROFILE, and a profile named by its country code', () => {
    const albania = loadCountryProfile('albania');
    const kosovo = loadCountryProfile('kosovo');

    it.each([
      ['albania', 'albania'],
      ['al', 'albania'],
      ['AL', 'albania'],
      [' Al ', 'albania'],
      ['kosovo', 'kosovo'],
      ['xk', 'kosovo'],
      ['XK', 'kosovo'],
    ])('reads %p as the profile file %p', (value, file) => {
      expect(resolveProfileName(value)).toBe(file);
    });

    it.each([
      [{ COUNTRY_PROFILE: 'al' }, albania],
      [{ COUNTRY_PROFILE: 'albania' }, albania],
      [{ COUNTRY_PROFILE: 'XK' }, kosovo],
      [{ COUNTRY: 'AL' }, albania],
      [{ COUNTRY: 'xk' }, kosovo],
      [{ COUNTRY: 'albania', COUNTRY_PROFILE: 'AL' }, albania],
      [{ COUNTRY: 'kosovo', COUNTRY_PROFILE: 'kosovo' }, kosovo],
      [{ COUNTRY: '', COUNTRY_PROFILE: 'al' }, albania],
      [{ COUNTRY: 'albania', COUNTRY_PROFILE: '' }, albania],
    ])('takes %p as the installation %#', (source, profile) => {
      expect(loadConfig(source).country.profile).toEqual(profile);
      expect(loadConfig(source).country.profile.country.code).toBe(profile.country.code);
    });

    it('gives the profile its threshold and country whichever variable names it', () => {
      const config = loadConfig({ COUNTRY_PROFILE: 'al' });
      expect(config.statistics.publicThreshold).toBe(albania.statistics.publicThreshold);
      expect(config.country.profile.timeZone).toBe('Europe/Tirane');
    });

    it('refuses COUNTRY and COUNTRY_PROFILE naming different profiles, naming both', () => {
      expect(() => loadConfig({ COUNTRY: 'kosovo', COUNTRY_PROFILE: 'al' })).toThrow(
        'COUNTRY and COUNTRY_PROFILE name different country profiles (COUNTRY "kosovo" is XK, COUNTRY_PROFILE "al" is AL): set only one of them',
      );
      expect(() => loadConfig({ COUNTRY: 'AL', COUNTRY_PROFILE: 'xk' })).toThrow(
        'COUNTRY and COUNTRY_PROFILE name different country profiles',
      );
    });

    it('refuses a code no profile holds and a value that is neither, under the name given', () => {
      expect(() => loadConfig({ COUNTRY_PROFILE: 'ZZ' })).toThrow(
        'COUNTRY_PROFILE names no profile: no file in config/countries holds the country ZZ',
      );
      expect(() => loadConfig({ COUNTRY_PROFILE: 'zz' })).toThrow(
        'COUNTRY_PROFILE names no profile: config/countries/zz.json does not exist',
      );
      expect(() => loadConfig({ COUNTRY: 'XX' })).toThrow(
        'COUNTRY names no profile: no file in config/countries holds the country XX',
      );
      expect(() => loadConfig({ COUNTRY_PROFILE: '../albania' })).toThrow(
        'COUNTRY_PROFILE must be the name of a profile in config/countries',
      );
    });

    it('finds a code in a directory of profiles, and refuses a code two profiles hold', () => {
      const dir = mkdtempSync(join(tmpdir(), 'pmd-countries-'));
      try {
        const source = readFileSync(join(countriesDirectory(), 'albania.json'), 'utf8');
        writeFileSync(join(dir, 'shqiperia.json'), source);
        writeFileSync(join(dir, 'country-profile.schema.json'), '{}');
        expect(resolveProfileName('al', dir)).toBe('shqiperia');
        expect(resolveProfileName('shqiperia', dir)).toBe('shqiperia');
        writeFileSync(join(dir, 'albania-test.json'), source);
        expect(() => resolveProfileName('AL', dir)).toThrow(
          'names the country AL, which more than one profile holds (albania-test.json, shqiperia.json): name the file instead',
        );
        expect(resolveProfileName('albania-test', dir)).toBe('albania-test');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('a profile with problems stops start-up, naming the file and the problems', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'pmd-countries-'));
      copyFileSync(
        join(countriesDirectory(), 'country-profile.schema.json'),
        join(dir, 'country-profile.schema.json'),
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function write(name: string, change: (p: CountryProfileData) => unknown): void {
      const profile = JSON.parse(
        readFileSync(join(countriesDirectory(), 'albania.json'), 'utf8'),
      ) as CountryProfileData;
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(change(profile) ?? profile));
    }

    it('refuses what the schema refuses', () => {
      write('no-timezone', (p) => {
        delete (p as Partial<CountryProfileData>).timeZone;
      });
      expect(() => loadCountryProfile('no-timezone', dir)).toThrow(
        'config/countries/no-timezone.json: /: "timeZone" is missing',
      );
      write('bad-prefix', (p) => {
        p.referencePrefix = 'pmd-';
      });
      expect(() => loadCountryProfile('bad-prefix', dir)).toThrow('/referencePrefix');
    });

    it('refuses what only the whole profile shows', () => {
      write('inconsistent', (p) => {
        p.languages.default = 'sr';
        p.timeZone = 'Europe/Atlantis';
        p.municipalities.push({ ...p.municipalities[0] });
        p.workingDays.holidays.push({ name: 'Nowhere', every: '02-30' });
      });
      let message = '';
      try {
        loadCountryProfile('inconsistent', dir);
      } catch (error) {
        expect(error).toBeInstanceOf(CountryProfileError);
        message = (error as Error).message;
      }
      expect(message).toContain('/languages/default: "sr" is not one of the languages offered');
      expect(message).toContain('/timeZone: "Europe/Atlantis" is not a known time zone');
      expect(message).toContain('/municipalities/61/code: "belsh" comes twice');
      expect(message).toContain('/workingDays/holidays/13/every: "02-30" is not a day of the year');
    });

    it('refuses a name missing in a language offered, which a page would show in another', () => {
      write('no-romani-name', (p) => {
        const { rom: _rom, ...institution } = p.institutions[0].names;
        const { sq: _sq, ...emergency } = p.contacts.emergency![0].names;
        return {
          ...p,
          institutions: [{ ...p.institutions[0], names: institution }, ...p.institutions.slice(1)],
          contacts: {
            ...p.contacts,
            emergency: [{ ...p.contacts.emergency![0], names: emergency }],
          },
        };
      });
      expect(() => loadCountryProfile('no-romani-name', dir)).toThrow(
        '/institutions/0/names: no name in "rom", a language offered',
      );
      expect(() => loadCountryProfile('no-romani-name', dir)).toThrow(
        '/contacts/emergency/0/names: no name in the default language "sq"',
      );
    });

    it('takes institutions’ contact points for the directory, of the profile’s municipalities', () => {
      write('contact-points', (p) => {
        p.institutions[0].contactPoints = [
          { unit: 'Office in Tirana', municipality: 'tirane', email: 'office@example.org' },
          { email: 'desk@example.org', phone: '+355 4 000 000' },
          // As people write a local number: the directory's form takes it back.
          { email: 'local@example.org', phone: '(04) 200 100' },
        ];
      });
      const loaded = loadCountryProfile('contact-points', dir);
      expect(loaded.institutions[0].contactPoints).toHaveLength(3);
      write('bad-contact-points', (p) => {
        p.institutions[0].contactPoints = [{ municipality: 'atlantis', email: 'a@example.org' }];
      });
      expect(() => loadCountryProfile('bad-contact-points', dir)).toThrow(
        '/institutions/0/contactPoints/0/municipality: "atlantis" is not a municipality of the profile',
      );
      write('no-email', (p) => {
        (p.institutions[0] as { contactPoints?: unknown }).contactPoints = [{ unit: 'Desk' }];
      });
      expect(() => loadCountryProfile('no-email', dir)).toThrow('/institutions/0/contactPoints/0');
      // The directory's own e-mail and phone rules, not the schema's.
      write('bad-contact', (p) => {
        p.institutions[0].contactPoints = [
          { email: 'one@example.org, two@example.org', phone: 'call the desk' },
        ];
      });
      let message = '';
      try {
        loadCountryProfile('bad-contact', dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('/institutions/0/contactPoints/0/email: not an address');
      expect(message).toContain('/institutions/0/contactPoints/0/phone: not a phone number');
    });

    it('refuses a profile that does not exist, or a name that is a path', () => {
      expect(() => loadConfig({ COUNTRY: 'atlantis' })).toThrow(
        'COUNTRY names no profile: config/countries/atlantis.json does not exist',
      );
      expect(() => loadConfig({ COUNTRY: '../secrets' })).toThrow(
        'COUNTRY must be the name of a profile in config/countries',
      );
    });
  });
});
