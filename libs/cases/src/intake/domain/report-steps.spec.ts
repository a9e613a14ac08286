import { plainReportErrors } from '../services/report-errors';
import {
  ANSWER_FIELDS,
  CONTACT_FIELDS,
  REPORT_STEPS,
  STEP_FIELDS,
  nextStep,
  previousStep,
  progress,
  stepOf,
} from './report-steps';

const anonymous = { anonymous: ['yes'] };
const contacted = { anonymous: ['no'] };

describe('the report steps', () => {
  it('lead through the contact details only for a reporter who wants to be contacted', () => {
    expect(nextStep('contact', anonymous)).toBe('evidence');
    expect(nextStep('contact', contacted)).toBe('details');
    expect(nextStep('details', contacted)).toBe('evidence');
    expect(previousStep('evidence', anonymous)).toBe('contact');
    expect(previousStep('evidence', contacted)).toBe('details');
    // No answer yet: the contact step comes back, never the details.
    expect(previousStep('evidence', {})).toBe('contact');
  });

  it('go forwards and back in order, and stop at both ends', () => {
    expect(nextStep('what', {})).toBe('where');
    expect(nextStep('evidence', {})).toBe('check');
    expect(nextStep('check', {})).toBe('check');
    expect(previousStep('where', {})).toBe('what');
    expect(previousStep('what', {})).toBe('what');
  });

  it('count seven steps, the contact details within the fifth', () => {
    expect(progress('what')).toEqual({ number: 1, of: 7 });
    expect(progress('contact')).toEqual({ number: 5, of: 7 });
    expect(progress('details')).toEqual({ number: 5, of: 7 });
    expect(progress('check')).toEqual({ number: 7, of: 7 });
  });

  it('ask each question on one page only', () => {
    const all = REPORT_STEPS.flatMap((step) => STEP_FIELDS[step]);
    expect(new Set(all).size).toBe(all.length);
    expect(stepOf('primaryArea')).toBe('where');
    expect(stepOf('contactPhone')).toBe('details');
    expect(ANSWER_FIELDS).not.toContain('evidence');
    expect(CONTACT_FIELDS).toEqual([
      'contactName',
      'contactEmail',
      'contactPhone',
      'consentToContact',
      'consentToShareIdentity',
    ]);
  });
});

describe('the report form messages', () => {
  const order = ['description', 'municipality', 'incidentDate', 'primaryArea', 'grounds'];
  const rule = (field: string, code: string) => ({
    field,
    messageKey: `validation.${code}`,
    message: `${field} ${code}`,
  });

  it('say what to do, one per question, in the order of the page', () => {
    const errors = plainReportErrors(
      [
        rule('grounds', 'arrayMinSize'),
        rule('incidentDate', 'isDateNotInFuture'),
        rule('description', 'isLength'),
        rule('description', 'hasLetters'),
        rule('municipality', 'isDefined'),
      ],
      { description: ['short'] },
      'en',
      order,
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['description', 'Tell us what happened, in at least 20 letters'],
      ['municipality', 'Choose the municipality where it happened'],
      ['incidentDate', 'The date it happened cannot be in the future'],
      ['grounds', 'Choose at least one kind of treatment'],
    ]);
  });

  it('name the limit of a description too long, and keep a message that is not a rule', () => {
    const errors = plainReportErrors(
      [
        rule('description', 'isLength'),
        { field: 'evidence', messageKey: 'error.evidence_too_many_files', message: 'Too many' },
      ],
      { description: ['x'.repeat(10_001)] },
      'sr',
      order,
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Opišite šta se dogodilo sa najviše 10000 slova',
      'Too many',
    ]);
  });

  it('are written in Romani', () => {
    const [error] = plainReportErrors([rule('community', 'isDefined')], {}, 'rom', order);
    expect(error.message).toBe('Alosar tiri komuniteti');
  });
});
