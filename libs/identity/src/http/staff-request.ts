import type { FastifyRequest } from 'fastify';
import type { MediatorPrincipal, StaffPrincipal } from '../domain/staff-principal';
import type { RequestMeta } from '../services/staff-sessions.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by the access guard on staff routes. */
    staff?: StaffPrincipal;
    /** The signed-in community mediator, set instead of `staff` for a mediator's session. */
    mediator?: MediatorPrincipal;
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}
