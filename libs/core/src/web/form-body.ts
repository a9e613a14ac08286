import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { FastifyRequest } from 'fastify';
import { ReadFormOptions, readForm } from './read-form';

const FormBodyParam = createParamDecorator(
  (form: { type: ClassConstructor<object>; options: ReadFormOptions }, context: ExecutionContext) =>
    readForm(form.type, context.switchToHttp().getRequest<FastifyRequest>().body, form.options),
);

/**
 * The posted form as its form class (validated by `readForm`): a refusal is thrown before the
 * handler runs, and the page's form shows it (the global pipe does not touch custom values).
 */
export function FormBody(
  type: ClassConstructor<object>,
  options: ReadFormOptions = {},
): ParameterDecorator {
  return FormBodyParam({ type, options });
}
