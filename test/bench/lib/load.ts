import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './processes';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** A CommonJS module under test/bench/scenarios exporting `request(i)` → {method, path, headers, body}. */
  scenario: string;
  /** Passed to the scenario module (e.g. the references and codes to look up). */
  scenarioData?: unknown;
  /** A request slower than this counts as an error (autocannon's default is 10 s). */
  timeoutSeconds?: number;
  /** Requests per second across all connections (a fixed rate); as fast as possible without. */
  overallRate?: number;
}

export interface LoadResult {
  requests: number;
  throughput: number;
  latencyP50: number;
  latencyP99: number;
  latencyMean: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * Runs autocannon in a separate Node process, so the load generator does not share an event
 * loop (or a CPU budget in the same process) with what it measures.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'test/bench/lib/autocannon-runner.js')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(JSON.stringify(options));
  });
}
