import { nameIn, toSerbianCyrillic } from './serbian-cyrillic';

describe('toSerbianCyrillic', () => {
  it('writes every Latin letter of Serbian as its Cyrillic letter, keeping the case', () => {
    expect(toSerbianCyrillic('abcčćdđefghijklmnoprsštuvzž')).toBe('абцчћдђефгхијклмнопрсштувзж');
    expect(toSerbianCyrillic('Čačak, Šid, Žabalj, Đakovica, Ćuprija')).toBe(
      'Чачак, Шид, Жабаљ, Ђаковица, Ћуприја',
    );
    expect(toSerbianCyrillic('OPŠTINA')).toBe('ОПШТИНА');
  });

  it('writes lj, nj and dž as one letter in every case', () => {
    expect(toSerbianCyrillic('ljudi, konj, džep')).toBe('људи, коњ, џеп');
    expect(toSerbianCyrillic('Ljubljana, Njegoš, Džakovo')).toBe('Љубљана, Његош, Џаково');
    expect(toSerbianCyrillic('LJUBAV NJIVA DŽEP')).toBe('ЉУБАВ ЊИВА ЏЕП');
    expect(toSerbianCyrillic('Zapošljavanje i upućivanje')).toBe('Запошљавање и упућивање');
  });

  it('keeps the two letters of words where they meet across a prefix or a foreign root', () => {
    expect(toSerbianCyrillic('nadživeti, odžaliti, injekcija, konjunkcija')).toBe(
      'надживети, оджалити, инјекција, конјункција',
    );
    expect(toSerbianCyrillic('Nadživeti')).toBe('Надживети');
  });

  it('keeps placeholders exactly', () => {
    expect(toSerbianCyrillic('Slučaj {reference} je poslat {date}.')).toBe(
      'Случај {reference} је послат {date}.',
    );
    expect(toSerbianCyrillic('Do {files} fajlova, svaki do {fileMb} MB.')).toBe(
      'До {files} фајлова, сваки до {fileMb} MB.',
    );
  });

  it('keeps case references, abbreviations, URLs and e-mail addresses in Latin letters', () => {
    expect(toSerbianCyrillic('Na primer PMD-2026-00042.')).toBe('На пример PMD-2026-00042.');
    expect(toSerbianCyrillic('Preuzmite PDF ili CSV (JSON, UUID).')).toBe(
      'Преузмите PDF или CSV (JSON, UUID).',
    );
    expect(toSerbianCyrillic('Unesite punu adresu (https://…).')).toBe(
      'Унесите пуну адресу (https://…).',
    );
    expect(toSerbianCyrillic('Pišite na https://example.org/prijava?lang=sr, pa nazad.')).toBe(
      'Пишите на https://example.org/prijava?lang=sr, па назад.',
    );
    expect(toSerbianCyrillic('Kontakt: ana.jovic@opstina-gracanica.org.')).toBe(
      'Контакт: ana.jovic@opstina-gracanica.org.',
    );
  });

  it('keeps HTML entities and tags as written', () => {
    expect(toSerbianCyrillic('Rok&nbsp;&amp; datum &#8211; <strong>sada</strong>')).toBe(
      'Рок&nbsp;&amp; датум &#8211; <strong>сада</strong>',
    );
  });

  it('keeps foreign names and program words in Latin letters', () => {
    expect(toSerbianCyrillic('Word, Excel ili LibreOffice dokumenti')).toBe(
      'Word, Excel или LibreOffice документи',
    );
    expect(toSerbianCyrillic('Mora biti da ili ne (true/false).')).toBe(
      'Мора бити да или не (true/false).',
    );
    expect(toSerbianCyrillic('Dozvoljeni koraci su u allowedTransitions.')).toBe(
      'Дозвољени кораци су у allowedTransitions.',
    );
  });

  it('writes a date format hint in Cyrillic letters', () => {
    expect(toSerbianCyrillic('Mora biti datum GGGG-MM-DD.')).toBe('Мора бити датум ГГГГ-ММ-ДД.');
  });
});

describe('nameIn', () => {
  const names = { sq: 'Deçan', sr: 'Dečane', rom: 'Dečani' };

  it('gives the name in the language, and in Serbian Cyrillic the Serbian one transliterated', () => {
    expect(nameIn(names, 'rom')).toBe('Dečani');
    expect(nameIn(names, 'sr')).toBe('Dečane');
    expect(nameIn(names, 'sr-Cyrl')).toBe('Дечане');
  });

  it('falls back to the given language as written, never transliterating another language', () => {
    expect(nameIn(names, 'en')).toBeUndefined();
    expect(nameIn(names, 'en', 'sq')).toBe('Deçan');
    expect(nameIn({ sq: 'Deçan' }, 'sr-Cyrl')).toBeUndefined();
    expect(nameIn({ sq: 'Deçan' }, 'sr-Cyrl', 'sq')).toBe('Deçan');
  });
});
