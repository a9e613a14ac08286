import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { IsEmail, IsIn, IsString, Length, ValidateNested, validateSync } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { classifyError } from './classify-error';
import { ConflictError, TooManyRequestsError } from './domain-error';
import { toFieldErrors } from './validation-errors';
import { IsOfferedLocale } from '../i18n/offered-locale.validator';
import { loadCountryProfile } from '../country/country-profile';
import { installationProfile, useInstallationProfile } from '../country/installation';
import { translate } from '../i18n/message-catalog';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

class Contact {
  @IsEmail()
  email!: string;
}

class Report {
  @IsString()
  @Length(20, 10000)
  description!: string;

  @IsIn(['roma', 'ashkali', 'egyptian', 'other'])
  community!: string;

  @ValidateNested()
  @Type(() => Contact)
  contact!: Contact;
}

describe('toFieldErrors', () => {
  it('lists every field error with its dotted path, rule and the rule values as parameters', () => {
    const report = plainToInstance(Report, {
      description: 'short',
      community: 'x',
      contact: { email: 'nope' },
    });
    const errors = toFieldErrors(validateSync(report));
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          field: 'description',
          code: 'isLength',
          messageKey: 'validation.isLength',
          params: { 0: '20', 1: '10000' },
        },
        expect.objectContaining({
          field: 'community',
          code: 'isIn',
          params: { 0: 'roma, ashkali, egyptian, other' },
        }),
        expect.objectContaining({ field: 'contact.email', code: 'isEmail' }),
      ]),
    );
  });
});

class Preferences {
  @IsOfferedLocale()
  language!: string;
}

describe('a language the installation does not offer', () => {
  const before = installationProfile();
  afterAll(() => useInstallationProfile(before));

  it.each([
    ['kosovo', 'de', 'sq, sr, sr-Cyrl, en, rom'],
    ['albania', 'sr', 'sq, rom, en'],
  ])('on %s, %s is refused naming the languages offered', (profile, language, offered) => {
    useInstallationProfile(loadCountryProfile(profile));
    const [error] = toFieldErrors(validateSync(plainToInstance(Preferences, { language })));
    expect(error).toEqual({
      field: 'language',
      code: 'isIn',
      messageKey: 'validation.isIn',
      params: { 0: offered },
    });
    expect(translate('en', error.messageKey, error.params)).toBe(
      `The value is not in the list. Allowed values: ${offered}.`,
    );
  });
});

describe('classifyError', () => {
  it('keeps the status and code of domain errors', () => {
    expect(classifyError(new ConflictError('stale_version'))).toMatchObject({
      status: 409,
      code: 'stale_version',
      unexpected: false,
    });
    expect(classifyError(new TooManyRequestsError(42))).toMatchObject({
      status: 429,
      retryAfterSeconds: 42,
    });
  });

  it('maps framework errors to stable codes', () => {
    expect(classifyError(new NotFoundException())).toMatchObject({
      status: 404,
      code: 'route_not_found',
    });
    expect(
      classifyError(
        new HttpException(
          "Body is not valid JSON but content-type is set to 'application/json'",
          400,
        ),
      ),
    ).toMatchObject({
      code: 'malformed_body',
    });
    expect(classifyError(new BadRequestException())).toMatchObject({
      status: 400,
      code: 'bad_request',
    });
    expect(
      classifyError(
        Object.assign(new Error('too big'), {
          code: 'FST_ERR_CTP_BODY_TOO_LARGE',
          statusCode: 413,
        }),
      ),
    ).toMatchObject({
      status: 413,
      code: 'body_too_large',
    });
  });

  it('answers 503 when the database connection is lost, 500 for anything else', () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(classifyError(lost)).toMatchObject({
      status: 503,
      code: 'service_unavailable',
      retryAfterSeconds: 5,
    });
    expect(classifyError(new Error('Connection terminated unexpectedly'))).toMatchObject({
      status: 503,
    });
    // A transaction whose connection was cut: TypeORM has released its query runner.
    expect(classifyError(new QueryRunnerAlreadyReleasedError())).toMatchObject({ status: 503 });
    expect(classifyError(new QueryRunnerProviderAlreadyReleasedError())).toMatchObject({
      status: 503,
    });
    // Text PostgreSQL cannot store (a NUL character) is the caller's error, not a crash.
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    expect(classifyError(nul)).toMatchObject({ status: 400, code: 'unsupported_characters' });
    expect(classifyError(new TypeError('x is undefined'))).toMatchObject({
      status: 500,
      code: 'internal',
      unexpected: true,
    });
  });

  it('answers 400 invalid_value to values PostgreSQL refuses, as a net behind the input rules', () => {
    for (const code of ['22P02', '22003', '22001', '22007', '22008', '2201W', '2201X', '54001']) {
      const refused = Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
        driverError: { code },
      });
      expect([code, classifyError(refused)]).toEqual([
        code,
        expect.objectContaining({
          status: 400,
          code: 'invalid_value',
          unexpected: false,
          refusedByDatabase: true,
        }),
      ]);
    }
    // Errors of the platform's own making stay 500.
    const undefinedColumn = Object.assign(new Error('column "x" does not exist'), {
      code: '42703',
    });
    expect(classifyError(undefinedColumn)).toMatchObject({ status: 500, unexpected: true });
  });
});
