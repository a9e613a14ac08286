/**
 * Soak test, run by hand: the platform built and started as in production (server and worker,
 * compiled, NODE_ENV=production) under a fixed rate of mixed load for a long while, with the
 * memory of both processes sampled every 2 s. It passes with zero errors (every answer 2xx, no
 * timeout), the offered rate held (95 % or more) and flat memory (after the warm-up, the first
 * 30 % of the run, the RSS floor of each minute grows less than 1 MB per minute and ends within
 * 10 % of where it started). Each connection sends at rate/connections per second, so there are many of them:
 * a slow answer holds up only its own connection's next request.
 *
 *   npx ts-node -T -r tsconfig-paths/register test/bench/soak.ts [--minutes 10] [--rate 100]
 *       [--connections 100] [--skip-build]
 *
 * The mix (scenarios/mixed.js): intake, follow-up, staff case lists and details, statistics
 * API and pages, the home page. Results go to test/bench/results.json under "soak". Run it on a
 * quiet machine: other work on the cores shows up as latency, and at worst as timeouts.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { loadConfig, runMigrationsLocked } from '@app/core';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '@app/identity';
import { TAXONOMY_SEED } from '@app/taxonomy';
import { createDataSource } from '../../config/database';
import { SmtpSink } from '../support/smtp-sink';
import { adminDatabaseUrl, databaseUrl } from '../support/test-env';
import { runLoad } from './lib/load';
import {
  WORKER_MAIN,
  fileCases,
  log,
  seedDemoData,
  serverEnvironment,
  startOurServer,
} from './lib/platform';
import { ROOT, freePort, rssMb, run } from './lib/processes';
import { recordResult } from './lib/report';
import { signIn } from './lib/staff-session';

const SOAK_DB = 'pmd_soak';
/** RSS is sampled this often: often enough to catch the trough after each collection. */
const SAMPLE_MS = 2_000;
/** A progress line every this many samples. */
const LOG_EVERY = 5;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Theil-Sen slope of y over x: the median of the slopes between every pair of points, so one
 * minute whose floor the sampling missed does not tilt the line as it tilts least squares.
 */
function slope(points: { x: number; y: number }[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      if (points[j].x !== points[i].x)
        slopes.push((points[j].y - points[i].y) / (points[j].x - points[i].x));
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const mid = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
}

interface Sample {
  atSeconds: number;
  serverMb: number;
  workerMb: number;
}

/**
 * Whether memory stayed flat. RSS saws up and down by tens of MB (argon2 takes 19 MiB per hash,
 * the collector gives it back in steps), so the verdict reads the floor of each minute, the
 * RSS after collection, where a leak shows: its slope after the first (warm-up) minute, and
 * the last floor against the first.
 */
function memoryVerdict(samples: Sample[], key: 'serverMb' | 'workerMb') {
  const floors = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const s of samples) {
    const minute = Math.floor(s.atSeconds / 60);
    floors.set(minute, Math.min(floors.get(minute) ?? Infinity, s[key]));
    counts.set(minute, (counts.get(minute) ?? 0) + 1);
  }
  // Only whole minutes: the last sample, taken as the load ends, opens a minute of its own whose
  // one or two samples are no floor.
  for (const [minute, n] of counts) if (n < 60_000 / SAMPLE_MS) floors.delete(minute);
  // Warm-up: the first 30 % of the run (at least a minute), while caches, pools and the
  // allocator's arenas fill up to their working size.
  const warmUp = Math.max(1, Math.floor(floors.size * 0.3));
  const settled = [...floors].filter(([minute]) => minute >= warmUp || floors.size < 3);
  const points = settled.map(([minute, mb]) => ({ x: minute, y: mb }));
  const first = points[0]?.y ?? 0;
  const last = points[points.length - 1]?.y ?? 0;
  const perMinute = Math.round(slope(points) * 100) / 100;
  const growth = first > 0 ? Math.round(((last - first) / first) * 1000) / 10 : 0;
  return {
    floorsMbPerMinute: points.map((p) => p.y),
    startMb: first,
    endMb: last,
    maxMb: Math.max(...samples.map((s) => s[key])),
    slopeMbPerMinute: perMinute,
    growthPercent: growth,
    flat: perMinute < 1 && growth < 10,
  };
}

