import { ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from './domain-error';
import { toFieldErrors } from './validation-errors';

/**
 * The one validation pipe: unknown fields are refused, every field's errors are collected,
 * and values are never copied into the error (they may be personal data).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
