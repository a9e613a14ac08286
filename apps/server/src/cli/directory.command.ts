import { readFileSync, writeFileSync } from 'node:fs';
import {
  DirectoryImportInvalidError,
  InstitutionDirectoryService,
  decodeDirectoryCsv,
} from '@app/cases';
import { translate } from '@app/core';
import type { CliCommand } from './cli-command';

/**
 * The institution directory and the reference data for setting up another installation, as
 * the administrators' pages offer them: export both as CSV, import a directory CSV (checked as
 * a whole; nothing written unless every line is good; matched by key).
 */
export const directoryCommand: CliCommand = {
  name: 'directory',
  summary:
    'Export the institution directory or the reference data as CSV, or import a directory CSV',
  usage: '--export <file.csv> | --export-reference-data <file.csv> | --import <file.csv>',
  async run(app, options) {
    const directory = app.get(InstitutionDirectoryService);
    const file = (name: string) => {
      const value = options[name];
      if (typeof value !== 'string') throw new Error(`--${name} needs a file name`);
      return value;
    };
    if (options.export !== undefined) {
      writeFileSync(file('export'), await directory.directoryText());
      process.stdout.write(`Directory written to ${file('export')}\n`);
    } else if (options['export-reference-data'] !== undefined) {
      writeFileSync(file('export-reference-data'), await directory.taxonomyText());
      process.stdout.write(`Reference data written to ${file('export-reference-data')}\n`);
    } else if (options.import !== undefined) {
      try {
        const result = await directory.importText(decodeDirectoryCsv(readFileSync(file('import'))));
        process.stdout.write(
          `Directory imported: ${result.created} added, ${result.updated} changed, ${result.unchanged} unchanged\n`,
        );
      } catch (error) {
        if (!(error instanceof DirectoryImportInvalidError)) throw error;
        for (const problem of error.fieldErrors) {
          process.stdout.write(`${translate('en', problem.messageKey, problem.params)}\n`);
        }
        const count = error.params.count ?? error.fieldErrors.length;
        throw new Error(`Nothing was imported: ${count} problems`);
      }
    } else {
      throw new Error(`Usage: directory ${directoryCommand.usage}`);
    }
  },
};
