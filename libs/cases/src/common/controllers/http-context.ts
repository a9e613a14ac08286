import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, cookieNames, hostOnlyCookies, rememberCookie, uploadParts } from '@app/core';
import type { IncomingPart } from '../../evidence/services/evidence-upload.reader';

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

/**
 * The parts of a multipart request, as the upload reader reads them, within the upload timeouts
 * (a stalled body fails and the file being written is deleted).
 */
export function multipartParts(request: FastifyRequest): AsyncIterable<IncomingPart> {
  return uploadParts(request);
}

/**
 * The reporter's follow-up session cookie: `pmd_follow_up` on /follow-up locally, and in
 * production `__Host-pmd_follow_up`, which the browser takes only with Path=/ and Secure.
 * No expiry: the browser forgets it when closed; the server ends it sooner.
 */
export class FollowUpCookie {
  private readonly name: string;
  private readonly options: {
    path: string;
    httpOnly: true;
    sameSite: 'strict';
    secure: boolean;
  };

  constructor(config: AppConfig) {
    const hostOnly = hostOnlyCookies(config);
    this.name = cookieNames(config).followUp;
    this.options = {
      path: hostOnly ? '/' : '/follow-up',
      httpOnly: true,
      sameSite: 'strict',
      secure: hostOnly,
    };
  }

  token(request: FastifyRequest): string | undefined {
    const raw = request.cookies?.[this.name];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  }

  set(reply: FastifyReply, token: string): void {
    reply.setCookie(this.name, token, { ...this.options, signed: true });
    // A CSRF token made later in this request belongs to the new session.
    rememberCookie(reply.request, this.name, reply.signCookie(token));
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, this.options);
    rememberCookie(reply.request, this.name, null);
  }
}
