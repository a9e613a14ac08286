import { randomUUID } from 'node:crypto';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RetentionService } from '@app/cases';
import { isOfferedLocale } from '@app/core';
import { csrfFrom, png, submitReport, uploadedFiles, validReport } from '../cases/case-fixtures';
import {
  BOUNDARY,
  descriptorsInto,
  rawExchange,
  requestHead,
  unfinishedBody,
} from '../support/raw-http';
import { ServerProcess, spawnServerProcess } from '../support/server-process';
import { StaffLogin, createStaff, loginAs } from '../support/staff';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { uniqueName } from '../support/test-env';
import { TestServer, startTestServer } from '../support/test-server';
import { until as waitUntil } from '../support/wait';

/** A reporter's language besides the default, with the problem it reads on a broken form. */
const SECOND = isOfferedLocale('sr')
  ? {
      language: 'sr',
      unreadable:
        'Podaci obrasca ne mogu da se pročitaju (stigli su nepotpuni ili oštećeni). Pošaljite ih ponovo.',
    }
  : {
      language: 'rom',
      unreadable: 'Na šaj te drabaras o formulari. Areslo na sa ili phagerdo. Bičhal les palem.',
    };

const IDLE_MS = 1500;
/** How long a test waits for what must happen within IDLE_MS: generous, for a busy machine. */
const BOUND_MS = 20_000;
const DAY_MS = 24 * 3600 * 1000;

/** Waits for what must happen within IDLE_MS, with a bound generous for a busy machine. */
function until<T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T> {
  return waitUntil(probe, what, { timeoutMs: BOUND_MS });
}

