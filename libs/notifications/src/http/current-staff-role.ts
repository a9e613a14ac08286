import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, type StaffRole } from '@app/core';

/**
 * The role of the signed-in staff member of a `@StaffAccess(...)` route, as the identity lib's
 * access guard set it on the request (this lib does not depend on identity).
 */
export const CurrentStaffRole = createParamDecorator(
  (_data: unknown, context: ExecutionContext): { role: StaffRole } => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const staff = (request as FastifyRequest & { staff?: { role: StaffRole } }).staff;
    // Only reachable on a route without @StaffAccess: a programming error, answered safely.
    if (!staff) throw new ForbiddenError();
    return { role: staff.role };
  },
);
