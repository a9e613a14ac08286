import { ValidationError, getMetadataStorage } from 'class-validator';
import { FieldError } from './domain-error';
import { MessageParams, hasMessage } from '../i18n/message-catalog';

type ConstraintArgs = unknown[] | undefined;

/** Finds the arguments of a decorator (e.g. [20, 10000] for @Length(20, 10000)). */
function constraintArgs(
  target: object | undefined,
  property: string,
  name: string,
): ConstraintArgs {
  if (!target) return undefined;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  const match = metadata.find(
    (m) => m.propertyName === property && (m.name === name || m.type === name),
  );
  return match?.constraints;
}

function formatArg(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return Object.values(value).join(', ');
  return String(value);
}

/** Flattens class-validator's tree into one error per field and rule, with message keys. */
export function toFieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const name of Object.keys(error.constraints ?? {})) {
      const args = constraintArgs(error.target, error.property, name);
      const params: MessageParams = {};
      (args ?? []).forEach((value, index) => {
        if (value !== undefined && typeof value !== 'function')
          params[String(index)] = formatArg(value);
      });
      const key = `validation.${name}`;
      result.push({
        field,
        code: name,
        messageKey: hasMessage(key) ? key : 'validation.unknown',
        params,
      });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}
