import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The Fastify route config key that marks public reference data. */
export const PUBLIC_REFERENCE_DATA = 'publicReferenceData';

/**
 * Marks an API route whose answer is the same public reference data for everyone (taxonomy,
 * published statistics): the one exception to `Cache-Control: no-store` under /api/v1.
 */
export const PublicReferenceData = (): MethodDecorator =>
  RouteConfig({ [PUBLIC_REFERENCE_DATA]: true });

/** API answers and staff pages: session, CSRF token, case data, audit and staff lists. */
const PRIVATE_PATHS = /^\/(api\/v1|staff)(\/|\?|$)/;

/**
 * Fastify `onSend` hook: every answer under /api/v1 and /staff, errors and redirects included,
 * is `no-store` unless its route is marked as public reference data. Browsers and proxies then
 * keep no copy a later user of the same device or proxy could read.
 */
export async function noStoreUnlessPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (!PRIVATE_PATHS.test(request.url)) return payload;
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  if (config?.[PUBLIC_REFERENCE_DATA] !== true) reply.header('cache-control', 'no-store');
  return payload;
}
