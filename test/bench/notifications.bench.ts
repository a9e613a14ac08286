/**
 * Email throughput: outbox rows → relay → BullMQ → worker → SMTP, with a worker process as in
 * production and an SMTP sink in this process. Two phases:
 *  1. a burst of 10,000 emails committed at once: throughput (emails per second from the
 *     first commit to the last SMTP acceptance) and commit → acceptance latency;
 *  2. a steady load below that rate: commit → acceptance latency when the queue is not backed up.
 * Run: npx ts-node -T -r tsconfig-paths/register test/bench/notifications.bench.ts
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { FieldCipher, databaseOptions, projectRoot, runMigrationsLocked } from '@app/core';
import { NOTIFICATION_ENTITIES, NotificationOutbox, OutboxItem } from '@app/notifications';
import { MIGRATIONS } from '../../migrations';
import { TestRedis } from '../support/redis-server';
import { SmtpSink } from '../support/smtp-sink';
import { createDatabase, dropDatabase } from '../support/test-database';
import { databaseUrl, testConfig, uniqueName } from '../support/test-env';
import { mailTestEnv, spawnWorkerProcess } from '../support/test-worker';
import { pause } from '../support/wait';
import { WORKER_MAIN } from './lib/platform';
import { printTable, recordResult } from './lib/report';

const BURST = Number(process.env.BENCH_EMAILS ?? 10_000);
const STEADY = Number(process.env.BENCH_STEADY_EMAILS ?? 3_000);
const STEADY_RATE = 200; // emails per second offered in phase 2
const AIM = 300;

/** CPU time (user + system) a process used so far, in ms, from /proc (Linux; 10 ms ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time all cores spent busy so far (user, nice, system, irq, softirq, steal), in ms, from
 * /proc/stat (Linux; 10 ms ticks): the whole pipeline's cost, PostgreSQL, Redis and the SMTP
 * sink included, which bounds the throughput the machine's cores allow.
 */
function machineBusyMs(): number {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) * 10;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function items(count: number, offset: number): OutboxItem[] {
  return Array.from({ length: count }, (_, i) => ({
    template: 'case_submitted_staff' as const,
    locale: (['sq', 'sr', 'en', 'rom'] as const)[(offset + i) % 4],
    to: `admin-${offset + i}@bench.example.org`,
    params: {
      reference: `PMD-2026-${String(offset + i + 1).padStart(5, '0')}`,
      caseUrl: `http://localhost:3000/staff/cases/${offset + i}`,
    },
  }));
}

