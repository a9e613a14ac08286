import { ValidateBy, ValidationOptions } from 'class-validator';
import type { FieldError } from '../errors/domain-error';
import { minimumLetters, textLengthProblem } from './text-length';

/**
 * A free text of `min` to `max` characters, measured as `textLengthProblem` does (letters
 * and digits for the minimum, code points for the maximum). Two rules, so each failure gets
 * its own message: `isLength` ("from {0} to {1} characters") and `hasLetters` ("at least {0}
 * letters or digits"), the latter only once the text is long enough to be judged.
 */
export function TextLength(
  min: number,
  max: number,
  options?: ValidationOptions,
): PropertyDecorator {
  const length = ValidateBy(
    {
      // Named like class-validator's rule so it shares the translated message.
      name: 'isLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const problem = textLengthProblem(value, min, max);
          return problem === undefined || problem === 'tooFewLetters';
        },
      },
    },
    options,
  );
  const letters = ValidateBy(
    {
      name: 'hasLetters',
      constraints: [minimumLetters(min)],
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || textLengthProblem(value, min, max) !== 'tooFewLetters',
      },
    },
    options,
  );
  return (target: object, property: string | symbol) => {
    length(target, property);
    letters(target, property);
  };
}

/** The same rule for a text checked by hand (forms read without a DTO): its field errors. */
export function textLengthErrors(
  field: string,
  text: string,
  min: number,
  max: number,
): FieldError[] {
  const problem = textLengthProblem(text, min, max);
  if (problem === undefined) return [];
  if (problem === 'tooFewLetters') {
    return [
      {
        field,
        code: 'hasLetters',
        messageKey: 'validation.hasLetters',
        params: { 0: minimumLetters(min) },
      },
    ];
  }
  return [
    { field, code: 'isLength', messageKey: 'validation.isLength', params: { 0: min, 1: max } },
  ];
}
