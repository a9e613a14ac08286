/**
 * Yearly statistics at volume: loads 1,000,000 cases with COPY (their stopped stage clocks too),
 * writes the summary rows counted while they were generated (counters, days to outcome, the
 * timeliness histogram `stat_stage_days`) and checks them with the recompute command (which reads
 * the cases and clocks), measures `GET /api/v1/statistics/yearly` (sequential requests over HTTP
 * to the real server, in this process; each year's figures with its timeliness), then the same
 * with the timeliness histogram emptied (what the request cost before timeliness), then grows the
 * same database to 10,000,000 cases and measures again. Aims: p50 <= 20 ms at both sizes, a
 * 10M/1M p50 ratio <= 1.5 (the request reads summary rows, never the cases), and the p50 with
 * timeliness within 20 % of the p50 without it in the same run (issue 19). The p50 recorded
 * before timeliness existed (BEFORE_TIMELINESS) is reported beside it; it comes from another run,
 * so only a quiet machine makes the two comparable.
 *
 *   npx ts-node -T -r tsconfig-paths/register test/bench/statistics.bench.ts [firstSize] [secondSize]
 *
 * Writes the figures to test/bench/results.json under "statistics". Uses its own database
 * (pmd_bench_stats), dropped at the start of a run and kept afterwards for inspection.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CaseStatisticsSource } from '@app/cases';
import { FixedClock, loadConfig, runMigrationsLocked } from '@app/core';
import { StatisticsRecompute, StatisticsService } from '@app/statistics';
import { createServer } from '../../apps/server/src/bootstrap';
import { createDataSource } from '../../config/database';
import { adminDatabaseUrl, databaseUrl } from '../support/test-env';
import { GENERATED_CODES, dropSecondaryIndexes, generateCases } from './lib/generate-cases';
import { SummaryTally } from './lib/summary-tally';
import { printTable, recordResult } from './lib/report';

const DB = 'pmd_bench_stats';
const FROM = 2017;
const TO = 2026;
const WARMUP = 100;
const REQUESTS = 1000;
const AIM_P50_MS = 20;
const AIM_RATIO = 1.5;
/** The p50 with timeliness may exceed the p50 without it in the same run by this share at most. */
const AIM_TIMELINESS_SHARE = 0.2;
/** Yearly p50 (ms) by size from the last run before the figures had timeliness (2026-11-22). */
const BEFORE_TIMELINESS: Record<number, number> = { 1_000_000: 10.19, 10_000_000: 9.15 };
/** The benchmark's "now": every generated case is before it, and 2026 is the current year. */
const NOW = new Date('2026-11-01T00:00:00Z');

function log(line: string): void {
  process.stdout.write(`[statistics-bench] ${line}\n`);
}

function environment(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '3999',
    PUBLIC_URL: 'http://127.0.0.1:3999',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl(DB),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `pmd-bench-stats-${randomBytes(4).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    FIELD_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    FIELD_ENCRYPTION_ACTIVE_KEY_ID: 'bench',
    SMTP_URL: 'smtp://127.0.0.1:1',
    UPLOAD_DIR: '/tmp/pmd-bench-stats-uploads',
  };
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

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
}

async function timed(
  work: () => Promise<void>,
  warmup: number,
  requests: number,
): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
  };
}

/** Sequential requests to the real server over HTTP (keep-alive), after a warm-up. */
async function measure(
  env: Record<string, string>,
): Promise<{ http: Latency; filtered: Latency; reported: number; timedYears: number }> {
  const config = loadConfig(env);
  const app = await createServer({ config, clock: new FixedClock(NOW) });
  await app.listen(0, '127.0.0.1');
  try {
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/api/v1/statistics/yearly?from=${FROM}&to=${TO}`;
    let reported = 0;
    let timedYears = 0;
    // The client shares the server's event loop (the server runs in this process), so each timed
    // request only reads the answer's bytes over a kept-alive connection: parsing 28 KB of JSON
    // (or inflating it, as fetch does) would be the client's time, not the server's. One answer
    // is parsed afterwards to check what was served.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const http = await timed(
      () =>
        new Promise<void>((resolve, reject) => {
          get(url, { agent }, (response) => {
            if (response.statusCode !== 200) {
              response.resume();
              reject(new Error(`yearly answered ${response.statusCode}`));
              return;
            }
            response.on('data', () => undefined);
            response.on('end', resolve);
            response.on('error', reject);
          }).on('error', reject);
        }),
      WARMUP,
      REQUESTS,
    );
    agent.destroy();
    {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`yearly answered ${response.status}`);
      const body = (await response.json()) as {
        allYears: { reported: number };
        years: { figures: { timeliness?: { timed: string }[] } }[];
      };
      reported = body.allYears.reported;
      timedYears = body.years.filter((y) =>
        y.figures.timeliness?.some((st) => st.timed === 'enough'),
      ).length;
    }
    // A staff view with two filters, through the service (the same summary rows, other scopes).
    const service = app.get(StatisticsService);
    const filtered = await timed(
      async () => {
        await service.staffYearly(
          { from: FROM, to: TO },
          { community: 'roma', municipality: 'prizren' },
        );
      },
      WARMUP / 2,
      REQUESTS / 2,
    );
    return { http, filtered, reported, timedYears };
  } finally {
    await app.close();
  }
}

