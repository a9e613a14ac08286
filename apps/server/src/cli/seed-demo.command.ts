import type { CliCommand } from './cli-command';

/**
 * Demo data for a local run: idempotent, so `npm start` can call it every time.
 * Each bounded context adds its part here as it arrives.
 */
export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Load demo staff accounts and cases (development only; safe to run again)',
  async run() {
    process.stdout.write('Demo data is up to date\n');
  },
};
