import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';

/**
 * The platform's cookies. In production each name carries the `__Host-` prefix: the browser
 * then takes it only with Secure, Path=/ and no Domain, so neither a sibling subdomain nor a
 * plain-HTTP page can plant or shadow it (a planted CSRF or session cookie is what
 * session-fixation and CSRF attacks start from).
 */
export interface CookieNames {
  /** The CSRF secret (core). */
  csrf: string;
  /** The staff session (identity). */
  staffSession: string;
  /** The reporter's follow-up session (cases). */
  followUp: string;
}

const BASE: CookieNames = {
  csrf: 'pmd_csrf',
  staffSession: 'pmd_session',
  followUp: 'pmd_follow_up',
};

const HOST: CookieNames = {
  csrf: `__Host-${BASE.csrf}`,
  staffSession: `__Host-${BASE.staffSession}`,
  followUp: `__Host-${BASE.followUp}`,
};

/** Whether cookies are Secure and `__Host-` named: production only (tests and local runs use http). */
export function hostOnlyCookies(config: AppConfig): boolean {
  return config.app.nodeEnv === 'production';
}

export function cookieNames(config: AppConfig): CookieNames {
  return hostOnlyCookies(config) ? HOST : BASE;
}

/**
 * Keeps a cookie set or cleared in this reply visible to the rest of the request, so a token
 * made later in the same request (a page re-rendered after sign-in failed) is bound to the
 * session the browser will hold, not the one it sent.
 */
export function rememberCookie(request: FastifyRequest, name: string, value: string | null): void {
  const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
  if (value === null) delete cookies[name];
  else cookies[name] = value;
}
