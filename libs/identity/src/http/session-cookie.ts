import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@app/core';

export const SESSION_COOKIE = 'pmd_session';

/**
 * The staff session cookie: httpOnly (no script reads it), SameSite=Strict (no other site
 * sends it), Secure in production. No Max-Age: it goes with the browser; the server decides
 * when the session ends.
 */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[SESSION_COOKIE] || undefined;
  }

  set(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.app.nodeEnv === 'production',
    });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.app.nodeEnv === 'production',
    });
  }
}
