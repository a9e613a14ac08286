import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/multipart';
import type { IncomingPart } from '../services/evidence-upload.reader';

/**
 * The client for rate limits: a hash of its address (behind a proxy, TRUST_PROXY makes it the
 * real one), so Redis never holds addresses.
 */
export function clientKey(request: FastifyRequest): string {
  return createHash('sha256')
    .update(request.ip ?? 'unknown')
    .digest('hex')
    .slice(0, 32);
}

/** The parts of a multipart request, as the upload reader reads them. */
export function multipartParts(request: FastifyRequest): AsyncIterable<IncomingPart> {
  return request.parts() as AsyncIterable<IncomingPart>;
}

export const FOLLOW_UP_COOKIE = 'pmd_follow_up';
const FOLLOW_UP_PATH = '/follow-up';

export function followUpToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies?.[FOLLOW_UP_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** A session cookie (no expiry: the browser forgets it when closed; the server ends it sooner). */
export function setFollowUpCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(FOLLOW_UP_COOKIE, token, {
    path: FOLLOW_UP_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    signed: true,
  });
}

export function clearFollowUpCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(FOLLOW_UP_COOKIE, {
    path: FOLLOW_UP_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
  });
}