async function main(): Promise<void> {
  const dbName = uniqueName('pmd_bench_mail');
  const redis = await TestRedis.start();
  const sink = await SmtpSink.start({ parse: false });
  await createDatabase(dbName);
  const env = mailTestEnv({
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    MAIL_BACKOFF_MS: '1000',
    MAIL_ATTEMPTS: '8',
    MAIL_JOB_LOCK_MS: '30000',
    MAIL_SEND_LEASE_MS: '120000',
    OUTBOX_POLL_MS: '1000',
    // The production defaults, unless a tuning run overrides them.
    ...Object.fromEntries(
      ['MAIL_CONCURRENCY', 'MAIL_POOL_SIZE', 'OUTBOX_BATCH_SIZE']
        .filter((name) => process.env[name])
        .map((name) => [name, process.env[name] as string]),
    ),
  });
  const config = testConfig(env);
  // Only the outbox's entity: the benchmark writes nothing else.
  const dataSource = new DataSource({
    ...databaseOptions(config, 'pmd-bench'),
    entities: NOTIFICATION_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
  });
  await dataSource.initialize();
  let worker: Awaited<ReturnType<typeof spawnWorkerProcess>> | undefined;
  try {
    await runMigrationsLocked(dataSource);
    const outbox = new NotificationOutbox(
      new FieldCipher(config.security.encryptionKeys, config.security.activeEncryptionKeyId),
    );
    // BENCH_PROFILE_DIR: a CPU profile of the worker (what `npm run bench -- --profile` asks).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    // The bundled worker as production runs it (`npm run bench` builds it first); alone, without
    // a build, ts-node compiles it as it starts (over a minute on a busy machine) and its
    // `domain` module slows every event, so its figures are not production's.
    const compiled = join(projectRoot(), WORKER_MAIN);
    worker = await spawnWorkerProcess(env, {
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      readyTimeoutMs: 180_000,
      compiled: existsSync(compiled) ? compiled : undefined,
    });
    const committedAt = new Map<string, number>();
    const write = async (list: OutboxItem[]) => {
      const ids = await dataSource.transaction((m) => outbox.add(m, list));
      const now = Date.now();
      for (const id of ids) committedAt.set(id, now);
    };
    const latencies = (from: number, to: number) =>
      sink.mails
        .slice(from, to)
        .map((mail) => {
          const id = /^<([^@]+)@/.exec(mail.messageId)?.[1] ?? '';
          return mail.acceptedAt - (committedAt.get(id) ?? NaN);
        })
        .filter((ms) => Number.isFinite(ms))
        .sort((a, b) => a - b);

    const workerCpu0 = cpuMs(worker.child.pid!);
    const machine0 = machineBusyMs();
    const runner0 = process.cpuUsage();
    // Phase 1: the burst, committed in transactions of 500 rows as fast as PostgreSQL takes them.
    const burstStart = Date.now();
    for (let offset = 0; offset < BURST; offset += 500) await write(items(500, offset));
    const writtenMs = Date.now() - burstStart;
    await sink.waitFor(BURST, 10 * 60_000);
    const burstMs = sink.mails[BURST - 1].acceptedAt - burstStart;
    const throughput = Math.round((BURST / burstMs) * 1000);
    const burstLatency = latencies(0, BURST);
    const workerCpuPerEmail = (cpuMs(worker.child.pid!) - workerCpu0) / BURST;
    const machinePerEmail = (machineBusyMs() - machine0) / BURST;
    const runner = process.cpuUsage(runner0);
    // This process: the writes of the burst and the SMTP sink that receives every e-mail.
    const runnerPerEmail = (runner.user + runner.system) / 1000 / BURST;
    const cores = cpus().length;

    // Phase 2: a steady load, one transaction of 10 emails every 1000 / (rate / 10) ms.
    const perTick = 10;
    const tickMs = 1000 / (STEADY_RATE / perTick);
    const steadyStart = Date.now();
    for (let sent = 0; sent < STEADY; sent += perTick) {
      await write(items(perTick, BURST + sent));
      const next = steadyStart + ((sent + perTick) / perTick) * tickMs;
      await pause(Math.max(0, next - Date.now()));
    }
    await sink.waitFor(BURST + STEADY, 5 * 60_000);
    const steadyLatency = latencies(BURST, BURST + STEADY);

    const duplicates = [...sink.deliveriesByMessageId().values()].filter((n) => n > 1).length;
    const result = {
      emails: BURST,
      writeMs: writtenMs,
      drainMs: burstMs,
      throughputPerSecond: throughput,
      burstLatencyMs: {
        p50: percentile(burstLatency, 50),
        p95: percentile(burstLatency, 95),
      },
      steady: {
        emails: STEADY,
        offeredPerSecond: STEADY_RATE,
        latencyMs: { p50: percentile(steadyLatency, 50), p95: percentile(steadyLatency, 95) },
      },
      duplicates,
      workerCpuMsPerEmail: Math.round(workerCpuPerEmail * 100) / 100,
      // Every process of the machine during the burst, and this runner's share (writer + SMTP
      // sink): the cores allow at most cores × 1000 / machineCpuMsPerEmail e-mails a second.
      machineCpuMsPerEmail: Math.round(machinePerEmail * 100) / 100,
      runnerCpuMsPerEmail: Math.round(runnerPerEmail * 100) / 100,
      // A rough upper bound: whatever else ran on the machine counts too (run it quiet).
      ceilingPerSecondOnTheseCores:
        machinePerEmail > 0 ? Math.round((cores * 1000) / machinePerEmail) : null,
      workerRuns: existsSync(compiled) ? 'bundled (dist/bundle)' : 'ts-node',
      loadAverageAtEnd: Math.round(loadavg()[0] * 100) / 100,
      aimPerSecond: AIM,
      met: throughput >= AIM,
      settings: {
        concurrency: config.notifications.concurrency,
        smtpConnections: config.notifications.poolSize,
        outboxBatch: config.notifications.outboxBatchSize,
      },
    };
    printTable([
      {
        benchmark: 'notifications',
        figure: `throughput (${BURST} emails)`,
        value: `${throughput}/s`,
        aim: `>= ${AIM}/s`,
        met: result.met,
      },
      {
        benchmark: 'notifications',
        figure: 'burst commit→SMTP p50 / p95',
        value: `${result.burstLatencyMs.p50} / ${result.burstLatencyMs.p95} ms`,
      },
      {
        benchmark: 'notifications',
        figure: `steady ${STEADY_RATE}/s commit→SMTP p50 / p95`,
        value: `${result.steady.latencyMs.p50} / ${result.steady.latencyMs.p95} ms`,
      },
      {
        benchmark: 'notifications',
        figure: 'worker CPU per email',
        value: `${result.workerCpuMsPerEmail} ms`,
      },
      {
        benchmark: 'notifications',
        figure: 'machine CPU per email (runner: writer + SMTP sink)',
        value: `${result.machineCpuMsPerEmail} ms (${result.runnerCpuMsPerEmail} ms); at most ${result.ceilingPerSecondOnTheseCores}/s on ${cores} cores`,
      },
      {
        benchmark: 'notifications',
        figure: 'duplicates',
        value: String(duplicates),
        aim: '0',
        met: duplicates === 0,
      },
    ]);
    recordResult('notifications', result);
  } finally {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await dataSource.destroy();
    await dropDatabase(dbName);
    await sink.stop();
    await redis.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
