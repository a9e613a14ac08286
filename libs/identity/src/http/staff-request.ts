import type { FastifyRequest } from 'fastify';
import type { StaffPrincipal } from '../domain/staff-principal';
import type { RequestMeta } from '../services/staff-sessions.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by the access guard on staff routes. */
    staff?: StaffPrincipal;
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null };
}
