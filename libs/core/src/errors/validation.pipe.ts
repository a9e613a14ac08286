import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from './domain-error';
import { toFieldErrors } from './validation-errors';

/**
 * Path parameters that break their rules (`@Param() params: MeetingIdParams` with a malformed
 * id) name nothing: they are answered 404, like an id that does not exist (see `ParseIdPipe`).
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (error) {
      if (metadata.type === 'param' && error instanceof ValidationFailedError) {
        throw new NotFoundError('not_found');
      }
      throw error;
    }
  }
}

/**
 * The one validation pipe: unknown fields are refused, every field's errors are collected,
 * and values are never copied into the error (they may be personal data).
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
