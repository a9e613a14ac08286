import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { Locale } from '../i18n/locale';
import { MessageParams, translate } from '../i18n/message-catalog';
import { projectRoot } from './project-root';

/** Every `views/` folder of the apps and libs, the server's first so it can override. */
export function viewSearchPaths(root = projectRoot()): string[] {
  const paths = [join(root, 'apps/server/views')];
  const libs = join(root, 'libs');
  if (existsSync(libs)) {
    for (const lib of readdirSync(libs).sort()) {
      const dir = join(libs, lib, 'views');
      if (existsSync(dir)) paths.push(dir);
    }
  }
  return paths.filter((p) => existsSync(p));
}

export interface RenderContext {
  locale: Locale;
  [name: string]: unknown;
}

/**
 * Server-side HTML with Nunjucks. Autoescaping is on for every template, so text from
 * reporters is always shown as text; `t` translates in the page's language.
 */
export class ViewRenderer {
  private readonly env: nunjucks.Environment;

  constructor(
    paths: string[] = viewSearchPaths(),
    options: { watch?: boolean; globals?: Record<string, unknown> } = {},
  ) {
    this.env = new nunjucks.Environment(
      new nunjucks.FileSystemLoader(paths, { noCache: false, watch: options.watch ?? false }),
      { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
    );
    this.env.addFilter('json', (value: unknown) => JSON.stringify(value));
    // Settings every page's frame shows (e.g. the quick exit's address), read once at start-up.
    for (const [name, value] of Object.entries(options.globals ?? {})) {
      this.env.addGlobal(name, value);
    }
  }

  render(template: string, context: RenderContext): string {
    const t = (key: string, params?: MessageParams) => translate(context.locale, key, params);
    return this.env.render(template, { ...context, t });
  }
}
