import { ChildProcess, spawn } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig, projectRoot } from '@app/core';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { LogCapture } from './log-capture';
import { appArguments, appEnvironment } from './server-process';
import { testConfig, uniqueName } from './test-env';

/**
 * The variables that make a server and its workers share one installation in a test: the same
 * Redis prefix and mail settings. Fast retries so failures show within seconds.
 */
export function mailTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_KEY_PREFIX: uniqueName('t').replace(/_/g, '-'),
    MAIL_BACKOFF_MS: '200',
    MAIL_ATTEMPTS: '4',
    OUTBOX_POLL_MS: '200',
    MAIL_JOB_LOCK_MS: '5000',
    MAIL_SEND_LEASE_MS: '5000',
    ...overrides,
  };
}

export interface TestWorker {
  app: INestApplicationContext;
  config: AppConfig;
  logs: LogCapture;
  close(): Promise<void>;
}

/** The real worker (relay, mail processor, scheduler) in this process, with its logs captured. */
export async function startTestWorker(env: Record<string, string>): Promise<TestWorker> {
  const config = testConfig(env);
  const logs = new LogCapture();
  const app = await createWorker({ config, logDestination: logs });
  return { app, config, logs, close: () => app.close() };
}

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * The worker as its own process (`apps/worker/src/main.ts` through ts-node, or the built bundle
 * with `compiled`), to kill it.
 * Ready when it logs "Worker started" (so LOG_LEVEL must be info or lower).
 */
export async function spawnWorkerProcess(
  env: Record<string, string>,
  options: {
    readyTimeoutMs?: number;
    nodeArgs?: string[];
    /** The built worker (`npm run build`), as production runs it, instead of ts-node. */
    compiled?: string;
  } = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, appArguments('apps/worker/src/main.ts', options), {
    cwd: projectRoot(),
    env: appEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const started = new Promise<void>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output.push(data.toString());
      if (output.join('').includes('Worker started')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => output.push(data.toString()));
    void exited.then((code) =>
      reject(new Error(`The worker exited (${code}): ${output.join('')}`)),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      started,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`The worker did not start: ${output.join('')}`)),
          options.readyTimeoutMs ?? 60000,
        );
      }),
    ]);
  } catch (error) {
    // A worker that did not start must not outlive the test.
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { child, output, exited };
}
