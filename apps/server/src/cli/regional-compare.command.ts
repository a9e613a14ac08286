import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError, isLocale } from '@app/core';
import {
  COMPARISON_FORMATS,
  ComparisonFormat,
  REGIONAL_MAX_FILE_BYTES,
  RegionalComparisons,
} from '@app/statistics';
import type { CliCommand } from './cli-command';
import { domainErrorText } from './regional-report.command';

/**
 * Compares several countries' yearly regional reports: every file is checked against the schema
 * (one bad file refuses the comparison, naming the file and the problem), then the table per
 * country, per year and for the region is written as CSV, XLSX or HTML.
 */
export const regionalCompareCommand: CliCommand = {
  name: 'regional-compare',
  summary: 'Compare countries’ yearly regional reports (CSV, XLSX or HTML)',
  usage:
    '--in <report.json> [--in <report.json> ...] --format csv|xlsx|html [--out <file>] [--lang sq|sr|en|rom]',
  async run(app, options) {
    const inputs =
      typeof options.in === 'string' ? [options.in] : Array.isArray(options.in) ? options.in : [];
    if (inputs.length === 0) throw new Error('--in must name a report file (repeat it for more)');
    const format = options.format ?? 'csv';
    if (typeof format !== 'string' || !(COMPARISON_FORMATS as readonly string[]).includes(format)) {
      throw new Error(`--format must be one of ${COMPARISON_FORMATS.join(', ')}`);
    }
    const lang = options.lang ?? 'en';
    if (!isLocale(lang)) throw new Error('--lang must be one of sq, sr, en, rom');
    if (options.out !== undefined && typeof options.out !== 'string') {
      throw new Error('--out must be a file name');
    }
    const files = [];
    for (const path of inputs) {
      if ((await stat(path)).size > REGIONAL_MAX_FILE_BYTES) {
        throw new Error(
          `${path} is larger than ${REGIONAL_MAX_FILE_BYTES / 1024} KB: not a report`,
        );
      }
      files.push({ name: basename(path), text: await readFile(path, 'utf8') });
    }
    const comparisons = app.get(RegionalComparisons);
    let body: Buffer;
    try {
      const comparison = comparisons.compare(files);
      body = (await comparisons.file(comparison, format as ComparisonFormat, lang)).body;
    } catch (error) {
      if (error instanceof DomainError) throw new Error(domainErrorText(error, lang));
      throw error;
    }
    if (typeof options.out === 'string') {
      await writeFile(options.out, body);
      process.stderr.write(`Comparison of ${files.length} reports written to ${options.out}\n`);
    } else {
      process.stdout.write(body);
    }
  },
};
