import { readdir } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { submitReport } from '../cases/case-fixtures';
import {
  Group,
  addItem,
  assignedCase,
  call,
  createGroup,
  expectStatus,
  holdMeeting,
  planMeeting,
} from '../meetings/meeting-fixtures';
import { descriptorsInto, rawExchange, requestHead, unfinishedBody } from '../support/raw-http';
import { Caller, Generated, fuzzCallers, generatedRequest } from '../support/route-fuzz';
import { Route, listRoutes } from '../support/routes';
import { ServerProcess, spawnServerProcess } from '../support/server-process';
import {
  CookieJar,
  FORM,
  StaffLogin,
  TestStaff,
  createStaff,
  form,
  visitorCsrf,
} from '../support/staff';
import { uniqueName } from '../support/test-env';
import { TestServer, startTestServer } from '../support/test-server';

/**
 * Issue 14's closing check: every attack found by the outside tester, all at once against one
 * listening server: uploads that never finish and clients that leave half-way, 50 parallel
 * wrong passwords and then the right one, a 50,000-character word in the minutes downloaded as
 * PDF by members, five wrong receipt codes from one address and the right code from another,
 * and ATTACK_FUZZ_REQUESTS (10,000 by default) generated requests over every route and caller.
 * The server under attack is a process of its own (as in production), so the test's own work
 * (making and checking requests) never shares its event loop; the fixtures are made through an
 * in-process app on the same database. Throughout, a prober in its own thread asks /health/live
 * every 100 ms over a real socket. Afterwards: no 5xx anywhere, every health answer 200 within a
 * second, no staged file left and no file handle held by the server process.
 */
const FUZZ_REQUESTS = Number(process.env.ATTACK_FUZZ_REQUESTS ?? 10_000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 6_12_2026);
const FUZZ_CONCURRENCY = 8;
const HEALTH_EVERY_MS = 100;
const HEALTH_WITHIN_MS = 1_000;
const IDLE_MS = 1_500;
/** Bounds on the setup (a server process to start) and the run, far above their usual length. */
const RUN_TIME_LIMIT_MS = 300_000;
const MINUTES_WORD = 'Ç'.repeat(25_000) + 'x'.repeat(25_000);

interface FuzzRequest {
  route: Route;
  caller: Caller;
  request: Generated;
}

interface HealthSample {
  ms: number;
  status: number;
}

