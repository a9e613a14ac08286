import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, cookieNames, hostOnlyCookies, rememberCookie } from '@app/core';

/**
 * The staff session cookie: httpOnly (no script reads it), SameSite=Strict (no other site
 * sends it), Secure and `__Host-` named in production. No Max-Age: it goes with the browser;
 * the server decides when the session ends.
 */
@Injectable()
export class SessionCookie {
  /** `pmd_session`, or `__Host-pmd_session` in production. */
  readonly name: string;
  private readonly options: { path: string; httpOnly: true; sameSite: 'strict'; secure: boolean };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.name = cookieNames(config).staffSession;
    this.options = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: hostOnlyCookies(config),
    };
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.name] || undefined;
  }

  set(reply: FastifyReply, token: string): void {
    reply.setCookie(this.name, token, this.options);
    // A CSRF token made later in this request belongs to the new session.
    rememberCookie(reply.request, this.name, token);
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, this.options);
    rememberCookie(reply.request, this.name, null);
  }
}
