import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, runMigrationsLocked } from '@app/core';
import { createDataSource } from '../../../config/database';
import { BUNDLES } from '../../support/production-build';
import { adminDatabaseUrl, databaseUrl } from '../../support/test-env';
import { ROOT, Started, freePort, startHttpProcess } from './processes';

/** The bundles `npm run build` writes, as `npm run start:server` and `start:worker` run them. */
export const SERVER_MAIN = process.env.BENCH_SERVER_MAIN ?? BUNDLES.server;
export const WORKER_MAIN = BUNDLES.worker;
export const CLI_MAIN = 'dist/apps/server/apps/server/src/cli.js';
export const BENCH_DB = 'pmd_bench';
export const BASELINE_DB = 'pmd_bench_baseline';
/** The platform's default pool size; the baseline gets the same. */
export const POOL_SIZE = 10;

export function log(line: string): void {
  process.stdout.write(`[bench] ${line}\n`);
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The environment of our server in production mode, with secrets made for this run. */
export function serverEnvironment(port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl(BENCH_DB),
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `pmd-bench-${randomBytes(4).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    FIELD_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'bench',
    SMTP_URL: 'smtp://127.0.0.1:1',
    UPLOAD_DIR: '/tmp/pmd-bench-uploads',
    // The limits protect against abuse from one address; every benchmark request comes from one.
    INTAKE_RATE_LIMIT: '1000000000',
    FOLLOW_UP_RATE_LIMIT: '1000000000',
    ...mallocSettings(),
  };
}

/**
 * glibc's allocator setting the platform runs with in production (`npm run start:server` sets
 * it): a fixed mmap threshold, so each argon2 hash's 19 MiB block is mapped for the hash and
 * handed back after it (by default glibc raises its threshold past such blocks once one is freed,
 * and every thread's arena keeps one), and transparent huge pages for those mappings, so mapping
 * them afresh costs a few faults instead of thousands. Measured on 60 hashes two at a time: RSS
 * 125 MB by default, 46 MB with the threshold; CPU per hash 30 ms by default, 39-52 ms with the
 * threshold alone, 29 ms with huge pages as well (THP in `madvise` mode, Debian's default).
 */
const PRODUCTION_GLIBC_TUNABLES = 'glibc.malloc.mmap_threshold=131072:glibc.malloc.hugetlb=1';

/**
 * glibc's allocator settings go to both servers alike: the production one unless the runner sets
 * its own (GLIBC_TUNABLES, MALLOC_ARENA_MAX), to compare.
 */
function mallocSettings(): Record<string, string> {
  return {
    GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? PRODUCTION_GLIBC_TUNABLES,
    ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
  };
}

/** A fresh migrated database for our server (the baseline's is copied from it later). */
export async function prepareDatabase(env: Record<string, string>): Promise<void> {
  await admin(async (c) => {
    for (const name of [BENCH_DB, BASELINE_DB]) {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE "${BENCH_DB}"`);
  });
  const dataSource = createDataSource(loadConfig(env), 'pmd-bench-migrate');
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The demo staff accounts (and the few demo cases), through the platform's own seed command:
 * a member of staff to sign in as, and administrators to alert of each new case, as in real use.
 * The seed refuses production mode, so it runs in development mode with the same secrets.
 */
export async function seedDemoData(env: Record<string, string>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, 'seed-demo'], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seed-demo exited ${code}`)),
    );
  });
}

/** The baseline's database: a copy of ours (same schema, reference data and staff). */
export async function copyDatabaseForBaseline(): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${BASELINE_DB}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${BASELINE_DB}" TEMPLATE "${BENCH_DB}"`);
  });
}

/** The bench databases hold a million cases or more: gone after the run (BENCH_KEEP_DB=1 keeps them). */
export async function dropBenchDatabases(): Promise<void> {
  await admin(async (c) => {
    for (const name of [BENCH_DB, BASELINE_DB]) {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
}

/** True when the bench database has this table. */
export async function tableExists(env: Record<string, string>, name: string): Promise<boolean> {
  const client = new Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name = $1`,
      [name],
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/**
 * The Node flags of production, as `npm run start:server` passes them: V8 sizes its heap limit
 * from the machine's memory (about 4 GB here) and, far from it, let the old generation grow with
 * garbage from requests that waited for a hash (43 to 157 MB in 60 s of intake at 50
 * connections, RSS 290 MB) before collecting; with a 512 MB limit it collects as it goes (old
 * generation 55-60 MB, RSS 180 MB, the same throughput). Given to the baseline too, alike.
 */
export const PRODUCTION_NODE_FLAGS = ['--max-old-space-size=512'];

export function startOurServer(
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<Started> {
  mkdirSync(env.UPLOAD_DIR, { recursive: true });
  return startHttpProcess(
    [...PRODUCTION_NODE_FLAGS, ...nodeOptions, SERVER_MAIN],
    env,
    Number(env.PORT),
  );
}

/**
 * The baseline, compiled on the fly by ts-node's transpile-only hook: the hook only changes
 * how its one file is loaded, not the JavaScript that then runs.
 */
export async function startBaseline(
  env: Record<string, string>,
  hashOptions: object,
  countStatistics: boolean,
): Promise<Started> {
  const port = await freePort();
  return startHttpProcess(
    [
      ...PRODUCTION_NODE_FLAGS,
      '-r',
      'ts-node/register/transpile-only',
      join(ROOT, 'test/bench/baseline/baseline-server.ts'),
    ],
    {
      PATH: env.PATH,
      HOME: env.HOME,
      NODE_ENV: 'production',
      BASELINE_PORT: String(port),
      BASELINE_DATABASE_URL: databaseUrl(BASELINE_DB),
      BASELINE_POOL_SIZE: String(POOL_SIZE),
      BASELINE_HASH_OPTIONS: JSON.stringify(hashOptions),
      BASELINE_PUBLIC_URL: env.PUBLIC_URL,
      BASELINE_STATISTICS: countStatistics ? '1' : '0',
      FIELD_ENCRYPTION_KEYS: env.FIELD_ENCRYPTION_KEYS,
      FIELD_ENCRYPTION_ACTIVE_KEY_ID: env.FIELD_ENCRYPTION_ACTIVE_KEY_ID,
      ...mallocSettings(),
    },
    port,
  );
}

interface IntakeScenario {
  init(data: unknown): void;
  report(i: number): Record<string, unknown>;
}

/** The intake scenario module, whose reports the runner also sends itself. */
export function intakeScenario(): IntakeScenario {
  return createRequire(__filename)(join(ROOT, 'test/bench/scenarios/intake.js')) as IntakeScenario;
}

export interface FiledCase {
  reference: string;
  receiptCode: string;
}

/** Files `count` reports through a server's intake, `concurrency` at a time. */
export async function fileCases(
  url: string,
  scenarioData: unknown,
  count: number,
  concurrency = 8,
): Promise<FiledCase[]> {
  const scenario = intakeScenario();
  scenario.init(scenarioData);
  const filed: FiledCase[] = [];
  let next = 0;
  const workerLoop = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(scenario.report(i)),
      });
      const body = (await res.json()) as { reference?: string; receiptCode?: string };
      if (res.status !== 201 || !body.reference || !body.receiptCode) {
        throw new Error(`intake answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      }
      filed.push({ reference: body.reference, receiptCode: body.receiptCode });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, workerLoop));
  return filed;
}
