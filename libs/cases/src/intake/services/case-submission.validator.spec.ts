import { FieldError, ValidationFailedError } from '@app/core';
import { TAXONOMY_KINDS, TAXONOMY_SEED, TaxonomySnapshot } from '@app/taxonomy';
import { validateCaseSubmission } from './case-submission.validator';

const knownCodes = new TaxonomySnapshot(
  TAXONOMY_KINDS.flatMap((kind) =>
    TAXONOMY_SEED[kind].map((item, index) => ({
      kind,
      code: item.code,
      labels: item.labels,
      description: item.description ?? null,
      sortOrder: index,
      active: true,
    })),
  ),
);
const rules = { knownCodes, today: '2026-03-10' };

/** A valid anonymous report; each test changes what it is about. */
function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    community: 'roma',
    primaryArea: 'education',
    grounds: ['discrimination', 'bullying'],
    municipality: 'prizren',
    incidentDate: '2026-03-01',
    description: 'The school refused to enrol my son because we are Roma.',
    perpetratorKind: 'school',
    reporterRole: 'on_behalf_of_victim',
    anonymous: true,
    ...overrides,
  };
}

async function fieldErrors(body: unknown): Promise<FieldError[]> {
  try {
    await validateCaseSubmission(body, rules);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return [...(error as ValidationFailedError).fieldErrors];
  }
  throw new Error('expected the report to be refused');
}

async function codesByField(body: unknown): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const e of await fieldErrors(body)) (result[e.field] ??= []).push(e.code);
  return result;
}

