import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import Tokens from '@fastify/csrf';
// Brings the cookie plugin's request/reply typings into every app that compiles this file.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ForbiddenError } from '../errors/domain-error';

export const CSRF_COOKIE = 'pmd_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const tokens = new Tokens({ userInfo: false });

/**
 * CSRF protection for state-changing forms and cookie-authenticated API calls: a secret in a
 * signed, httpOnly, SameSite=Strict cookie, and a token derived from it in each form
 * (`_csrf` field, or the `x-csrf-token` header, or `?_csrf=` for multipart forms whose body
 * is read after the guard).
 */
@Injectable()
export class CsrfService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A token for a form on this page; creates the secret cookie on first use. */
  token(request: FastifyRequest, reply: FastifyReply): string {
    let secret = this.secretOf(request);
    if (!secret) {
      secret = tokens.secretSync();
      reply.setCookie(CSRF_COOKIE, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.app.nodeEnv === 'production',
        signed: true,
      });
      // Later calls within the same request reuse this secret.
      (request.cookies as Record<string, string>)[CSRF_COOKIE] = reply.signCookie(secret);
    }
    return tokens.create(secret);
  }

  verify(request: FastifyRequest): boolean {
    const secret = this.secretOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query as Record<string, unknown> | undefined;
    const header = request.headers[CSRF_HEADER];
    const token = [body?.[CSRF_FIELD], header, query?.[CSRF_FIELD]].find(
      (v): v is string => typeof v === 'string' && v.length > 0,
    );
    return Boolean(secret && token && tokens.verify(secret, token));
  }

  private secretOf(request: FastifyRequest): string | undefined {
    const raw = request.cookies?.[CSRF_COOKIE];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }
}

/** Refuses a state-changing request without a valid CSRF token (403 `csrf_invalid`). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly csrf: CsrfService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!this.csrf.verify(request)) throw new ForbiddenError('csrf_invalid');
    return true;
  }
}
