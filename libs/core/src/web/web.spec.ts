import { ConflictError, TooManyRequestsError, ValidationFailedError } from '../errors/domain-error';
import { fieldMessages, formProblem } from './form-problem';
import { allValues, firstValues, formValues, pathEnd, readForm } from './read-form';
import { IsDefined, IsString, MaxLength } from 'class-validator';

class NameForm {
  @IsDefined()
  @IsString()
  @MaxLength(5)
  name!: string;
}

describe('formProblem', () => {
  it('puts field messages beside their fields, in the page language', () => {
    const error = new ValidationFailedError([
      { field: 'contact.email', code: 'isEmail', messageKey: 'validation.isEmail' },
    ]);
    const problem = formProblem(error, 'en', { field: (f) => f.replace('contact.', 'contact_') });
    expect(problem.status).toBe(400);
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].field).toBe('contact_email');
    expect(problem.invalid.contact_email).toHaveLength(1);
    expect(fieldMessages(problem).contact_email[0]).toBe(problem.errors[0].message);
  });

  it('makes a refusal without fields one message, beside the default field if given', () => {
    const problem = formProblem(new ConflictError('case_closed'), 'sq', { defaultField: 'form' });
    expect(problem.status).toBe(409);
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'form', messageKey: 'error.case_closed' }),
    ]);
  });

  it('keeps the Retry-After of a rate limit', () => {
    expect(formProblem(new TooManyRequestsError(42), 'en').retryAfterSeconds).toBe(42);
  });

  it('lets anything that is not a domain error through, as the bug it is', () => {
    const bug = new TypeError('boom');
    expect(() => formProblem(bug, 'en')).toThrow(bug);
  });
});

describe('readForm', () => {
  it('reads a form into its class, empty fields as absent, the CSRF token left out', () => {
    expect(readForm(NameForm, { name: 'Ana', _csrf: 't' })).toEqual({ name: 'Ana' });
    expect(() => readForm(NameForm, { name: '  ' })).toThrow(ValidationFailedError);
  });

  it('refuses unknown fields unless told to ignore them', () => {
    expect(() => readForm(NameForm, { name: 'Ana', role: 'x' })).toThrow(ValidationFailedError);
    expect(readForm(NameForm, { name: 'Ana', role: 'x' }, { ignoreUnknown: true })).toEqual({
      name: 'Ana',
    });
  });
});

describe('form values', () => {
  const body = { _csrf: 't', to: 'closed', summary: ['a', '', 'c'] };

  it('fills a refused form in again: repeated fields as name.1, name.2', () => {
    expect(formValues(body)).toEqual({
      to: 'closed',
      summary: 'a',
      'summary.1': '',
      'summary.2': 'c',
    });
  });

  it('reads first and all values of a field', () => {
    expect(firstValues(body).summary).toBe('a');
    expect(allValues(body, 'summary')).toEqual(['a', '', 'c']);
    expect(allValues(body, 'missing')).toEqual([]);
  });

  it('names the path a handler of several paths was asked for', () => {
    expect(pathEnd({ url: '/follow-up/erase?lang=en' })).toBe('erase');
  });
});
