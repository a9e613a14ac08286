import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MediatorPrincipal } from '../domain/staff-principal';
import { AuthenticationRequiredError } from '../exceptions/identity.errors';
import './staff-request';

/** The signed-in community mediator of a `@MediatorAccess()` route. */
export const CurrentMediator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MediatorPrincipal => {
    const mediator = context.switchToHttp().getRequest<FastifyRequest>().mediator;
    // Only reachable on a route without @MediatorAccess: a programming error, answered safely.
    if (!mediator) throw new AuthenticationRequiredError();
    return mediator;
  },
);
