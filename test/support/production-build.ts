import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '@app/core';

/** The bundles `npm run build` writes, as `npm run start:server` and `start:worker` run them. */
export const BUNDLES = {
  server: 'dist/bundle/server.js',
  worker: 'dist/bundle/worker.js',
  pdfWorker: 'dist/bundle/pdf-worker.js',
};

/** What the build reads: when any of it is newer than a bundle, the bundles are built again. */
const SOURCES = ['apps', 'libs', 'config', 'migrations'];
const SOURCE_FILES = [
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'scripts/bundle.ts',
];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Builds the production bundles (`npm run build`) unless those on disk are newer than every
 * source they are made from, so a run of the tests checks the code it holds.
 */
export async function ensureProductionBuild(): Promise<void> {
  const root = projectRoot();
  const built = Object.values(BUNDLES).map((file) => mtime(join(root, file)));
  const sources = Math.max(
    ...SOURCES.map((dir) => newestSource(join(root, dir))),
    ...SOURCE_FILES.map((file) => mtime(join(root, file)) ?? 0),
  );
  if (built.every((at) => at !== undefined && at > sources)) return;
  await promisify(execFile)('npm', ['run', '--silent', 'build'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 600_000,
  });
}
