import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';

export const RESULTS_FILE = join(ROOT, 'test/bench/results.json');

/** Merges one benchmark's figures into test/bench/results.json (other keys are kept). */
export function recordResult(key: string, value: unknown): void {
  const current = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
  current[key] = { ...((value as object) ?? {}), measuredAt: new Date().toISOString() };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(current, null, 2)}\n`);
}

export interface Row {
  benchmark: string;
  figure: string;
  value: string;
  aim?: string;
  met?: boolean;
}

export function printTable(rows: Row[]): void {
  const headers = ['benchmark', 'figure', 'value', 'aim', 'met'];
  const cells = rows.map((r) => [
    r.benchmark,
    r.figure,
    r.value,
    r.aim ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${line(headers)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}