/** Asks /health/live every `everyMs` from a worker thread until told to stop; then reports. */
function startHealthProber(port: number, everyMs: number): { stop(): Promise<HealthSample[]> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const samples = [];
    let stopping = false;
    parentPort.on('message', () => { stopping = true; });
    function next() {
      if (stopping) { agent.destroy(); parentPort.postMessage(samples); return; }
      setTimeout(probe, workerData.everyMs);
    }
    function probe() {
      const start = performance.now();
      const request = http.get(
        { host: '127.0.0.1', port: workerData.port, path: '/health/live', agent, timeout: 10000 },
        (res) => {
          res.resume();
          res.on('end', () => { samples.push({ ms: performance.now() - start, status: res.statusCode }); next(); });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => { samples.push({ ms: performance.now() - start, status: 0 }); next(); });
    }
    probe();
    `,
    { eval: true, workerData: { port, everyMs } },
  );
  const report = new Promise<HealthSample[]>((resolve, reject) => {
    worker.once('message', (samples: HealthSample[]) => resolve(samples));
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const samples = await report;
      await worker.terminate();
      return samples;
    },
  };
}

/** Resolves once `probe` holds, checking every 100 ms; fails after `ms`. */
async function until(probe: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openDescriptors(pid: number): Promise<number> {
  return (await readdir(`/proc/${pid}/fd`)).length;
}

/** The status recorded for a request whose connection the server closed before answering it. */
const CLOSED = -1;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/**
 * One request over a real socket, written as given (no URL normalisation, as a raw client). A
 * keep-alive socket the server closed just as it was reused is tried again on a new one, as
 * Node's documentation of `request.reusedSocket` advises: that race is the client's, not an
 * answer of the server.
 */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload?: string | Buffer,
  fresh = false,
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname, port, method, path, headers, agent: fresh ? undefined : agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () =>
      req.destroy(new Error(`no answer within 10 s: ${method} ${path}`)),
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && error.code === 'ECONNRESET' && !fresh) {
        resolve(send(base, method, path, headers, payload, true));
      } else if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
        // The server answered before reading the whole body (413, 415, a refusal) and closed
        // the connection while this client was still writing it: an answer, not a fault.
        resolve({ status: CLOSED, headers: {}, body: Buffer.alloc(0) });
      } else {
        reject(Object.assign(error, { request: `${method} ${path.slice(0, 200)}` }));
      }
    });
    req.end(payload);
  });
}

describe('An attack run from outside, all at once', () => {
  const uploadDir = `/tmp/pmd-test-uploads/${uniqueName('attack')}`;
  /** Builds the fixtures on the shared database (never listens). */
  let fixtures: TestServer;
  /** The server under attack. */
  let target: ServerProcess;
  let port: number;
  let group: Group;
  let meetingId: string;
  let victim: TestStaff;
  let routes: Route[];
  let requests: FuzzRequest[];
  let reports: { reference: string; receiptCode: string }[];

  beforeAll(async () => {
    const limits = {
      UPLOAD_DIR: uploadDir,
      BODY_IDLE_TIMEOUT_MS: String(IDLE_MS),
      REQUEST_TIMEOUT_MS: '10000',
      // Per-address limits would answer 429 before the account lock-out and the receipt-code
      // rules are reached, and would starve the fuzz, which all comes from one address.
      INTAKE_RATE_LIMIT: '1000000',
      FOLLOW_UP_RATE_LIMIT: '1000000',
      LOGIN_RATE_LIMIT: '1000000',
    };
    fixtures = await startTestServer(limits);
    routes = listRoutes(fixtures.app);
    group = await createGroup(fixtures);
    victim = await createStaff(fixtures, { role: 'legal_expert' });
    const assigned = await assignedCase(fixtures, group);
    meetingId = await planMeeting(fixtures, group);
    await addItem(fixtures, group.as.expert, meetingId, assigned.id, {
      summary: 'S'.repeat(5_000),
      proposedDecision: 'not_discrimination',
      proposedInstitutionCodes: [],
    });
    await holdMeeting(fixtures, group, meetingId);
    expectStatus(
      await call(fixtures, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/decisions`, {
        caseId: assigned.id,
        kind: 'not_discrimination',
        text: 'D'.repeat(5_000),
      }),
      201,
    );
    expectStatus(
      await call(fixtures, group.as.admin, 'PUT', `/api/v1/meetings/${meetingId}/minutes`, {
        text: MINUTES_WORD,
      }),
      204,
    );
    expectStatus(
      await call(fixtures, group.as.admin, 'POST', `/api/v1/meetings/${meetingId}/minutes/approve`),
      204,
    );
    // One case per hanging upload (parallel attempts on one reference from one address take
    // attempt slots of the receipt-code lock-out), one for the receipt-code attack.
    reports = [];
    for (let i = 0; i < 16; i++) reports.push(await submitReport(fixtures));
    requests = await fuzzPlan();
    target = await spawnServerProcess({
      DATABASE_URL: fixtures.db.url,
      REDIS_KEY_PREFIX: fixtures.config.redis.keyPrefix,
      // The attackers' addresses arrive as X-Forwarded-For from this (one) proxy.
      TRUST_PROXY: '1',
      ...limits,
    });
    port = Number(new URL(target.url).port);
  }, RUN_TIME_LIMIT_MS);
  afterAll(async () => {
    agent.destroy();
    await target?.stop();
    await fixtures?.close();
  });

  /**
   * FUZZ_REQUESTS generated requests over every route and caller, made before the run (the
   * callers sign in through the fixtures' app; their sessions live in the shared database).
   */
  async function fuzzPlan(): Promise<FuzzRequest[]> {
    const { callers, known } = await fuzzCallers(fixtures);
    // Signing out would end a caller's session half-way through: those routes are left out.
    const fuzzed = routes.filter((r) => !/logout|sign-out/.test(r.path));
    const plans = fuzzed.flatMap((route) => callers.map((caller) => ({ route, caller })));
    const perPlan = Math.ceil(FUZZ_REQUESTS / plans.length);
    return plans
      .flatMap(({ route, caller }, i) =>
        fc
          .sample(generatedRequest(route, caller, known), { numRuns: perPlan, seed: FUZZ_SEED + i })
          .map((request) => ({ route, caller, request })),
      )
      .slice(0, FUZZ_REQUESTS);
  }

  function asMember(login: StaffLogin, path: string) {
    return send(target.url, 'GET', path, { cookie: login.cookie });
  }

  /** Uploads that stall (answered 408 and closed) and clients that leave half-way. */
  async function hangingUploads(statuses: number[]): Promise<void> {
    const heads = reports.slice(0, 15).map((filed) =>
      requestHead(`/api/v1/cases/${filed.reference}/evidence`, {
        'x-receipt-code': filed.receiptCode,
        'accept-language': 'en',
      }),
    );
    const stalled = heads
      .slice(0, 10)
      .map((head) => rawExchange(port, head, unfinishedBody(), { ms: 30_000 }));
    const leaving = heads.slice(10).map((head) =>
      rawExchange(port, head, unfinishedBody(), {
        ms: 30_000,
        onConnected: (leave) => setTimeout(leave, 200),
      }),
    );
    for (const exchange of await Promise.all(stalled)) {
      statuses.push(exchange.answer?.status ?? 0);
      expect([exchange.answer?.status, exchange.closedByServer]).toEqual([408, true]);
    }
    await Promise.all(leaving);
  }

  /** 50 parallel wrong passwords from 50 addresses, then the right one: refused alike. */
  async function passwords(statuses: number[]): Promise<void> {
    const jar = new CookieJar();
    const csrf = await visitorCsrf(fixtures, jar);
    const attempt = (password: string, i: number) =>
      send(
        target.url,
        'POST',
        '/staff/login',
        {
          cookie: jar.header(),
          'content-type': FORM,
          'accept-language': 'en',
          'x-forwarded-for': `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        },
        form({ email: victim.email, password, _csrf: csrf }),
      );
    const wrong = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(`wrong password ${i}`, i)),
    );
    statuses.push(...wrong.map((r) => r.status));
    const right = await attempt(victim.password, 60);
    const another = await attempt('yet another wrong one', 61);
    statuses.push(right.status, another.status);
    expect(right.status).toBe(another.status);
    expect(right.headers.location).toBeUndefined();
  }

  /** Members download the agenda and the minutes with the 50,000-character word. */
  async function pdfDownloads(statuses: number[]): Promise<void> {
    const downloads = await Promise.all(
      (['agenda', 'minutes', 'agenda', 'minutes'] as const).map((what, i) =>
        asMember(group.as.members[i % 3], `/api/v1/meetings/${meetingId}/${what}.pdf`),
      ),
    );
    statuses.push(...downloads.map((r) => r.status));
    for (const pdf of downloads) {
      expect(pdf.status).toBe(200);
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }

  /** Five wrong receipt codes from one address; the owner gets in from another. */
  async function receiptCodes(statuses: number[]): Promise<void> {
    const filed = reports[15];
    const wrongCode = `${(Number(filed.receiptCode[0]) + 1) % 10}${filed.receiptCode.slice(1)}`;
    const followUp = (receiptCode: string, address: string) =>
      send(
        target.url,
        'POST',
        '/api/v1/follow-up',
        { 'content-type': 'application/json', 'x-forwarded-for': address },
        JSON.stringify({ reference: filed.reference, receiptCode }),
      );
    for (let i = 0; i < 5; i++) statuses.push((await followUp(wrongCode, '10.2.0.1')).status);
    const owner = await followUp(filed.receiptCode, '10.2.0.2');
    const attacker = await followUp(filed.receiptCode, '10.2.0.1');
    statuses.push(owner.status, attacker.status);
    expect(owner.status).toBe(200);
    expect(attacker.status).toBe(429);
  }

  /** The planned requests, a few at a time. */
  async function fuzz(statuses: number[]): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < requests.length) {
        const { route, caller, request } = requests[next++];
        const answer = await send(
          target.url,
          route.method,
          request.url,
          {
            ...caller.headers,
            ...(request.language ? { 'accept-language': request.language } : {}),
            ...(request.body.type ? { 'content-type': request.body.type } : {}),
          },
          request.body.payload,
        );
        statuses.push(answer.status);
        if (answer.status === CLOSED) continue;
        if (answer.status >= 500) {
          throw new Error(`${answer.status} on ${route.method} ${request.url.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: FUZZ_CONCURRENCY }, lane));
  }

  it(
    'leaves the server answering /health/live within a second throughout, with no 5xx and no leaked file',
    async () => {
      const pid = target.child.pid!;
      const descriptorsBefore = await openDescriptors(pid);
      const prober = startHealthProber(port, HEALTH_EVERY_MS);
      const statuses: Record<string, number[]> = {
        uploads: [],
        passwords: [],
        pdf: [],
        receiptCodes: [],
        fuzz: [],
      };
      const startedAt = performance.now();
      const outcomes = await Promise.allSettled([
        hangingUploads(statuses.uploads),
        passwords(statuses.passwords),
        pdfDownloads(statuses.pdf),
        receiptCodes(statuses.receiptCodes),
        fuzz(statuses.fuzz),
      ]);
      const seconds = (performance.now() - startedAt) / 1000;
      const health = await prober.stop();

      const slowestHealth = Math.max(...health.map((s) => s.ms));
      // eslint-disable-next-line no-console -- the figures of the run, for the record
      console.log(
        `attack run: ${statuses.fuzz.length} fuzzed requests in ${seconds.toFixed(1)} s, ` +
          `${statuses.fuzz.filter((status) => status === CLOSED).length} closed by the server while ` +
          `sending, ${health.length} health probes, slowest ${Math.round(slowestHealth)} ms`,
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect(statuses.fuzz.length).toBe(FUZZ_REQUESTS);
      const serverErrors = Object.entries(statuses).flatMap(([attack, list]) =>
        list.filter((status) => status >= 500).map((status) => `${attack}: ${status}`),
      );
      expect(serverErrors).toEqual([]);
      expect(health.filter((sample) => sample.status !== 200)).toEqual([]);
      expect(health.length).toBeGreaterThan(10);
      expect(slowestHealth).toBeLessThan(HEALTH_WITHIN_MS);

      // Nothing staged is left, and the server holds nothing of the upload folder open.
      expect(await descriptorsInto(pid, uploadDir)).toEqual([]);
      const left: string[] = [];
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          if (entry.isDirectory()) await walk(`${dir}/${entry.name}`);
          else left.push(entry.name);
        }
      };
      await walk(uploadDir);
      expect(left.filter((name) => name.endsWith('.part'))).toEqual([]);
      // The attack's sockets are closed once the test's keep-alive connections go: what the server
      // holds then is what it held before, give or take the database pool, which opens connections
      // as the load asks for them.
      agent.destroy();
      const expected = descriptorsBefore + fixtures.config.database.poolSize + 5;
      await until(async () => (await openDescriptors(pid)) <= expected, 'the sockets to close');
    },
    RUN_TIME_LIMIT_MS,
  );
});
