import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { StaffPrincipal } from '../domain/staff-principal';
import { AuthenticationRequiredError } from '../exceptions/identity.errors';
import './staff-request';

/** The signed-in staff member of a `@StaffAccess(...)` route. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const staff = context.switchToHttp().getRequest<FastifyRequest>().staff;
    // Only reachable on a route without @StaffAccess: a programming error, answered safely.
    if (!staff) throw new AuthenticationRequiredError();
    return staff;
  },
);