async function plantPart(uploadDir: string, ageMs: number): Promise<string> {
  const id = randomUUID();
  const folder = join(uploadDir, id.slice(0, 2));
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${id}.part`);
  await writeFile(path, png());
  const then = new Date(Date.now() - ageMs);
  await utimes(path, then, then);
  return join(id.slice(0, 2), `${id}.part`);
}

describe('Uploads that never finish', () => {
  const uploadDir = `/tmp/pmd-test-uploads/${uniqueName('hang')}`;
  let server: TestServer;
  let port: number;
  let admin: StaffLogin;
  let plantedBeforeStart: { stale: string; fresh: string };

  beforeAll(async () => {
    plantedBeforeStart = {
      stale: await plantPart(uploadDir, 2 * DAY_MS),
      fresh: await plantPart(uploadDir, 0),
    };
    server = await startTestServer({
      UPLOAD_DIR: uploadDir,
      BODY_IDLE_TIMEOUT_MS: String(IDLE_MS),
      INTAKE_RATE_LIMIT: '1000',
      FOLLOW_UP_RATE_LIMIT: '1000',
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(await server.app.getUrl()).port);
    admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
  });
  afterAll(async () => {
    await server?.close();
  });

  const parts = async () => (await uploadedFiles(server)).filter((f) => f.endsWith('.part'));

  it('sweeps unfinished uploads left from before the start, and keeps one that may be in flight', () =>
    expect(parts()).resolves.toEqual([plantedBeforeStart.fresh]));

  it('answers a stalled evidence upload with a 408 problem in the caller’s language, closes the connection and deletes the staged file', async () => {
    const filed = await submitReport(server);
    const before = await parts();
    const { answer, closedByServer } = await rawExchange(
      port,
      requestHead(`/api/v1/cases/${filed.reference}/evidence`, {
        'x-receipt-code': filed.receiptCode,
        'accept-language': 'en',
      }),
      unfinishedBody(),
    );
    expect(closedByServer).toBe(true);
    expect(answer?.status).toBe(408);
    expect(answer?.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer!.body)).toMatchObject({
      status: 408,
      code: 'request_timeout',
      detail: 'The request did not arrive complete in time. Try again.',
    });
    expect(await parts()).toEqual(before);
    expect(await descriptorsInto('self', uploadDir)).toEqual([]);
  });

  it('answers a stalled report form (with its CSRF token) and a stalled statistics import alike', async () => {
    const before = await parts();
    const page = await csrfFrom(server, '/report');
    const report = await rawExchange(
      port,
      requestHead(`/report?_csrf=${encodeURIComponent(page.token)}`, {
        cookie: page.cookie,
        'accept-language': 'sr',
      }),
      unfinishedBody(),
    );
    expect(report.answer?.status).toBe(408);
    expect(report.closedByServer).toBe(true);

    const statistics = await rawExchange(
      port,
      requestHead('/api/v1/statistics/import', { ...admin.headers, 'accept-language': 'en' }),
      unfinishedBody('cases', 'cases.csv'),
    );
    expect(statistics.answer?.status).toBe(408);
    expect(JSON.parse(statistics.answer!.body)).toMatchObject({ code: 'request_timeout' });
    expect(statistics.closedByServer).toBe(true);
    expect(await parts()).toEqual(before);
    expect(await descriptorsInto('self', uploadDir)).toEqual([]);
  });

  it('answers a stalled upload on the follow-up page and the staff import page alike', async () => {
    const filed = await submitReport(server);
    const before = await parts();
    const followUp = await csrfFrom(server, '/follow-up');
    const signedIn = await server.app.inject({
      method: 'POST',
      url: '/follow-up',
      payload: new URLSearchParams({
        _csrf: followUp.token,
        reference: filed.reference,
        receiptCode: filed.receiptCode,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: followUp.cookie },
    });
    const session = ([] as string[])
      .concat(signedIn.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('pmd_follow_up='));
    expect(session).toBeDefined();
    const cookie = `${followUp.cookie}; ${session!.split(';')[0]}`;
    // CSRF tokens belong to the follow-up session: the one on the case page, opened with it.
    const casePage = await server.app.inject({
      method: 'GET',
      url: '/follow-up/case',
      headers: { cookie },
    });
    const caseToken = /name="_csrf" value="([^"]+)"/.exec(casePage.body)?.[1];
    expect(caseToken).toBeDefined();
    for (const [path, headers] of [
      [`/follow-up/evidence?_csrf=${encodeURIComponent(caseToken!)}`, { cookie }],
      [
        `/staff/statistics/import?_csrf=${encodeURIComponent(admin.csrf)}`,
        { cookie: admin.cookie },
      ],
    ] as const) {
      const { answer, closedByServer } = await rawExchange(
        port,
        requestHead(path, headers),
        unfinishedBody(path.startsWith('/staff') ? 'cases' : 'evidence'),
      );
      expect([path, answer?.status, closedByServer]).toEqual([path, 408, true]);
    }
    expect(await parts()).toEqual(before);
    expect(await descriptorsInto('self', uploadDir)).toEqual([]);
  });

  it('answers a stalled upload refused before its body is read, and lets its connection go', async () => {
    const before = await parts();
    // A form token that is not the visitor's: refused (403) before the handler reads the body.
    const { answer, closedByServer } = await rawExchange(
      port,
      requestHead('/report?_csrf=not-a-token', { 'accept-language': 'en' }),
      unfinishedBody(),
    );
    expect([answer?.status, closedByServer]).toEqual([403, true]);
    expect(await parts()).toEqual(before);
  });

  it('releases the file and deletes the staged file at once when the client goes away mid-upload', async () => {
    const filed = await submitReport(server);
    const before = await parts();
    await rawExchange(
      port,
      requestHead(`/api/v1/cases/${filed.reference}/evidence`, {
        'x-receipt-code': filed.receiptCode,
      }),
      unfinishedBody(),
      {
        // Leaves once the server has started writing the file.
        onConnected: (leave, isClosed) =>
          void until(
            async () => isClosed() || (await parts()).length > before.length,
            'the staged file',
          ).then(leave, () => undefined),
      },
    );
    await until(async () => (await parts()).length === before.length, 'the staged file deleted');
    await until(
      async () => (await descriptorsInto('self', uploadDir)).length === 0,
      'the file closed',
    );
  });

  it('answers 400 problems to a body cut short, a missing boundary and broken part headers; a missing final CRLF is accepted', async () => {
    const filed = await submitReport(server);
    const send = (contentType: string, payload: Buffer, language = 'en') =>
      server.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${filed.reference}/evidence`,
        headers: {
          'content-type': contentType,
          'x-receipt-code': filed.receiptCode,
          'accept-language': language,
        },
        payload,
      });
    const withBoundary = `multipart/form-data; boundary=${BOUNDARY}`;
    const complete = Buffer.concat([unfinishedBody(), Buffer.from(`\r\n--${BOUNDARY}--`)]);

    for (const [what, res] of [
      ['cut short', await send(withBoundary, unfinishedBody())],
      ['no boundary', await send('multipart/form-data', complete, SECOND.language)],
      [
        'broken part header',
        await send(
          withBoundary,
          Buffer.from(`--${BOUNDARY}\r\nContent-Disposition form-data\r\n\r\nx\r\n--${BOUNDARY}`),
        ),
      ],
    ] as const) {
      expect([what, res.statusCode, res.headers['content-type']]).toEqual([
        what,
        400,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    const noBoundary = await send('multipart/form-data', complete, SECOND.language);
    expect(noBoundary.json()).toMatchObject({
      code: 'malformed_multipart',
      detail: SECOND.unreadable,
    });
    expect((await send(withBoundary, unfinishedBody())).json()).toMatchObject({
      code: 'malformed_multipart',
    });

    const accepted = await send(withBoundary, complete);
    expect(accepted.statusCode).toBe(201);
    expect((await parts()).filter((p) => p !== plantedBeforeStart.fresh)).toEqual([]);
  });

  it('sweeps unfinished uploads with the daily retention run', async () => {
    const stale = await plantPart(uploadDir, 2 * DAY_MS);
    expect(await parts()).toContain(stale);
    const purged = await server.app.get(RetentionService).purgeExpired(server.clock.now());
    expect(purged.unfinishedUploads).toBe(1);
    expect(await parts()).toEqual([plantedBeforeStart.fresh]);
  });
});

