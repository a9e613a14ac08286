import { writeFile } from 'node:fs/promises';
import { DomainError, Locale, translate } from '@app/core';
import { RegionalReports, checkRegionalReport } from '@app/statistics';
import type { CliCommand } from './cli-command';

/** A refusal of the statistics as the command prints it: the message, then each problem. */
export function domainErrorText(error: DomainError, lang: Locale = 'en'): string {
  return [
    translate(lang, `error.${error.code}`, error.params),
    ...error.fieldErrors.map((e) => `  ${translate(lang, e.messageKey, e.params)}`),
  ].join('\n');
}

/**
 * Writes the yearly regional report (docs/regional-report/v1) of this installation: the public
 * figures of the year, with the public page's disclosure control. The report is checked against
 * the published schema before it is written.
 */
export const regionalReportCommand: CliCommand = {
  name: 'regional-report',
  summary: 'Write the yearly regional report (JSON, docs/regional-report/v1)',
  usage: '--year <YYYY> [--out <file>]',
  async run(app, options) {
    const year = typeof options.year === 'string' ? Number(options.year) : NaN;
    if (!Number.isInteger(year)) throw new Error('--year must be a year, e.g. --year 2025');
    if (options.out !== undefined && typeof options.out !== 'string') {
      throw new Error('--out must be a file name');
    }
    let text: string;
    try {
      text = `${JSON.stringify(await app.get(RegionalReports).report(year), null, 2)}\n`;
    } catch (error) {
      if (error instanceof DomainError) throw new Error(domainErrorText(error));
      throw error;
    }
    const checked = checkRegionalReport(text);
    if (!checked.report) {
      throw new Error(`The report does not fit its schema: ${JSON.stringify(checked.problems)}`);
    }
    if (typeof options.out === 'string') {
      await writeFile(options.out, text);
      process.stderr.write(`Regional report of ${year} written to ${options.out}\n`);
    } else {
      process.stdout.write(text);
    }
  },
};
