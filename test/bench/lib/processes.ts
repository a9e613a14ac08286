import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pause, until } from '../../support/wait';

export const ROOT = join(__dirname, '../../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Resident set size of a process, in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/**
 * CPU time a process has used so far (user + system, every thread: argon2's threadpool too),
 * in ms, from /proc (Linux; the kernel counts in ticks of 1/100 s).
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in brackets and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time used so far by each PostgreSQL backend serving one database (their command line
 * reads `postgres: [<cluster>:] <user> <database> <client> <state>`), in ms by pid.
 */
export function databaseBackendsCpuMs(database: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.startsWith('postgres: ')) continue;
      const words = cmdline.slice('postgres: '.length).split(' ');
      if (words[0].endsWith(':')) words.shift();
      if (words[1] === database) byPid.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return byPid;
}

/**
 * CPU the backends of a database used since `before` (a databaseBackendsCpuMs snapshot). A
 * backend that ended in between is missed, so measure where the pool keeps its connections.
 */
export function databaseCpuMsSince(database: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of databaseBackendsCpuMs(database)) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Waits until a process is idle (under 5% of a core over 250 ms): after a load with many
 * connections the server still finishes the requests it had queued, which must not be measured
 * as part of the next load.
 */
export async function settle(pid: number, timeoutMs = 20_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  let last = cpuMs(pid);
  while (performance.now() < until) {
    await pause(250);
    const now = cpuMs(pid);
    if (now - last < 12.5) return;
    last = now;
  }
}

export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

export interface Started {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 of the readiness URL. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts a process and waits until `readyPath` answers 200 (cold start is measured here). */
export async function startHttpProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath = '/health/ready',
  timeoutMs = 30000,
): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const ready = async () => {
    if (exited) throw new Error(`${args.join(' ')} exited before it was ready`);
    try {
      return (await fetch(`${url}${readyPath}`)).status === 200;
    } catch {
      return false; // not listening yet
    }
  };
  try {
    // Checked often: the time to readiness is one of the measurements.
    await until(ready, `${args.join(' ')} to be ready`, { timeoutMs, intervalMs: 20 });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyMs = Math.round(performance.now() - started);
  return {
    child,
    url,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10000).unref();
      }),
  };
}
