import { auditDetailsText } from './audit-labels';

describe('auditDetailsText', () => {
  const NAMES: Record<string, string> = {
    'institution:ombudsperson': 'Ombudsperson Institution',
    'municipality:prizren': 'Prizren',
  };
  const names = (kind: string, code: string) => NAMES[`${kind}:${code}`];

  it('names a directory change in words: institution, municipality, source, fields', () => {
    expect(
      auditDetailsText(
        {
          key: 'ombudsperson.prizren.1',
          institutionCode: 'ombudsperson',
          municipalityCode: 'prizren',
          source: 'import',
          changed: 'email,activeTo',
        },
        'en',
        names,
      ),
    ).toBe(
      'Key: ombudsperson.prizren.1, Institution: Ombudsperson Institution, Municipality: Prizren, Source: CSV import, Changed: e-mail; active to',
    );
  });

  it('leaves out an empty municipality and keeps a code the reference data does not know', () => {
    expect(
      auditDetailsText(
        { institutionCode: 'gone', municipalityCode: null, source: 'cli' },
        'sr',
        names,
      ),
    ).toBe('Institucija: gone, Izvor: komandna linija');
  });
});
