import { ConflictError, DomainError, FieldError, ForbiddenError } from '@app/core';
import type { ImportProblem } from '../domain/import-format';

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
