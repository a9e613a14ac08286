import type { FastifyRequest } from 'fastify';
import { Locale, defaultLocale, negotiateLocale, parseLocale } from '../i18n/locale';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Language of the answer: `?lang=`, then the `lang` cookie, then Accept-Language (each only
     * for a language the installation offers), then the profile's default language.
     */
    locale?: Locale;
  }
}

export const LOCALE_COOKIE = 'lang';

export function resolveLocale(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = parseLocale(query?.lang);
  if (asked) return asked;
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  const remembered = parseLocale(cookies?.[LOCALE_COOKIE]);
  if (remembered) return remembered;
  return negotiateLocale(request.headers['accept-language']) ?? defaultLocale();
}

export function requestLocale(request: FastifyRequest): Locale {
  if (!request.locale) request.locale = resolveLocale(request);
  return request.locale;
}

/** True for pages meant for people (HTML), false for the JSON API, health and assets. */
export function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/health')) return false;
  if (path.startsWith('/static/')) return false;
  return true;
}
