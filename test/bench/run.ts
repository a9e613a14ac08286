/**
 * `npm run bench`: every benchmark of the platform in one run, one table, test/bench/results.json.
 *
 *   npm run bench                      # everything (about 10-15 minutes on 2 cores)
 *   npm run bench -- --only intake     # one or several (intake,memory) of: cold-start, intake,
 *                                      #   follow-up, memory, staff-list, statistics, notifications
 *   npm run bench -- --smoke           # CI: intake at 10 connections for 3 s, no aims
 *   npm run bench -- --profile         # also CPU profiles of our server (test/bench/profiles)
 *
 * The server is built and started as in production (compiled, NODE_ENV=production) against
 * the real PostgreSQL and Redis, and driven by autocannon from another process on 127.0.0.1.
 * Intake and follow-up are compared with a baseline in the same run (baseline/baseline-server.ts:
 * plain node:http + pg doing the work those endpoints cannot avoid).
 *
 * Environment: BENCH_DURATION (seconds of each measured load, 20), BENCH_STAFF_LIST_CASES
 * (1,000,000), BENCH_KEEP_DB=1 (keep the pmd_bench databases afterwards), and the tests'
 * TEST_DATABASE_ADMIN_URL / TEST_REDIS_URL.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { Client } from 'pg';
import { RECEIPT_CODE_HASH_OPTIONS } from '@app/cases';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '@app/identity';
import { TAXONOMY_SEED } from '@app/taxonomy';
import { FieldCipher } from '@app/core';
import { LoadResult, runLoad } from './lib/load';
import {
  BASELINE_DB,
  BENCH_DB,
  fileCases,
  copyDatabaseForBaseline,
  dropBenchDatabases,
  log,
  prepareDatabase,
  seedDemoData,
  serverEnvironment,
  startBaseline,
  startOurServer,
  tableExists,
} from './lib/platform';
import {
  ROOT,
  Started,
  cpuMs,
  databaseBackendsCpuMs,
  databaseCpuMsSince,
  freePort,
  rssMb,
  run,
  settle,
} from './lib/processes';
import { summariseProfile } from './lib/cpu-profile';
import { loadCases } from './lib/load-cases';
import { RESULTS_FILE, Row, printTable, recordResult } from './lib/report';
import { signIn } from './lib/staff-session';
import { databaseUrl } from '../support/test-env';
import { until } from '../support/wait';

const BENCHMARKS = [
  'cold-start',
  'intake',
  'follow-up',
  'memory',
  'staff-list',
  'statistics',
  'notifications',
] as const;
type Benchmark = (typeof BENCHMARKS)[number];

const CORES = cpus().length;
const PROFILE_DIR = join(ROOT, 'test/bench/profiles');
const STAFF_LIST_CASES = Number(process.env.BENCH_STAFF_LIST_CASES ?? 1_000_000);
/**
 * Staff are a few dozen people; five connections asking without pause is far more than they
 * ever ask at once, so its p99 is the latency a member of staff can count on.
 */
const STAFF_LIST_CONNECTIONS = 5;

/** Words of the generated descriptions (one in capitals), one with a status as well. */
const SEARCH_QUERIES = [
  'q=mahalla',
  'q=witnesses',
  'q=LANDLORD',
  'q=clerk&status=resolved',
  'q=nurse',
];

/** The kinds of filter staff use, each made concrete for variant v. */
const STAFF_LIST_FILTERS: readonly { name: string; query(v: number, codes: Codes): string }[] = [
  { name: 'newest', query: () => '' },
  { name: 'triage (submitted, oldest first)', query: () => 'status=submitted&order=oldest' },
  {
    name: 'one status',
    query: (v) => `status=${['in_review', 'assigned', 'referred', 'resolved'][v % 4]}`,
  },
  { name: 'municipality', query: (v, c) => `municipality=${at(c.municipality, v * 7)}` },
  {
    name: 'area + year',
    query: (v, c) => `area=${at(c.area, v * 3)}&year=${thisYear() - (v % 5)}`,
  },
  {
    name: 'community + municipality',
    query: (v, c) => `community=${at(c.community, v)}&municipality=${at(c.municipality, v * 11)}`,
  },
  { name: 'year + closed', query: (v) => `year=${thisYear() - (v % 3)}&status=closed` },
  { name: 'unassigned in review', query: () => 'assignee=none&status=in_review' },
];
type Codes = Record<string, string[]>;
const at = (list: string[], n: number) => list[n % list.length];
const thisYear = () => new Date().getUTCFullYear();

/**
 * What staff ask the list for: each kind of filter in turn, mostly its first pages, sometimes
 * further or a larger page.
 */