/**
 * Writes the summary rows the generator counted; at the first size, checks them against the
 * recompute command's figures, computed from the tables (no difference allowed), so what is
 * measured is what the platform itself would have counted.
 */
async function summaryRows(
  env: Record<string, string>,
  tally: SummaryTally,
  check: boolean,
): Promise<{
  ms: number;
  counters: number;
  buckets: number;
  stageBuckets: number;
  checkMs: number | null;
}> {
  const started = performance.now();
  const client = new Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  let written: { counters: number; buckets: number; stageBuckets: number };
  try {
    written = await tally.write(client);
    await client.query(
      'ANALYZE stat_counters, stat_outcome_days, stat_case_outcomes, stat_stage_days',
    );
  } finally {
    await client.end();
  }
  const ms = Math.round(performance.now() - started);
  if (!check) return { ms, ...written, checkMs: null };
  const checkStarted = performance.now();
  const dataSource = createDataSource(loadConfig(env), 'pmd-bench-stats-recompute');
  await dataSource.initialize();
  try {
    const source = dataSource as DataSource;
    const recompute = new StatisticsRecompute(source, new CaseStatisticsSource(source));
    await source.query('ANALYZE case_clocks');
    const report = await recompute.run({ limit: 5 });
    if (report.total > 0) {
      throw new Error(
        `the generated summary rows differ from the recompute in ${report.total} places, e.g. ${JSON.stringify(report.differences)}`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
  return { ms, ...written, checkMs: Math.round(performance.now() - checkStarted) };
}

function record(results: Record<string, unknown>[]): void {
  const latencies = results.map((r) => r.yearlyLatencyMs as Latency);
  const ratio =
    latencies.length > 1 ? Math.round((latencies[1].p50 / latencies[0].p50) * 100) / 100 : null;
  const timelinessMet = results.every(
    (r) =>
      (r.yearlyLatencyMs as Latency).p50 <=
      (r.yearlyWithoutTimelinessLatencyMs as Latency).p50 * (1 + AIM_TIMELINESS_SHARE),
  );
  const met =
    latencies.length > 1 &&
    latencies.every((l) => l.p50 <= AIM_P50_MS) &&
    ratio !== null &&
    ratio <= AIM_RATIO &&
    timelinessMet;
  recordResult('statistics', {
    endpoint: `GET /api/v1/statistics/yearly?from=${FROM}&to=${TO}`,
    requests: REQUESTS,
    warmup: WARMUP,
    sizes: results,
    p50Ratio: ratio,
    aim: { p50Ms: AIM_P50_MS, ratio: AIM_RATIO, timelinessShare: AIM_TIMELINESS_SHARE },
    timelinessMet,
    met,
    cpus: cpus().length,
    notes:
      'Sequential HTTP requests (keep-alive) to the real server in the benchmark process, LOG_LEVEL=warn. Cases loaded with COPY; secondary indexes of cases/case_history (staff list, search) dropped for the load and not rebuilt (statistics never read them); summary rows counted by the generator as it made the cases, written with COPY, and checked against the recompute command (no difference) at the first size. yearlyLatencyMs: each year with its timeliness (stat_stage_days); yearlyWithoutTimelinessLatencyMs: the same requests in the same run with stat_stage_days emptied; p50BeforeTimelinessMs: the p50 recorded by the last run before timeliness (another run, comparable only from a quiet machine).',
  });
}

async function main(): Promise<void> {
  const sizes = [Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 10_000_000)];
  const recorded = sizes[0] === 1_000_000 && sizes[1] === 10_000_000;
  if (!recorded) log('sizes other than 1M and 10M: results.json is left as it is');
  const env = environment();
  log(`database ${DB}: created and migrated`);
  await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${DB}"`);
  // The bulk aggregation of the summary rows sorts and hashes millions of rows.
  await admin(`ALTER DATABASE "${DB}" SET work_mem = '256MB'`);
  const migrator = createDataSource(loadConfig(env), 'pmd-bench-stats-migrate');
  await migrator.initialize();
  try {
    await runMigrationsLocked(migrator);
  } finally {
    await migrator.destroy();
  }
  const indexClient = new Client({ connectionString: env.DATABASE_URL });
  await indexClient.connect();
  const dropped = await dropSecondaryIndexes(indexClient);
  await indexClient.end();
  log(`dropped ${dropped.length} secondary indexes for the load: ${dropped.join(', ')}`);

  const results: Record<string, unknown>[] = [];
  const tally = new SummaryTally(GENERATED_CODES, FROM, TO - FROM + 1);
  let total = 0;
  for (const size of sizes) {
    const add = size - total;
    log(`loading ${add} cases (to ${size}) with COPY, counting their summary rows`);
    const loaded = await generateCases({
      databaseUrl: env.DATABASE_URL,
      count: add,
      firstYear: FROM,
      years: TO - FROM + 1,
      now: NOW,
      seed: size,
      log,
      tally,
    });
    total = size;
    log(
      `loaded ${loaded.cases} cases, ${loaded.grounds} grounds, ${loaded.history} history rows in ${loaded.ms} ms`,
    );
    const check = size === sizes[0];
    log(`writing the summary rows${check ? ', then checking them with the recompute' : ''}`);
    const summary = await summaryRows(env, tally, check);
    log(
      `summary rows: ${summary.counters} counters, ${summary.buckets} histogram buckets, ${summary.stageBuckets} timeliness buckets in ${summary.ms} ms` +
        (summary.checkMs === null ? '' : `; recompute found no difference (${summary.checkMs} ms)`),
    );
    const latency = await measure(env);
    if (latency.reported !== size)
      throw new Error(`the API counted ${latency.reported} cases, not ${size}`);
    if (latency.timedYears === 0) throw new Error('the yearly figures came without timeliness');
    // The same requests with the timeliness histogram emptied (what they cost before it), then
    // the histogram written back.
    const stagesClient = new Client({ connectionString: env.DATABASE_URL });
    await stagesClient.connect();
    let without: Awaited<ReturnType<typeof measure>>;
    try {
      await stagesClient.query('TRUNCATE stat_stage_days');
      await stagesClient.query('ANALYZE stat_stage_days');
      without = await measure(env);
      await tally.rewriteStages(stagesClient);
      await stagesClient.query('ANALYZE stat_stage_days');
    } finally {
      await stagesClient.end();
    }
    const before = BEFORE_TIMELINESS[size] ?? null;
    log(
      `yearly ${FROM}-${TO} at ${size}: p50 ${latency.http.p50} ms, p99 ${latency.http.p99} ms with timeliness` +
        ` (${latency.timedYears} years with timed stages); without: p50 ${without.http.p50} ms` +
        (before === null ? '' : `; before timeliness (recorded): p50 ${before} ms`),
    );
    results.push({
      cases: size,
      loadMs: loaded.ms,
      grounds: loaded.grounds,
      history: loaded.history,
      summaryRowsMs: summary.ms,
      recomputeCheckMs: summary.checkMs,
      counterRows: summary.counters,
      histogramRows: summary.buckets,
      stageHistogramRows: summary.stageBuckets,
      yearlyLatencyMs: latency.http,
      yearlyWithoutTimelinessLatencyMs: without.http,
      p50BeforeTimelinessMs: before,
      staffFilteredServiceLatencyMs: latency.filtered,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    });
    // Written after each size, so a run stopped during the larger load keeps what it measured;
    // a check at other sizes (e.g. `20000 40000`) leaves the recorded figures alone.
    if (recorded) record(results);
  }
  const first = results[0].yearlyLatencyMs as Latency;
  const second = results[1].yearlyLatencyMs as Latency;
  const ratio = Math.round((second.p50 / first.p50) * 100) / 100;
  printTable(
    results
      .flatMap((r) => {
        const l = r.yearlyLatencyMs as Latency;
        const w = r.yearlyWithoutTimelinessLatencyMs as Latency;
        return [
          {
            benchmark: 'statistics',
            figure: `yearly p50 at ${r.cases}`,
            value: `${l.p50} ms`,
            aim: `<= ${AIM_P50_MS} ms`,
            met: l.p50 <= AIM_P50_MS,
          },
          { benchmark: 'statistics', figure: `yearly p99 at ${r.cases}`, value: `${l.p99} ms` },
          {
            benchmark: 'statistics',
            figure: `p50 without timeliness at ${r.cases}`,
            value: `${w.p50} ms`,
            aim: `with <= ${Math.round((1 + AIM_TIMELINESS_SHARE) * 100)} % of it`,
            met: l.p50 <= w.p50 * (1 + AIM_TIMELINESS_SHARE),
          },
          {
            benchmark: 'statistics',
            figure: `p50 before timeliness at ${r.cases} (recorded)`,
            value: r.p50BeforeTimelinessMs === null ? '–' : `${String(r.p50BeforeTimelinessMs)} ms`,
          },
        ];
      })
      .concat([
        {
          benchmark: 'statistics',
          figure: 'p50 ratio 10M/1M',
          value: String(ratio),
          aim: `<= ${AIM_RATIO}`,
          met: ratio <= AIM_RATIO,
        },
      ]),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
