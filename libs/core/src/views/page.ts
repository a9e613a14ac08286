import type { FastifyReply, FastifyRequest } from 'fastify';
import { Locale, offeredLocales } from '../i18n/locale';
import { requestLocale } from '../http/request-locale';
import { RenderContext, ViewRenderer } from './view-renderer';

export const LANGUAGE_NAMES: Record<Locale, string> = {
  sq: 'Shqip',
  sr: 'Srpski',
  'sr-Cyrl': 'Српски',
  en: 'English',
  rom: 'Romani',
};

/** What every page template receives: language, switcher links and the current path. */
export function pageContext(
  request: FastifyRequest,
  extra: Record<string, unknown> = {},
): RenderContext {
  const locale = requestLocale(request);
  const path = request.url.split('?')[0];
  return {
    locale,
    path,
    languages: offeredLocales().map((code) => ({
      code,
      name: LANGUAGE_NAMES[code],
      href: `${path}?lang=${code}`,
      current: code === locale,
    })),
    ...extra,
  };
}

/** Sends a rendered page; pages are never cached by shared caches (they can hold case data). */
export function sendPage(
  reply: FastifyReply,
  renderer: ViewRenderer,
  template: string,
  context: RenderContext,
  status = 200,
): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderer.render(template, context));
}