function staffListQueries(codes: Codes): string[] {
  return Array.from({ length: 400 }, (_, i) => {
    const filter = STAFF_LIST_FILTERS[i % STAFF_LIST_FILTERS.length];
    const v = Math.floor(i / STAFF_LIST_FILTERS.length);
    const page = v % 10 === 9 ? 10 + (v % 7) : 1 + (v % 3);
    return [filter.query(v, codes), `page=${page}`, v % 13 === 0 ? 'pageSize=100' : '']
      .filter(Boolean)
      .join('&');
  });
}

/** Median time of each kind of filter, asked alone (page 1 of a few variants, twice each). */
async function timeFilters(
  url: string,
  cookie: string,
  codes: Codes,
): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const filter of STAFF_LIST_FILTERS) {
    const times: number[] = [];
    for (let v = 0; v < 10; v++) {
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/cases?${filter.query(v % 5, codes)}`, {
        headers: { cookie },
      });
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    result[filter.name] = round(median(times));
  }
  return result;
}

/** Intake before the memory benchmark's two measured minutes (see `memory`). */
const MEMORY_WARM_UP_SECONDS = 30;

const AIMS = {
  throughputRatio: 0.5,
  p99Ratio: 2,
  staffListP99Ms: 50,
  rssMb: 250,
  rssGrowthPercent: 5,
  coldStartMs: 3000,
};

interface Options {
  only?: Benchmark[];
  smoke: boolean;
  profile: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { smoke: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--only') {
      // One name or several, separated by commas.
      const names = (argv[++i] ?? '').split(',') as Benchmark[];
      const unknown = names.filter((name) => !BENCHMARKS.includes(name));
      if (unknown.length > 0)
        throw new Error(
          `--only takes names among ${BENCHMARKS.join(', ')}, not ${unknown.join(', ')}`,
        );
      options.only = names;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * CPU milliseconds of one argon2id hash with the receipt-code settings: the CPU time this
 * process spends (its threadpool included) over hashes made one at a time, so other work on
 * the machine does not inflate it the way it inflates wall time.
 */
async function measureHashMs(count: number): Promise<number> {
  for (let i = 0; i < 3; i++) await argon2.hash(`warm-up-${i}`, RECEIPT_CODE_HASH_OPTIONS);
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    await argon2.hash(String(1e15 + i), RECEIPT_CODE_HASH_OPTIONS);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}

/**
 * The share of the machine's CPU time that goes to argon2 at a given throughput.
 * A hash with parallelism 1 keeps one core busy for `hashMs` (its CPU time, measured one hash
 * at a time), so R requests per second spend R × hashMs ms of CPU per second
 * hashing, out of cores × 1000 ms the machine has: share = R × hashMs ÷ (cores × 1000).
 * What is left is everything else: the server's own work, PostgreSQL, Redis, the load generator.
 */
function hashShare(throughput: number, hashMs: number): number {
  return (throughput * hashMs) / (CORES * 1000);
}

interface Measured extends LoadResult {
  /** CPU of the server process (every thread) per answered request. */
  cpuMsPerRequest: number;
  /** CPU of the PostgreSQL backends of the server's database per answered request. */
  databaseCpuMsPerRequest: number;
  hashSharePercent: number;
}

interface Comparison {
  connections: number;
  ours: Measured;
  baseline: Measured;
  throughputRatio: number;
  p99Ratio: number;
  /**
   * The throughput ratio a machine with nothing else to do would show when both are CPU-bound:
   * the CPU one request costs (server + its database) of the baseline over ours. It does not
   * move with other work on the machine, as measured throughput does.
   */
  cpuBoundRatio: number;
}

class Bench {
  readonly rows: Row[] = [];
  readonly results: Record<string, unknown> = {};
  private readonly started = performance.now();
  private readonly startedAt = Date.now();
  private readonly running = new Set<Started>();
  private ours?: Started;
  private baseline?: Started;
  private hashMs = 0;
  private readonly env: Record<string, string>;
  private readonly duration: number;
  private readonly warmUp: number;
  private readonly scenarioData: { codes: Record<string, string[]> };
  private countStatistics = false;
  private baselineFirst = false;
  private profilesWritten = 0;
  /** What makes the run fail after the table is printed (the smoke run's checks). */
  readonly failures: string[] = [];

  constructor(
    private readonly options: Options,
    port: number,
  ) {
    this.env = serverEnvironment(port);
    this.duration = options.smoke ? 3 : Number(process.env.BENCH_DURATION ?? 20);
    this.warmUp = options.smoke ? 0 : 8;
    this.scenarioData = {
      codes: Object.fromEntries(
        Object.entries(TAXONOMY_SEED).map(([kind, items]) => [kind, items.map((i) => i.code)]),
      ),
    };
  }

  private wants(name: Benchmark): boolean {
    if (this.options.smoke) return name === 'intake';
    return this.options.only === undefined || this.options.only.includes(name);
  }

  private needsServers(): boolean {
    return (['cold-start', 'intake', 'follow-up', 'memory', 'staff-list'] as const).some((b) =>
      this.wants(b),
    );
  }

  async run(): Promise<void> {
    this.results.environment = {
      node: process.version,
      cpus: `${CORES} × ${cpus()[0]?.model ?? '?'}`,
      loadAverageAtStart: loadavg().map((l) => round(l, 2)),
      benchmarks: this.options.smoke ? 'smoke' : (this.options.only?.join(',') ?? 'all'),
      durationSeconds: this.duration,
    };
    try {
      if (this.needsServers()) {
        await this.prepare();
        if (this.wants('cold-start')) await this.coldStart();
        await this.startServers();
        if (this.wants('intake')) await this.intake();
        if (this.wants('follow-up')) await this.followUp();
        if (this.wants('memory')) await this.memory();
        if (this.wants('staff-list')) await this.staffList();
      }
    } finally {
      await this.stopAll();
      if (this.needsServers() && process.env.BENCH_KEEP_DB !== '1') await dropBenchDatabases();
    }
    // Each of these starts what it needs itself; our servers are stopped so they do not compete.
    if (this.wants('statistics')) await this.childBenchmark('statistics', 'statistics.bench.ts');
    if (this.wants('notifications')) {
      await this.childBenchmark('notifications', 'notifications.bench.ts');
    }
    const seconds = Math.round((performance.now() - this.started) / 1000);
    this.results.environment = { ...(this.results.environment as object), totalSeconds: seconds };
    process.stdout.write('\n');
    printTable(this.rows);
    process.stdout.write(`\n${seconds} s in all\n`);
    if (this.failures.length > 0) throw new Error(this.failures.join('\n'));
    if (!this.options.smoke) {
      for (const [key, value] of Object.entries(this.results)) recordResult(key, value);
      log(`results written to ${RESULTS_FILE}`);
    }
  }

  private async prepare(): Promise<void> {
    log('building for production (npm run build: nest build, then the bundles)');
    await run('npm', ['run', '--silent', 'build']);
    log('creating the bench database');
    await prepareDatabase(this.env);
    if (!this.options.smoke) {
      log('seeding the demo staff');
      await seedDemoData(this.env);
    }
    await copyDatabaseForBaseline();
    // The baseline counts statistics only when our intake does (libs/statistics's counters).
    this.countStatistics = await tableExists(this.env, 'stat_counters');
    this.hashMs = await measureHashMs(this.options.smoke ? 5 : 20);
    this.results.hashing = {
      options: {
        memoryCostKiB: RECEIPT_CODE_HASH_OPTIONS.memoryCost,
        timeCost: RECEIPT_CODE_HASH_OPTIONS.timeCost,
        parallelism: RECEIPT_CODE_HASH_OPTIONS.parallelism,
      },
      msPerHash: round(this.hashMs),
      cores: CORES,
      ceilingPerSecond: round((CORES * 1000) / this.hashMs),
      baselineCountsStatistics: this.countStatistics,
    };
    this.rows.push({
      benchmark: 'argon2id',
      figure: 'CPU of one hash; ceiling on all cores',
      value: `${round(this.hashMs)} ms; ${round((CORES * 1000) / this.hashMs)}/s`,
    });
  }

  private pidOf(started: Started | undefined): number {
    return started?.child.pid as number;
  }

  private track(started: Started): Started {
    this.running.add(started);
    return started;
  }

  private async stop(started: Started | undefined): Promise<void> {
    if (!started) return;
    this.running.delete(started);
    await started.stop();
  }

  private async stopAll(): Promise<void> {
    await Promise.all([...this.running].map((s) => s.stop()));
    this.running.clear();
  }

  private async coldStart(): Promise<void> {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const server = this.track(await startOurServer(this.env));
      runs.push(server.readyMs);
      await this.stop(server);
    }
    const medianMs = median(runs);
    const met = medianMs <= AIMS.coldStartMs;
    this.results.coldStart = { runsMs: runs, medianMs, aimMs: AIMS.coldStartMs, met };
    this.rows.push({
      benchmark: 'cold start',
      figure: 'spawn → /health/ready 200 (median of 3)',
      value: `${medianMs} ms (${runs.join(', ')})`,
      aim: `≤ ${AIMS.coldStartMs} ms`,
      met,
    });
    log(`cold start ${runs.join(', ')} ms`);
  }

  private async startServers(): Promise<void> {
    if (this.options.profile) {
      rmSync(PROFILE_DIR, { recursive: true, force: true });
      mkdirSync(PROFILE_DIR, { recursive: true });
    }
    this.ours = this.track(
      await startOurServer(
        this.options.profile ? { ...this.env, BENCH_CPU_PROFILE_DIR: PROFILE_DIR } : this.env,
        this.options.profile ? ['-r', join(ROOT, 'test/bench/lib/cpu-profile-preload.js')] : [],
      ),
    );
    log(`our server ready in ${this.ours.readyMs} ms at ${this.ours.url}`);
    if (this.wants('intake') || this.wants('follow-up')) {
      this.baseline = this.track(
        await startBaseline(this.env, RECEIPT_CODE_HASH_OPTIONS, this.countStatistics),
      );
      log(`baseline ready at ${this.baseline.url}`);
    }
  }

  /** One load, with the CPU the server process and its database backends spent on it. */
  private async measure(
    server: Started,
    database: string,
    scenario: string,
    connections: number,
    durationSeconds: number,
    scenarioData: unknown,
    profileAs?: string,
  ): Promise<Measured> {
    const pid = server.child.pid as number;
    await settle(pid);
    const profiling = this.options.profile && server === this.ours && profileAs !== undefined;
    if (profiling) server.child.kill('SIGWINCH');
    const cpuBefore = cpuMs(pid);
    const dbBefore = databaseBackendsCpuMs(database);
    const result = await runLoad({
      url: server.url,
      connections,
      durationSeconds,
      scenario,
      scenarioData,
    });
    if (profiling) await this.collectProfile(server, profileAs, result.throughput);
    // The load stops with one request in flight per connection, which the server still
    // finishes: its CPU is counted until the server is idle, and those requests with it.
    await settle(pid);
    const cpu = cpuMs(pid) - cpuBefore;
    const db = databaseCpuMsSince(database, dbBefore);
    const requests = Math.max(1, result.requests + connections);
    return {
      ...result,
      cpuMsPerRequest: round(cpu / requests, 2),
      databaseCpuMsPerRequest: round(db / requests, 2),
      hashSharePercent: round(hashShare(result.throughput, this.hashMs) * 100),
    };
  }

  /** Stops the profiler of our server and keeps the summary of what it saw. */
  private async collectProfile(server: Started, name: string, throughput: number): Promise<void> {
    server.child.kill('SIGWINCH');
    this.profilesWritten += 1;
    const file = join(PROFILE_DIR, `${this.profilesWritten}.cpuprofile`);
    await until(() => existsSync(file), `the CPU profile ${file}`, {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const summary = summariseProfile(file);
    const profiles = (this.results.profiles ??= {}) as Record<string, unknown>;
    profiles[name] = {
      file: `test/bench/profiles/${this.profilesWritten}.cpuprofile`,
      throughput,
      ...summary,
    };
    log(`CPU profile of our server's main thread, ${name} (${throughput} req/s): ${file}`);
    for (const p of summary.places.slice(0, 10))
      log(`  ${String(p.percent).padStart(5)}%  ${p.name}`);
    log('  top functions by self time:');
    for (const f of summary.functions) log(`  ${String(f.percent).padStart(5)}%  ${f.name}`);
  }

  private async compare(
    name: string,
    scenario: string,
    connections: number,
    data: { ours: unknown; baseline: unknown },
  ): Promise<Comparison> {
    const ours = this.ours as Started;
    const baseline = this.baseline as Started;
    // Alternating which goes first evens out a machine whose load drifts during the run.
    const runOurs = () => {
      log(`${name} at ${connections} connections: ours`);
      return this.measure(
        ours,
        BENCH_DB,
        scenario,
        connections,
        this.duration,
        data.ours,
        `${name} @${connections}`,
      );
    };
    const runBaseline = () => {
      log(`${name} at ${connections} connections: baseline`);
      return this.measure(
        baseline,
        BASELINE_DB,
        scenario,
        connections,
        this.duration,
        data.baseline,
      );
    };
    let oursResult: Measured;
    let baseResult: Measured;
    if (this.baselineFirst) {
      baseResult = await runBaseline();
      oursResult = await runOurs();
    } else {
      oursResult = await runOurs();
      baseResult = await runBaseline();
    }
    this.baselineFirst = !this.baselineFirst;
    const comparison: Comparison = {
      connections,
      ours: oursResult,
      baseline: baseResult,
      throughputRatio: round(oursResult.throughput / baseResult.throughput, 2),
      p99Ratio: round(oursResult.latencyP99 / baseResult.latencyP99, 2),
      cpuBoundRatio: round(
        (baseResult.cpuMsPerRequest + baseResult.databaseCpuMsPerRequest) /
          (oursResult.cpuMsPerRequest + oursResult.databaseCpuMsPerRequest),
        2,
      ),
    };
    const label = `${name} @${connections}`;
    const errors = (m: Measured) =>
      m.errors + m.non2xx > 0 ? ` [${m.errors} errors, ${m.non2xx} non-2xx]` : '';
    const aims = !this.options.smoke;
    this.rows.push(
      {
        benchmark: label,
        figure: 'req/s ours / baseline (ratio)',
        value: `${oursResult.throughput} / ${baseResult.throughput} (${comparison.throughputRatio}×)${errors(oursResult)}${errors(baseResult)}`,
        aim: aims ? `≥ ${AIMS.throughputRatio}×` : undefined,
        met: aims
          ? comparison.throughputRatio >= AIMS.throughputRatio &&
            oursResult.errors + oursResult.non2xx === 0
          : undefined,
      },
      {
        benchmark: label,
        figure: 'p50 ms ours / baseline',
        value: `${oursResult.latencyP50} / ${baseResult.latencyP50}`,
      },
      {
        benchmark: label,
        figure: 'p99 ms ours / baseline (ratio)',
        value: `${oursResult.latencyP99} / ${baseResult.latencyP99} (${comparison.p99Ratio}×)`,
        aim: aims && name === 'intake' ? `≤ ${AIMS.p99Ratio}×` : undefined,
        met: aims && name === 'intake' ? comparison.p99Ratio <= AIMS.p99Ratio : undefined,
      },
      {
        benchmark: label,
        figure: 'CPU hashing ours / baseline',
        value: `${oursResult.hashSharePercent}% / ${baseResult.hashSharePercent}%`,
      },
      {
        benchmark: label,
        figure: 'req/s ratio if CPU-bound (baseline CPU ÷ ours)',
        value: `${comparison.cpuBoundRatio}×`,
      },
      {
        benchmark: label,
        figure: 'CPU ms/request server + db, ours / baseline',
        value: `${oursResult.cpuMsPerRequest} + ${oursResult.databaseCpuMsPerRequest} / ${baseResult.cpuMsPerRequest} + ${baseResult.databaseCpuMsPerRequest}`,
      },
    );
    return comparison;
  }

  private async intake(): Promise<void> {
    const data = { ours: this.scenarioData, baseline: this.scenarioData };
    if (this.warmUp > 0) {
      log(`warming up both servers (${this.warmUp} s each)`);
      await runLoad({
        url: (this.ours as Started).url,
        connections: 10,
        durationSeconds: this.warmUp,
        scenario: 'intake.js',
        scenarioData: this.scenarioData,
      });
      await runLoad({
        url: (this.baseline as Started).url,
        connections: 10,
        durationSeconds: this.warmUp,
        scenario: 'intake.js',
        scenarioData: this.scenarioData,
      });
    }
    const connections = this.options.smoke ? [10] : [10, 50];
    const results: Record<string, Comparison | { ours: number; baseline: number }> = {};
    for (const c of connections)
      results[`c${c}`] = await this.compare('intake', 'intake.js', c, data);
    // A smoke run files too few reports for their mix to be compared.
    if (!this.options.smoke) await this.checkParity();
    const rss = { ours: rssMb(this.pidOf(this.ours)), baseline: rssMb(this.pidOf(this.baseline)) };
    results.rssAfterIntakeMb = rss;
    this.rows.push({
      benchmark: 'intake',
      figure: 'RSS after the intake runs, ours / baseline',
      value: `${rss.ours} / ${rss.baseline} MB`,
    });
    if (this.options.smoke) {
      // The smoke run asserts no aim, only that both servers answered every report with 201.
      for (const who of ['ours', 'baseline'] as const) {
        const measured = (results.c10 as Comparison)[who];
        if (measured.requests === 0 || measured.errors + measured.non2xx > 0) {
          this.failures.push(
            `smoke: ${who} answered ${measured.requests} reports, ${measured.errors} errors, status codes ${JSON.stringify(measured.statusCodes)}`,
          );
        }
      }
    }
    this.results.intake = results;
  }

  /**
   * The baseline is only a fair measure while it writes what our intake writes: rows per case
   * in each table of the two databases, compared after the intake runs.
   */
  private async checkParity(): Promise<void> {
    const [ours, baseline] = await Promise.all([
      rowsPerCase(this.env.DATABASE_URL),
      rowsPerCase(databaseUrl(BASELINE_DB)),
    ]);
    const differs = Object.keys(ours).filter(
      (table) => Math.abs(ours[table] - baseline[table]) > 0.05 * Math.max(ours[table], 0.05),
    );
    this.results.baselineParity = { rowsPerCase: { ours, baseline }, differs };
    if (differs.length > 0) {
      log(
        `baseline parity: rows per case differ in ${differs.join(', ')}: ${JSON.stringify({ ours, baseline })}`,
      );
    }
    this.rows.push({
      benchmark: 'intake',
      figure: 'baseline writes the rows ours writes',
      value:
        differs.length === 0
          ? `same rows per case (${Object.entries(ours)
              .map(([t, n]) => `${t} ${n}`)
              .join(', ')})`
          : `differs: ${differs.map((t) => `${t} ${ours[t]} / ${baseline[t]}`).join(', ')}`,
      met: differs.length === 0,
    });
  }

  private async followUp(): Promise<void> {
    const count = 300;
    log(`filing ${count} cases through each server to look up`);
    const ours = await fileCases((this.ours as Started).url, this.scenarioData, count);
    const baseline = await fileCases((this.baseline as Started).url, this.scenarioData, count);
    const comparison = await this.compare('follow-up', 'follow-up.js', 10, {
      ours: { cases: ours },
      baseline: { cases: baseline },
    });
    this.results.followUp = { c10: comparison, cases: count };
  }

  /**
   * RSS of a freshly started server under intake load: warmed up, then sampled through two
   * minutes (the highest sample, and the floor of each minute against the other).
   */
  private async memory(): Promise<void> {
    const env: Record<string, string> = { ...this.env, PORT: String(await freePort()) };
    env.PUBLIC_URL = `http://127.0.0.1:${env.PORT}`;
    const server = this.track(await startOurServer(env));
    const pid = server.child.pid as number;
    const connections = 50;
    try {
      const atStart = rssMb(pid);
      log(
        `memory: ${connections} connections of intake for 60 s, twice (RSS at start ${atStart} MB)`,
      );
      const load = {
        url: server.url,
        connections,
        durationSeconds: 60,
        scenario: 'intake.js',
        scenarioData: this.scenarioData,
      };
      // RSS every second: it saws up and down by tens of MB as the collector runs, so one
      // sample at the end of a minute says little. The aim holds for the highest sample of both
      // minutes; growth compares the floors (the RSS after collection, where a leak shows).
      const sampled = async () => {
        const samples: number[] = [];
        const timer = setInterval(() => samples.push(rssMb(pid)), 1000);
        try {
          const result = await runLoad(load);
          samples.push(rssMb(pid));
          return { result, samples };
        } finally {
          clearInterval(timer);
        }
      };
      // Warmed up first, as soak.ts leaves out the start of its run: a fresh server's heap
      // grows to its working size (old space, compiled code) under its first load, and that
      // growth would otherwise count against the first minute's floor. A leak keeps growing
      // after it. (The smoke run never measures memory.)
      log(`memory: warming up (${MEMORY_WARM_UP_SECONDS} s)`);
      await runLoad({ ...load, durationSeconds: MEMORY_WARM_UP_SECONDS });
      const afterWarmUp = rssMb(pid);
      const first = await sampled();
      const second = await sampled();
      const peak = Math.max(...first.samples, ...second.samples);
      const floors = [Math.min(...first.samples), Math.min(...second.samples)];
      const after60 = first.samples[first.samples.length - 1];
      const after120 = second.samples[second.samples.length - 1];
      const growthPercent = round(((floors[1] - floors[0]) / floors[0]) * 100);
      const met = peak <= AIMS.rssMb && growthPercent <= AIMS.rssGrowthPercent;
      this.results.memory = {
        connections,
        rssAtStartMb: atStart,
        warmUpSeconds: MEMORY_WARM_UP_SECONDS,
        rssAfterWarmUpMb: afterWarmUp,
        rssAfter60sMb: after60,
        rssAfter120sMb: after120,
        rssPeakMb: peak,
        rssFloorsMb: floors,
        growthPercent,
        requests: [first.result.requests, second.result.requests],
        aimMb: AIMS.rssMb,
        met,
      };
      this.rows.push(
        {
          benchmark: 'memory',
          figure: `RSS over 2 × 60 s intake @${connections}: highest (at 60 s; at start; after warm-up)`,
          value: `${peak} MB (${after60} MB; ${atStart} MB; ${afterWarmUp} MB)`,
          aim: `≤ ${AIMS.rssMb} MB`,
          met: peak <= AIMS.rssMb,
        },
        {
          benchmark: 'memory',
          figure: 'RSS floor, second minute against first',
          value: `${growthPercent}% (${floors[0]} → ${floors[1]} MB)`,
          aim: `≤ ${AIMS.rssGrowthPercent}%`,
          met: growthPercent <= AIMS.rssGrowthPercent,
        },
      );
    } finally {
      await this.stop(server);
    }
  }

  private async staffList(): Promise<void> {
    const ours = this.ours as Started;
    const figure = `p99 over ${STAFF_LIST_CASES.toLocaleString('en')} cases`;
    const unavailable = (reason: string) => {
      this.results.staffList = { available: false, reason };
      this.rows.push({
        benchmark: 'staff list',
        figure,
        value: `not available (${reason})`,
        aim: `≤ ${AIMS.staffListP99Ms} ms`,
      });
      log(`staff list: not available: ${reason}`);
    };
    const probe = await fetch(`${ours.url}/api/v1/cases`);
    if (probe.status === 404) return unavailable('no GET /api/v1/cases yet');

    log(`staff list: loading ${STAFF_LIST_CASES} cases with COPY`);
    const loaded = await loadCases({
      databaseUrl: this.env.DATABASE_URL,
      count: STAFF_LIST_CASES,
      cipher: new FieldCipher(
        new Map(
          this.env.FIELD_ENCRYPTION_KEYS.split(',').map((entry) => {
            const [id, key] = entry.split(':');
            return [id, Buffer.from(key, 'base64')] as const;
          }),
        ),
        this.env.FIELD_ENCRYPTION_ACTIVE_KEY_ID,
      ),
      log: (line) => log(`  ${line}`),
    });
    log(`staff list: ${loaded.cases} cases loaded in ${Math.round(loaded.ms / 1000)} s`);

    const admin = DEMO_STAFF.find((s) => s.role === 'administrator');
    if (!admin) return unavailable('no demo administrator to sign in as');
    let cookie: string;
    try {
      cookie = await signIn(ours.url, admin.email, DEMO_STAFF_PASSWORD, admin.totpSecret);
    } catch (error) {
      return unavailable(
        `sign-in failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const queries = staffListQueries(this.scenarioData.codes);
    for (const query of [queries[0], SEARCH_QUERIES[0]]) {
      const check = await fetch(`${ours.url}/api/v1/cases?${query}`, { headers: { cookie } });
      if (check.status !== 200) {
        return unavailable(`GET /api/v1/cases?${query} answered ${check.status}`);
      }
    }
    if (this.warmUp > 0) {
      // As for intake: compiled code, and each pooled connection's prepared page statements past
      // their first plans, before the measured load (the list's steady state).
      log(`staff list: warming up (${2 * this.warmUp} s)`);
      await runLoad({
        url: ours.url,
        connections: STAFF_LIST_CONNECTIONS,
        durationSeconds: 2 * this.warmUp,
        scenario: 'staff-list.js',
        scenarioData: { cookie, queries },
      });
    }
    const lists = await this.measure(
      ours,
      BENCH_DB,
      'staff-list.js',
      STAFF_LIST_CONNECTIONS,
      this.duration,
      { cookie, queries },
      'staff list',
    );
    const search = await this.measure(
      ours,
      BENCH_DB,
      'staff-list.js',
      STAFF_LIST_CONNECTIONS,
      this.duration,
      { cookie, queries: SEARCH_QUERIES },
      'staff list search',
    );
    const byFilter = await timeFilters(ours.url, cookie, this.scenarioData.codes);
    const slowest = Object.entries(byFilter).sort((x, y) => y[1] - x[1]);
    log(`staff list: median ms of each filter alone: ${JSON.stringify(byFilter)}`);
    const failures = (m: Measured) => m.errors + m.non2xx;
    this.results.staffList = {
      available: true,
      cases: loaded.cases,
      loadMs: loaded.ms,
      connections: STAFF_LIST_CONNECTIONS,
      filtered: lists,
      search,
      medianMsByFilter: byFilter,
      aimP99Ms: AIMS.staffListP99Ms,
      met: lists.latencyP99 <= AIMS.staffListP99Ms && failures(lists) === 0,
    };
    this.rows.push(
      {
        benchmark: `staff list @${STAFF_LIST_CONNECTIONS}`,
        figure: `filtered pages: ${figure}`,
        value: `${lists.latencyP99} ms (p50 ${lists.latencyP50} ms, ${lists.throughput} req/s)${failures(lists) ? ` [${failures(lists)} failed]` : ''}`,
        aim: `≤ ${AIMS.staffListP99Ms} ms`,
        met: lists.latencyP99 <= AIMS.staffListP99Ms && failures(lists) === 0,
      },
      {
        benchmark: 'staff list @1',
        figure: 'slowest filters alone (median)',
        value: slowest
          .slice(0, 3)
          .map(([name, ms]) => `${name} ${ms} ms`)
          .join(', '),
      },
      {
        benchmark: `staff list @${STAFF_LIST_CONNECTIONS}`,
        figure: `free-text search (q=): p99`,
        value: `${search.latencyP99} ms (p50 ${search.latencyP50} ms, ${search.throughput} req/s)${failures(search) ? ` [${failures(search)} failed]` : ''}`,
      },
      {
        benchmark: `staff list @${STAFF_LIST_CONNECTIONS}`,
        figure: 'CPU ms/request server + db (filtered)',
        value: `${lists.cpuMsPerRequest} + ${lists.databaseCpuMsPerRequest}`,
      },
    );
  }

  private async childBenchmark(key: string, file: string): Promise<void> {
    const path = join(ROOT, 'test/bench', file);
    if (!existsSync(path)) {
      this.rows.push({ benchmark: key, figure: '-', value: 'not available (no benchmark yet)' });
      return;
    }
    log(`${key}: running test/bench/${file}`);
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path],
        {
          cwd: ROOT,
          stdio: ['ignore', 'inherit', 'inherit'],
          env: this.options.profile
            ? { ...process.env, BENCH_PROFILE_DIR: PROFILE_DIR }
            : process.env,
        },
      );
      child.on('exit', resolve);
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    if (code !== 0) {
      this.rows.push({
        benchmark: key,
        figure: '-',
        value: `failed (exit ${code}) after ${seconds} s`,
        met: false,
      });
      return;
    }
    const result = readResults()[key];
    const fresh =
      typeof result?.measuredAt === 'string' && Date.parse(result.measuredAt) >= this.startedAt;
    this.rows.push(...childRows(key, fresh ? result : undefined));
  }
}

/** Rows per case in each table the intake writes (stat_counters: the sum of its counts). */
async function rowsPerCase(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM cases) AS cases,
              (SELECT count(*) FROM case_grounds) AS grounds,
              (SELECT count(*) FROM case_history) AS history,
              (SELECT count(*) FROM notification_outbox) AS outbox`,
    );
    const counts = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
    const stats = await client.query<{ n: string }>(
      `SELECT CASE WHEN to_regclass('stat_counters') IS NULL THEN 0
         ELSE (SELECT coalesce(sum(value), 0) FROM stat_counters) END AS n`,
    );
    counts.counters = Number(stats.rows[0].n);
    const cases = Math.max(1, counts.cases);
    return Object.fromEntries(
      Object.entries(counts)
        .filter(([k]) => k !== 'cases')
        .map(([k, v]) => [k, round(v / cases, 2)]),
    );
  } finally {
    await client.end();
  }
}

function readResults(): Record<string, Record<string, unknown>> {
  return existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, Record<string, unknown>>)
    : {};
}