describe('validateCaseSubmission', () => {
  it('accepts an anonymous report and fills the optional answers with null', async () => {
    await expect(validateCaseSubmission(report(), rules)).resolves.toEqual({
      community: 'roma',
      primaryArea: 'education',
      grounds: ['discrimination', 'bullying'],
      municipality: 'prizren',
      incidentDate: '2026-03-01',
      description: 'The school refused to enrol my son because we are Roma.',
      perpetratorKind: 'school',
      reporterRole: 'on_behalf_of_victim',
      gender: null,
      ageGroup: null,
      preferredLanguage: null,
      anonymous: true,
      contact: null,
      consentToContact: false,
      consentToShareIdentity: false,
      helper: null,
    });
  });

  it('accepts an identified report with contact details, consents and a helper', async () => {
    const submission = await validateCaseSubmission(
      report({
        anonymous: false,
        contact: { name: ' Ana Berisha ', email: 'ana@example.org', phone: '+383 44 123 456' },
        consentToContact: true,
        consentToShareIdentity: true,
        helper: { kind: 'mediator', name: 'Community mediator of Prizren' },
        gender: 'female',
        ageGroup: '30_44',
        preferredLanguage: 'rom',
      }),
      rules,
    );
    expect(submission).toMatchObject({
      contact: { name: 'Ana Berisha', email: 'ana@example.org', phone: '+383 44 123 456' },
      consentToContact: true,
      consentToShareIdentity: true,
      helper: { kind: 'mediator', name: 'Community mediator of Prizren' },
      gender: 'female',
      ageGroup: '30_44',
      preferredLanguage: 'rom',
    });
  });

  it('lists every missing required field once, as required', async () => {
    expect(await codesByField({ anonymous: true })).toEqual({
      community: ['isDefined'],
      primaryArea: ['isDefined'],
      grounds: ['isDefined'],
      municipality: ['isDefined'],
      incidentDate: ['isDefined'],
      description: ['isDefined'],
      perpetratorKind: ['isDefined'],
    });
    expect(await codesByField(report({ anonymous: undefined }))).toEqual({
      anonymous: ['isDefined'],
    });
  });

  it('refuses a description shorter than 20 or longer than 10,000 characters, counted as characters', async () => {
    expect(await codesByField(report({ description: 'too short' }))).toEqual({
      description: ['isLength'],
    });
    expect(await codesByField(report({ description: `   ${'a'.repeat(19)}   ` }))).toEqual({
      description: ['isLength'],
    });
    expect(await codesByField(report({ description: 'x'.repeat(10_001) }))).toEqual({
      description: ['isLength'],
    });
    // Ten emoji are 20 UTF-16 units but 10 characters for PostgreSQL.
    expect(await codesByField(report({ description: '😀'.repeat(10) }))).toEqual({
      description: ['isLength'],
    });
    await expect(
      validateCaseSubmission(report({ description: 'ë'.repeat(10_000) }), rules),
    ).resolves.toBeDefined();
  });

  it('refuses codes that are not in the reference data, naming the wrong ground', async () => {
    expect(
      await codesByField(
        report({
          community: 'martians',
          primaryArea: 'prizren',
          municipality: 'belgrade',
          perpetratorKind: 'aliens',
          reporterRole: 'judge',
          gender: 'x',
          ageGroup: '200',
          grounds: ['racism', 'nope'],
        }),
      ),
    ).toEqual({
      community: ['isKnownCode'],
      primaryArea: ['isKnownCode'],
      municipality: ['isKnownCode'],
      perpetratorKind: ['isKnownCode'],
      reporterRole: ['isKnownCode'],
      gender: ['isKnownCode'],
      ageGroup: ['isKnownCode'],
      'grounds.1': ['isKnownCode'],
    });
  });

  it('needs at least one ground, no repeats, at most eight', async () => {
    expect(await codesByField(report({ grounds: [] }))).toEqual({ grounds: ['arrayMinSize'] });
    expect(await codesByField(report({ grounds: ['racism', 'racism'] }))).toEqual({
      grounds: ['arrayUnique'],
    });
    expect(await codesByField(report({ grounds: 'racism' }))).toMatchObject({
      grounds: expect.arrayContaining(['isArray']),
    });
  });

  it('refuses an incident date in the future or that does not exist', async () => {
    expect(await codesByField(report({ incidentDate: '2026-03-11' }))).toEqual({
      incidentDate: ['isDateNotInFuture'],
    });
    await expect(
      validateCaseSubmission(report({ incidentDate: '2026-03-10' }), rules),
    ).resolves.toBeDefined();
    for (const bad of ['2026-02-30', '10.03.2026', '2026-03-01T10:00:00Z', 20260301]) {
      expect(await codesByField(report({ incidentDate: bad }))).toEqual({
        incidentDate: ['isISO8601'],
      });
    }
  });

  it('refuses unknown fields, also inside the contact details', async () => {
    expect(await codesByField(report({ isAdmin: true }))).toEqual({
      isAdmin: ['whitelistValidation'],
    });
    expect(
      await codesByField(
        report({ anonymous: false, contact: { email: 'a@b.org', address: 'Main street 1' } }),
      ),
    ).toEqual({ 'contact.address': ['whitelistValidation'] });
  });

  it('keeps anonymous reports free of contact details and consents', async () => {
    expect(
      await codesByField(
        report({
          contact: { email: 'a@b.org' },
          consentToContact: true,
          consentToShareIdentity: true,
        }),
      ),
    ).toEqual({
      contact: ['notWithAnonymous'],
      consentToContact: ['notWithAnonymous'],
      consentToShareIdentity: ['notWithAnonymous'],
    });
  });

  it('needs a contact detail from an identified reporter, and an email or phone to be contacted', async () => {
    expect(await codesByField(report({ anonymous: false }))).toEqual({
      contact: ['contactRequired'],
    });
    expect(await codesByField(report({ anonymous: false, contact: { name: '  ' } }))).toEqual({
      'contact.name': ['isLength'],
    });
    expect(
      await codesByField(
        report({ anonymous: false, contact: { name: 'Ana' }, consentToContact: true }),
      ),
    ).toEqual({ contact: ['contactMeansRequired'] });
  });

  it('checks the email, phone, booleans, language and helper', async () => {
    expect(
      await codesByField(
        report({
          anonymous: 'yes',
          preferredLanguage: 'de',
          helper: { kind: 'lawyer', name: '' },
        }),
      ),
    ).toEqual({
      anonymous: ['isBoolean'],
      preferredLanguage: ['isIn'],
      'helper.kind': ['isIn'],
      'helper.name': ['isLength'],
    });
    expect(
      await codesByField(
        report({ anonymous: false, contact: { email: 'not-an-email', phone: 'call me' } }),
      ),
    ).toEqual({ 'contact.email': ['isEmail'], 'contact.phone': ['isPhone'] });
  });

  it('refuses a body that is not an object', async () => {
    for (const body of [null, [], 'text', 42]) {
      await expect(validateCaseSubmission(body, rules)).rejects.toMatchObject({
        code: 'malformed_body',
        status: 400,
      });
    }
  });
});
