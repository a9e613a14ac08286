import { ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '@app/core';
import { freePort } from './redis-server';
import { testCountryEnv, uniqueName } from './test-env';
import { until } from './wait';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** What the process wrote (JSON log lines), for diagnosis and for log checks. */
  output: string[];
  stop(): Promise<void>;
}

/** Node's arguments for an app: its built file, or its TypeScript entry through ts-node. */
export function appArguments(
  entry: string,
  options: { compiled?: string; nodeArgs?: string[] },
): string[] {
  const start = options.compiled
    ? [options.compiled]
    : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry];
  return [...(options.nodeArgs ?? []), ...start];
}

/**
 * The environment of an app process in a test: nothing inherited but PATH and HOME, the test
 * run's country, info logs and an upload folder of its own; `env` on top.
 */
export function appEnvironment(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...testCountryEnv(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    UPLOAD_DIR: `/tmp/pmd-test-uploads/${uniqueName('u')}`,
    ...env,
  };
}

/**
 * The HTTP server as its own process (`apps/server/src/main.ts` through ts-node, or the built
 * bundle as production runs it), on a free port; resolves once /health/ready answers 200.
 */
export async function spawnServerProcess(
  env: Record<string, string>,
  options: {
    /** The built server (`npm run build`), as production runs it, instead of ts-node. */
    compiled?: string;
    nodeArgs?: string[];
  } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, appArguments('apps/server/src/main.ts', options), {
    cwd: projectRoot(),
    env: { ...appEnvironment({ HOST: '127.0.0.1', ...env }), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => {
    if (exited) throw new Error(`The server exited at start: ${output.join('')}`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      return res.status === 200;
    } catch {
      return false; // not listening yet
    }
  };
  try {
    await until(ready, () => `the server to be ready: ${output.join('')}`, {
      timeoutMs: 150_000,
      intervalMs: 200,
    });
  } catch (error) {
    // A server that did not start must not outlive the test.
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    url,
    output,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