interface NotificationResult {
  emails: number;
  throughputPerSecond: number;
  aimPerSecond?: number;
  met?: boolean;
  burstLatencyMs?: { p50: number; p95: number };
  steady?: { offeredPerSecond: number; latencyMs: { p50: number; p95: number } };
  duplicates?: number;
}

function notificationRows(r: NotificationResult): Row[] {
  const rows: Row[] = [
    {
      benchmark: 'notifications',
      figure: `${r.emails} emails at once: outbox → SMTP`,
      value: `${r.throughputPerSecond}/s`,
      aim: r.aimPerSecond === undefined ? undefined : `≥ ${r.aimPerSecond}/s`,
      met: r.met,
    },
  ];
  if (r.steady) {
    rows.push({
      benchmark: 'notifications',
      figure: `steady ${r.steady.offeredPerSecond}/s: commit → SMTP p50 / p95`,
      value: `${r.steady.latencyMs.p50} / ${r.steady.latencyMs.p95} ms`,
    });
  }
  if (r.duplicates !== undefined) {
    rows.push({
      benchmark: 'notifications',
      figure: 'emails sent twice',
      value: String(r.duplicates),
      aim: '0',
      met: r.duplicates === 0,
    });
  }
  return rows;
}

interface StatisticsResult {
  endpoint?: string;
  sizes: { cases: number; yearlyLatencyMs: { p50: number; p99: number } }[];
  p50Ratio?: number;
  aim?: { p50Ms?: number; ratio?: number };
}

