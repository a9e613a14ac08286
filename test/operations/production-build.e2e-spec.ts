import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Environment } from 'nunjucks';
import { formatReceiptCode } from '@app/cases';
import { offeredLocales, parsePo, projectRoot } from '@app/core';
import { IDENTITY, identifiedReport } from '../cases/case-fixtures';
import { pdfText } from '../support/pdf-text';
import { BUNDLES, ensureProductionBuild } from '../support/production-build';
import { TestRedis } from '../support/redis-server';
import { ServerProcess, spawnServerProcess } from '../support/server-process';
import { SmtpSink } from '../support/smtp-sink';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { WorkerProcess, mailTestEnv, spawnWorkerProcess } from '../support/test-worker';

const DESCRIPTION = 'The clerk at the municipal office tore up my form and told me to leave.';

/** The text of one catalogue entry, as a page writes it (escaped by Nunjucks, as the pages are). */
function catalogueText(locale: string, key: string): string {
  const file = parsePo(readFileSync(join(projectRoot(), 'i18n', `${locale}.po`)));
  const text = file.entries.find((entry) => entry.key === key)?.text ?? '';
  expect([locale, key, text.length > 0]).toEqual([locale, key, true]);
  return new Environment(null, { autoescape: true }).renderString('{{ text }}', { text });
}

/** The cookie and CSRF token a page hands out, for a form posted the way a browser would. */
async function formSession(url: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(url);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return { cookie, token: token.replace(/&amp;/g, '&') };
}

/**
 * The platform as production runs it: `npm run build` bundles the server, the worker and the PDF
 * thread into `dist/bundle` (scripts/bundle.ts), and `npm run start:server` / `start:worker` run
 * those files. Every other test runs the TypeScript sources; this one checks what bundling could
 * break: files read from next to the code (templates, catalogues, fonts, swagger-ui's assets),
 * packages loaded at run time, the PDF thread's own entry, and the worker's mail.
 */
describe('The production build', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let sink: SmtpSink;
  let server: ServerProcess;
  let worker: WorkerProcess;

  beforeAll(async () => {
    await ensureProductionBuild();
    db = await createTestDatabase();
    redis = await TestRedis.start();
    sink = await SmtpSink.start();
    const env = mailTestEnv({ DATABASE_URL: db.url, REDIS_URL: redis.url, SMTP_URL: sink.url });
    server = await spawnServerProcess(env, {
      compiled: BUNDLES.server,
      nodeArgs: ['--max-old-space-size=512'],
    });
    worker = await spawnWorkerProcess(env, { compiled: BUNDLES.worker });
  }, 600_000);

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await server?.stop();
    await sink?.stop();
    await redis?.stop();
    await db?.drop();
  });

  it('serves every offered language from the templates and catalogues, with its stylesheet', async () => {
    for (const locale of offeredLocales()) {
      const res = await fetch(`${server.url}/?lang=${locale}`);
      const html = await res.text();
      expect([locale, res.status]).toEqual([locale, 200]);
      expect(html).toContain(`<html lang="${locale}">`);
      if (locale !== 'sr-Cyrl') expect(html).toContain(catalogueText(locale, 'site.name'));
    }
    const css = await fetch(`${server.url}/static/css/app.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await css.text()).length).toBeGreaterThan(1000);
  });

  it('serves the API reference with swagger-ui’s own assets', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const script = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`);
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const document = (await (await fetch(`${server.url}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/api/v1/cases');
  });

  it('files a report, makes its receipt in the PDF thread, and the worker mails the reporter', async () => {
    const filed = await fetch(`${server.url}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(identifiedReport({ description: DESCRIPTION })),
    });
    expect(filed.status).toBe(201);
    const { reference, receiptCode } = (await filed.json()) as {
      reference: string;
      receiptCode: string;
    };

    const form = await formSession(`${server.url}/follow-up?lang=en`);
    const receipt = await fetch(`${server.url}/report/receipt?lang=en`, {
      method: 'POST',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: form.token,
        reference,
        receiptCode: formatReceiptCode(receiptCode),
      }).toString(),
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await receipt.arrayBuffer()));
    expect(text).toContain(reference);
    expect(text).toContain('Receipt of your report');

    const [mail] = await sink.waitFor(1, 60_000);
    expect(mail.to).toEqual([IDENTITY.email]);
    // The e-mail says only that there is news, and where to read it.
    expect(mail.text).toContain('/follow-up');
    expect(mail.text).not.toContain(reference);
    expect(mail.text).not.toContain(DESCRIPTION);
  });

  it('logs no error in either process', () => {
    const errors = [...server.output, ...worker.output]
      .join('')
      .split('\n')
      .filter((line) => /"level":"(error|fatal)"/.test(line));
    expect(errors).toEqual([]);
  });
});
