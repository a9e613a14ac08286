import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { isOfferedLocale } from '@app/core';
import { TestServer, startTestServer } from './support/test-server';

/** Serbian (with its Cyrillic form) where the profile offers it; else requests get Albanian. */
const SERBIAN = isOfferedLocale('sr');

const run = promisify(execFile);

describe('The server foundation', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers /health/live and /health/ready with PostgreSQL and Redis checked', async () => {
    const live = await server.app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    const ready = await server.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('sends pages, styles and scripts compressed to a browser that accepts it', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const plain = await server.app.inject({ method: 'GET', url: '/report?lang=en' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const page = await server.app.inject({
      method: 'GET',
      url: '/report?lang=en',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(page.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(page.rawPayload).toString('utf8');
    expect(html).toContain('<html lang="en">');
    expect(page.rawPayload.length).toBeLessThan(html.length / 2);
    const css = await server.app.inject({
      method: 'GET',
      url: '/static/css/app.css',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(css.rawPayload).toString('utf8')).toContain(':focus-visible');
  });

  it('serves the home page in each of the four languages, Albanian by default', async () => {
    const byDefault = await server.app.inject({ method: 'GET', url: '/' });
    expect(byDefault.statusCode).toBe(200);
    expect(byDefault.headers['content-type']).toContain('text/html');
    expect(byDefault.body).toContain('<html lang="sq">');
    expect(byDefault.body).toContain('Raportoni diskriminimin');

    const serbian = await server.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-language': 'sr-Latn-RS,sr;q=0.9' },
    });
    expect(serbian.body).toContain(SERBIAN ? '<html lang="sr">' : '<html lang="sq">');
    expect(serbian.body).toContain(
      SERBIAN ? 'Prijavite diskriminaciju' : 'Raportoni diskriminimin',
    );

    const english = await server.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(english.body).toContain('<html lang="en">');
    expect(english.headers['set-cookie']).toEqual(expect.stringContaining('lang=en'));

    const romani = await server.app.inject({ method: 'GET', url: '/?lang=rom' });
    expect(romani.body).toContain('<html lang="rom">');
    // Romani is written for the public pages: no Albanian shows.
    expect(romani.body).toContain('Raportir diskriminacija');
    expect(romani.body).not.toContain('Raportoni diskriminimin');

    // Serbian in Cyrillic: asked for by the switcher (any letter case) or by Accept-Language;
    // where the profile offers no Serbian, each of these gets Albanian and no switcher entry.
    const cyrillicLang = SERBIAN ? '<html lang="sr-Cyrl">' : '<html lang="sq">';
    const cyrillic = await server.app.inject({ method: 'GET', url: '/?lang=sr-cyrl' });
    expect(cyrillic.body).toContain(cyrillicLang);
    expect(cyrillic.body).toContain(
      SERBIAN ? 'Пријавите дискриминацију' : 'Raportoni diskriminimin',
    );
    expect(cyrillic.body.includes('>Српски</a>')).toBe(SERBIAN);
    expect(cyrillic.body.includes('>Srpski</a>')).toBe(SERBIAN);
    expect(String(cyrillic.headers['set-cookie'] ?? '').includes('lang=sr-Cyrl')).toBe(SERBIAN);
    const remembered = await server.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: 'lang=sr-Cyrl' },
    });
    expect(remembered.body).toContain(cyrillicLang);
    const negotiated = await server.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-language': 'sr-Cyrl-RS,sr;q=0.9' },
    });
    expect(negotiated.body).toContain(cyrillicLang);
  });

  it('answers unknown API routes with RFC 9457 problem details in the caller language', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: 'urn:pmd:problem:route_not_found',
      title: 'Not found',
      status: 404,
      detail: 'This address does not exist.',
      instance: '/api/v1/nothing-here',
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers an unknown page with an HTML error page, not JSON', async () => {
    const language = SERBIAN ? 'sr' : 'rom';
    const res = await server.app.inject({ method: 'GET', url: `/no-such-page?lang=${language}` });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`<html lang="${language}">`);
    expect(res.body).toContain(SERBIAN ? 'Nije pronađeno' : 'Na arakhlilo');
  });

  it('keeps a well-formed request id from the caller and makes one otherwise', async () => {
    const given = await server.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(given.headers['x-request-id']).toBe('trace-12345678');
    const injected = await server.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(injected.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers: a strict CSP without inline scripts, no framing, nosniff', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // HSTS only in production (a local http:// run must not pin the browser to https).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes the OpenAPI document at /api/docs-json and the UI at /api/docs', async () => {
    const json = await server.app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready']),
    );
    const ui = await server.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
  });

  it('serves its stylesheet from the project itself', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/static/css/app.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/css');
  });

  it('writes one structured JSON log line per request with its id, route and status', async () => {
    await server.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'log-check-0001' },
    });
    const line = server.logs
      .entries()
      .find((e) => e.reqId === 'log-check-0001' && e.msg === 'request');
    expect(line).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/health/live',
      status: 200,
    });
  });
});

describe('Readiness when Redis is unreachable', () => {
  it('answers 503 naming the failed check, while liveness stays 200', async () => {
    const server = await startTestServer({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const ready = await server.app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        status: 'unavailable',
        checks: { database: { status: 'up' }, redis: { status: 'down' } },
      });
      const live = await server.app.inject({ method: 'GET', url: '/health/live' });
      expect(live.statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('Start-up with a wrong configuration', () => {
  const main = 'apps/server/src/main.ts';
  const args = ['-T', '-r', 'tsconfig-paths/register', main];
  const tsNode = require.resolve('ts-node/dist/bin.js');

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://somewhere/db' }],
    ['PORT', { PORT: 'eighty' }],
    ['SESSION_SECRET', { NODE_ENV: 'production', SESSION_SECRET: '' }],
  ])(
    'refuses with one line naming %s and no stack trace',
    async (name, env) => {
      const failure = await run(process.execPath, [tsNode, ...args], {
        env: { ...process.env, ...env },
        timeout: 80000,
      }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure).toBeDefined();
      expect(failure?.code).toBe(1);
      const lines = String(failure?.stderr)
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Invalid configuration: /);
      expect(lines[0]).toContain(name);
      expect(lines[0]).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    },
    90000,
  );
});
