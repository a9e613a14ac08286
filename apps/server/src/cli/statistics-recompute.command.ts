import { StatisticsRecompute } from '@app/statistics';
import type { CliCommand } from './cli-command';

/**
 * Recomputes every statistics figure from the cases and compares it with the summary rows.
 * Exit code 1 when they differ (without --fix), so a scheduled check can alert.
 */
export const statisticsRecomputeCommand: CliCommand = {
  name: 'statistics-recompute',
  summary: 'Recompute the statistics from the cases and report any difference (--fix to repair)',
  usage: '[--fix] [--limit <n>]',
  async run(app, options) {
    const fix = options.fix === true;
    const limit = typeof options.limit === 'string' ? Number(options.limit) : 100;
    if (!Number.isInteger(limit) || limit < 0) throw new Error('--limit must be a whole number');
    const report = await app.get(StatisticsRecompute).run({ fix, limit });
    for (const d of report.differences) {
      process.stdout.write(`${d.table}\t${d.what}\texpected ${d.expected}\tfound ${d.actual}\n`);
    }
    if (report.total === 0) {
      process.stdout.write('Statistics match the cases: no difference\n');
      return;
    }
    const shown =
      report.differences.length < report.total ? ` (${report.differences.length} shown)` : '';
    if (report.fixed) {
      process.stdout.write(
        `${report.total} differences found${shown}; summary rows rebuilt from the cases\n`,
      );
      return;
    }
    process.stdout.write(`${report.total} differences found${shown}; run with --fix to rebuild\n`);
    process.exitCode = 1;
  },
};
