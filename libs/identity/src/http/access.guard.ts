import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_RULE, AccessRule, CsrfService, ForbiddenError, csrfTokenInQuery } from '@app/core';
import { AuthenticationRequiredError } from '../exceptions/identity.errors';
import { safeNextPath } from '../domain/safe-next';
import { StaffOfRequest } from '../services/staff-of-request.service';
import './staff-request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: every route must declare who may call it, or it is refused (secure by
 * default). Staff routes need a fully signed-in session with an allowed role, and for
 * state-changing methods a CSRF token (the cookie alone proves nothing: a browser sends it).
 * Which case or record the caller may touch is the services' decision.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly staffOfRequest: StaffOfRequest,
    private readonly csrf: CsrfService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.warn({
        msg: 'route without an access rule refused',
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
      });
      throw new ForbiddenError('forbidden');
    }
    if (rule.kind !== 'staff') return true;

    const principal = await this.staffOfRequest.find(request);
    if (!principal) {
      const next = request.method === 'GET' ? safeNextPath(request.url) : undefined;
      throw new AuthenticationRequiredError(next);
    }
    if (!rule.roles.includes(principal.role)) throw new ForbiddenError('forbidden');
    if (SAFE_METHODS.has(request.method)) return true;
    const allowQuery = csrfTokenInQuery(this.reflector, context);
    if (!this.csrf.verify(request, { allowQuery })) throw new ForbiddenError('csrf_invalid');
    return true;
  }
}
