import { createHash } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import Tokens from '@fastify/csrf';
// Brings the cookie plugin's request/reply typings into every app that compiles this file.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ForbiddenError } from '../errors/domain-error';
import { CookieNames, cookieNames, hostOnlyCookies, rememberCookie } from './cookie-names';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_IN_QUERY = 'csrfTokenInQuery';

/**
 * Marks a multipart form route: its body is read by the handler, after the guards, so its
 * token comes as `?_csrf=` in the form's action. Every other route takes it from the `_csrf`
 * field or the `x-csrf-token` header only (a token in a URL ends up in logs and histories).
 */
export const CsrfTokenInQuery = (): MethodDecorator & ClassDecorator =>
  SetMetadata(CSRF_IN_QUERY, true);

/** Whether the route of this context takes the token from the query string. */
export function csrfTokenInQuery(reflector: Reflector, context: ExecutionContext): boolean {
  return (
    reflector.getAllAndOverride<boolean | undefined>(CSRF_IN_QUERY, [
      context.getHandler(),
      context.getClass(),
    ]) === true
  );
}

const tokens = new Tokens({ userInfo: true });

/**
 * CSRF protection for state-changing forms and cookie-authenticated API calls: a secret in a
 * signed, httpOnly, SameSite=Strict cookie, and a token derived from it in each form (`_csrf`
 * field or `x-csrf-token` header; `?_csrf=` on multipart routes marked `@CsrfTokenInQuery`).
 * Each token is bound to the sessions the browser holds when it is made (staff session and
 * follow-up session cookies): a token made before sign-in, or an anonymous visitor's pair,
 * is worth nothing with a session.
 */
@Injectable()
export class CsrfService {
  private readonly names: CookieNames;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.names = cookieNames(config);
  }

  /** A token for a form on this page; creates the secret cookie on first use. */
  token(request: FastifyRequest, reply: FastifyReply): string {
    let secret = this.secretOf(request);
    if (!secret) {
      secret = tokens.secretSync();
      reply.setCookie(this.names.csrf, secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: hostOnlyCookies(this.config),
        signed: true,
      });
      // Later calls within the same request reuse this secret.
      rememberCookie(request, this.names.csrf, reply.signCookie(secret));
    }
    return tokens.create(secret, this.sessionsOf(request));
  }

  verify(request: FastifyRequest, options: { allowQuery: boolean }): boolean {
    const secret = this.secretOf(request);
    const body = request.body as Record<string, unknown> | undefined;
    const header = request.headers[CSRF_HEADER];
    const query = options.allowQuery
      ? (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD]
      : undefined;
    const token = [body?.[CSRF_FIELD], header, query].find(
      (v): v is string => typeof v === 'string' && v.length > 0,
    );
    return Boolean(secret && token && tokens.verify(secret, token, this.sessionsOf(request)));
  }

  private secretOf(request: FastifyRequest): string | undefined {
    const raw = request.cookies?.[this.names.csrf];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }

  /** What binds a token to the sessions of this browser: a digest of their cookies. */
  private sessionsOf(request: FastifyRequest): string {
    const staff = request.cookies?.[this.names.staffSession] ?? '';
    const followUp = request.cookies?.[this.names.followUp] ?? '';
    return createHash('sha256').update(`${staff}\n${followUp}`).digest('base64url');
  }
}

/** Refuses a state-changing request without a valid CSRF token (403 `csrf_invalid`). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly csrf: CsrfService,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const allowQuery = csrfTokenInQuery(this.reflector, context);
    if (!this.csrf.verify(request, { allowQuery })) throw new ForbiddenError('csrf_invalid');
    return true;
  }
}