function statisticsRows(r: StatisticsResult): Row[] {
  const aimMs = r.aim?.p50Ms;
  const rows: Row[] = r.sizes.map((size) => ({
    benchmark: 'statistics',
    figure: `yearly p50 / p99 at ${size.cases.toLocaleString('en')} cases`,
    value: `${size.yearlyLatencyMs.p50} / ${size.yearlyLatencyMs.p99} ms`,
    aim: aimMs === undefined ? undefined : `p50 ≤ ${aimMs} ms`,
    met: aimMs === undefined ? undefined : size.yearlyLatencyMs.p50 <= aimMs,
  }));
  if (r.p50Ratio !== undefined) {
    rows.push({
      benchmark: 'statistics',
      figure: 'p50 ratio largest / smallest',
      value: `${r.p50Ratio}×`,
      aim: r.aim?.ratio === undefined ? undefined : `≤ ${r.aim.ratio}×`,
      met: r.aim?.ratio === undefined ? undefined : r.p50Ratio <= r.aim.ratio,
    });
  }
  return rows;
}

/**
 * The table rows of a benchmark that another helper wrote: its own `rows` when it gives them,
 * otherwise the figures we know of each.
 */
function childRows(key: string, result: Record<string, unknown> | undefined): Row[] {
  if (!result) return [{ benchmark: key, figure: '-', value: 'no result written by this run' }];
  if (Array.isArray(result.rows)) return result.rows as Row[];
  if (key === 'notifications') return notificationRows(result as unknown as NotificationResult);
  if (key === 'statistics' && Array.isArray(result.sizes)) {
    return statisticsRows(result as unknown as StatisticsResult);
  }
  return [
    {
      benchmark: key,
      figure: 'see results.json',
      value: JSON.stringify(result).slice(0, 80),
      met: typeof result.met === 'boolean' ? result.met : undefined,
    },
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const bench = new Bench(options, await freePort());
  const stop = () => process.exit(130);
  process.once('SIGINT', stop);
  await bench.run();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
