import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../views/project-root';

/**
 * Loads `.env` from the project root when present (values already in the environment win).
 * Real deployments set variables in their process manager; this file is a local convenience.
 */
export function loadEnvFile(path = join(projectRoot(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
