import { ConflictError, DomainError, FieldError, ForbiddenError } from '@app/core';
import type { ImportProblem } from '../domain/import-format';
import type { ReportProblem } from '../domain/regional-report-validation';

export class YearAlreadyPublishedError extends ConflictError {
  constructor(year: number) {
    super('statistics_year_already_published', { year });
  }
}

export class YearNotOverError extends ConflictError {
  constructor(year: number) {
    super('statistics_year_not_over', { year });
  }
}

/**
 * An import with bad records: nothing was imported. Every problem is listed, as a field error
 * named `<source>:<line>:<column>` and in the `problems` extension.
 */
export class ImportInvalidError extends DomainError {
  constructor(problems: readonly ImportProblem[]) {
    const fieldErrors: FieldError[] = problems.map((p) => ({
      field: `${p.source}:${p.line}${p.column ? `:${p.column}` : ''}`,
      code: p.code,
      messageKey: `statistics.import.problem.${p.code}`,
      params: { line: p.line, column: p.column ?? '' },
    }));
    super('statistics_import_invalid', 400, { count: problems.length }, { problems }, fieldErrors);
  }
}

/** The import was sent in a form the endpoint does not read. */
export class ImportFormatError extends DomainError {
  constructor() {
    super('statistics_import_format', 415);
  }
}

/** A role that may not publish or import (StatisticsPermissions), however it got here. */
export class StatisticsActionForbiddenError extends ForbiddenError {
  constructor() {
    super('statistics_action_forbidden');
  }
}

/**
 * Regional report files that are not valid reports: nothing was compared. The message names the
 * first such file; every problem of every file is a field error named `<file><JSON pointer>` and
 * is in the `files` extension.
 */
export class RegionalReportInvalidError extends DomainError {
  constructor(files: readonly { file: string; problems: readonly ReportProblem[] }[]) {
    const fieldErrors: FieldError[] = files.flatMap(({ file, problems }) =>
      problems.map((p) => ({
        field: `${file}${p.path}`,
        code: p.code,
        messageKey: `statistics.regional.problem.${p.code}`,
        params: { file, path: p.path || '/', property: p.property ?? '' },
      })),
    );
    super(
      'statistics_regional_report_invalid',
      400,
      { file: files[0]?.file ?? '', count: fieldErrors.length },
      { files },
      fieldErrors,
    );
  }
}
