import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { defaultLocale, isOfferedLocale, isPageRequest } from '@app/core';
import { AccountPrincipal } from '../domain/staff-principal';
import { SessionCookie } from '../http/session-cookie';
import { StaffSessions } from './staff-sessions.service';
import '../http/staff-request';

/**
 * Who is signed in on a request, and in which language they read the back office. The access
 * guard asks it on staff routes; the error page asks it too, so a 403 or 404 under /staff
 * (also of a path no route answers, where no guard ran) keeps the staff frame.
 */
@Injectable()
export class StaffOfRequest {
  constructor(
    private readonly sessions: StaffSessions,
    private readonly cookie: SessionCookie,
  ) {}

  /**
   * The signed-in staff member (`request.staff`) or mediator (`request.mediator`), attached to
   * the request with their language; or null.
   */
  async find(request: FastifyRequest): Promise<AccountPrincipal | null> {
    if (request.staff) return request.staff;
    if (request.mediator) return request.mediator;
    let principal = await this.sessions.authenticate(this.cookie.read(request));
    if (!principal) return null;
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (!isOfferedLocale(asked)) {
      // Staff read the back office in their own language unless they ask for another (one the
      // installation offers; else its default language).
      request.locale = isOfferedLocale(principal.locale) ? principal.locale : defaultLocale();
    } else if (asked !== principal.locale && isPageRequest(request)) {
      // A language chosen with the switcher on a page stays: it becomes the account's.
      await this.sessions.rememberLocale(principal.id, asked);
      principal = { ...principal, locale: asked };
    }
    if (principal.role === 'mediator') request.mediator = principal;
    else request.staff = principal;
    return principal;
  }

  /** Whether a page path belongs to the back office (its frame, its language). */
  static isStaffPath(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0];
    return path === '/staff' || path.startsWith('/staff/');
  }
}