describe('Shutdown with an upload hanging', () => {
  let db: TestDatabase;
  let server: ServerProcess | undefined;
  const uploadDir = `/tmp/pmd-test-uploads/${uniqueName('stop')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('closes the hanging connection after SHUTDOWN_TIMEOUT_MS and exits, leaving no staged file', async () => {
    server = await spawnServerProcess({
      DATABASE_URL: db.url,
      UPLOAD_DIR: uploadDir,
      REDIS_KEY_PREFIX: uniqueName('t').replace(/_/g, '-'),
      SHUTDOWN_TIMEOUT_MS: '1000',
      // The upload must outlast the shutdown: only the shutdown may end it.
      BODY_IDLE_TIMEOUT_MS: '600000',
      REQUEST_TIMEOUT_MS: '600000',
    });
    const child = server.child;
    const filed = (await (
      await fetch(`${server.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validReport()),
      })
    ).json()) as { reference: string; receiptCode: string };
    const exchange = rawExchange(
      Number(new URL(server.url).port),
      requestHead(`/api/v1/cases/${filed.reference}/evidence`, {
        'x-receipt-code': filed.receiptCode,
      }),
      unfinishedBody(),
      { ms: 60_000 },
    );
    // The server holds the staged file open: the upload hangs.
    await until(
      async () => (await descriptorsInto(child.pid!, uploadDir)).length === 1,
      'the staged file open',
    );

    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const bound = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('The server did not exit')), 1000 + 10_000).unref(),
    );
    const exit = await Promise.race([exited, bound]);
    // Exited through the framework's own shutdown (re-raised SIGTERM), not the last resort.
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1000);
    expect((await exchange).closedByServer).toBe(true);
    const left: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (entry.isDirectory()) await walk(join(dir, entry.name));
        else left.push(entry.name);
      }
    };
    await walk(uploadDir);
    expect(left.filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
