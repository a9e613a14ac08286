import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { FastifyRequest } from 'fastify';
import { readForm } from './read-form';

/**
 * The posted form as its form class (validated by `readForm`): a refusal is thrown before the
 * handler runs, and the page's form shows it (the global pipe does not touch custom values).
 */
export const FormBody = createParamDecorator(
  (type: ClassConstructor<object>, context: ExecutionContext) =>
    readForm(type, context.switchToHttp().getRequest<FastifyRequest>().body),
);
