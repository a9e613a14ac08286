import { AppConfig, loadConfig } from './app-config';
import { ConfigError } from './config-error';
import { loadEnvFile } from './env-file';

/**
 * For process entry points: reads `.env` and the environment, or stops the process with
 * one line naming what is wrong (no stack trace: it is the operator's mistake, not a bug).
 */
export function readConfigOrExit(): AppConfig {
  try {
    loadEnvFile();
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