async function main(): Promise<void> {
  const minutes = option('minutes', 10);
  const rate = option('rate', 100);
  const connections = option('connections', 100);
  const skipBuild = process.argv.includes('--skip-build');

  if (!skipBuild) {
    log('building for production (npm run build: nest build, then the bundles)');
    await run('npm', ['run', '--silent', 'build']);
  }

  const port = await freePort();
  const sink = await SmtpSink.start({ parse: false });
  const env = {
    ...serverEnvironment(port),
    DATABASE_URL: databaseUrl(SOAK_DB),
    SMTP_URL: sink.url,
    UPLOAD_DIR: '/tmp/pmd-soak-uploads',
  };
  mkdirSync(env.UPLOAD_DIR, { recursive: true });

  log(`fresh database ${SOAK_DB}`);
  await admin(`DROP DATABASE IF EXISTS "${SOAK_DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${SOAK_DB}"`);
  const dataSource = createDataSource(loadConfig(env), 'pmd-soak-migrate');
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  await dataSource.destroy();
  await seedDemoData(env);

  const server = await startOurServer(env);
  const worker = spawn(process.execPath, [WORKER_MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const codes = Object.fromEntries(
      Object.entries(TAXONOMY_SEED).map(([kind, items]) => [kind, items.map((i) => i.code)]),
    );
    log('filing 200 cases to follow up and to browse');
    const cases = await fileCases(server.url, { codes }, 200);
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM cases ORDER BY seq`);
    await client.end();
    const administrator = DEMO_STAFF.find((s) => s.role === 'administrator');
    if (!administrator) throw new Error('no demo administrator');
    const cookie = await signIn(
      server.url,
      administrator.email,
      DEMO_STAFF_PASSWORD,
      administrator.totpSecret,
    );

    log(`soak: ${rate} requests/s for ${minutes} min over ${connections} connections`);
    const samples: Sample[] = [];
    const started = Date.now();
    const sample = () => {
      const s = {
        atSeconds: Math.round((Date.now() - started) / 1000),
        serverMb: rssMb(server.child.pid!),
        workerMb: rssMb(worker.pid!),
      };
      samples.push(s);
      if ((samples.length - 1) % LOG_EVERY === 0) {
        log(
          `  t=${s.atSeconds}s server ${s.serverMb} MB, worker ${s.workerMb} MB, load ${loadavg()[0].toFixed(1)}`,
        );
      }
    };
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    const result = await runLoad({
      url: server.url,
      connections,
      durationSeconds: Math.round(minutes * 60),
      scenario: 'mixed.js',
      scenarioData: { codes, cases, caseIds: rows.map((r) => r.id), cookie },
      overallRate: rate,
      timeoutSeconds: 30,
    });
    clearInterval(timer);
    sample();

    const server_ = memoryVerdict(samples, 'serverMb');
    const worker_ = memoryVerdict(samples, 'workerMb');
    const achievedRate = Math.round((result.requests / (minutes * 60)) * 10) / 10;
    const zeroErrors = result.errors === 0 && result.non2xx === 0;
    const met = zeroErrors && server_.flat && worker_.flat && achievedRate >= rate * 0.95;
    const summary = {
      minutes,
      offeredRate: rate,
      achievedRate,
      connections,
      requests: result.requests,
      errors: result.errors,
      non2xx: result.non2xx,
      statusCodes: result.statusCodes,
      latencyMs: { p50: result.latencyP50, p99: result.latencyP99, mean: result.latencyMean },
      emailsDelivered: sink.mails.length,
      memory: { server: server_, worker: worker_, samples },
      loadAverageAtEnd: Math.round(loadavg()[0] * 10) / 10,
      mix: 'per 20: 1 intake, 2 follow-up, 5 staff list, 3 staff detail, 1 list page, 5 statistics API, 2 statistics page, 1 home',
      met,
    };
    recordResult('soak', summary);
    log(
      `requests ${result.requests} (${achievedRate}/s), errors ${result.errors}, non-2xx ${result.non2xx}, ` +
        `p50 ${result.latencyP50} ms, p99 ${result.latencyP99} ms`,
    );
    log(
      `server RSS floor ${server_.startMb} → ${server_.endMb} MB (max ${server_.maxMb}, ${server_.slopeMbPerMinute} MB/min); ` +
        `worker RSS floor ${worker_.startMb} → ${worker_.endMb} MB (${worker_.slopeMbPerMinute} MB/min)`,
    );
    log(met ? 'soak passed' : 'soak FAILED');
    process.exitCode = met ? 0 : 1;
  } finally {
    worker.kill('SIGTERM');
    await server.stop();
    await sink.stop();
    await admin(`DROP DATABASE IF EXISTS "${SOAK_DB}" WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
