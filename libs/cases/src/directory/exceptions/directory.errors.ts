import {
  DomainError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
} from '@app/core';
import type { DirectoryImportProblem } from '../domain/directory-csv';

/** A role that may not keep the institution directory, however it got here. */
export class DirectoryForbiddenError extends ForbiddenError {
  constructor() {
    super('directory_forbidden');
  }
}

export class ContactPointNotFoundError extends NotFoundError {
  constructor() {
    super('contact_point_not_found');
  }
}

/** The contact point's key is taken by another one. */
export class ContactPointKeyTakenError extends DomainError {
  constructor() {
    super('contact_point_key_taken', 400, {}, {}, [
      { field: 'key', code: 'keyTaken', messageKey: 'validation.contactPointKeyTaken' },
    ]);
  }
}

/** The most problems a refused import lists; the answer says how many more there are. */
export const DIRECTORY_IMPORT_PROBLEMS_SHOWN = 100;

/**
 * A directory import with bad rows: nothing was written. The first problems are named with their
 * line, as field errors `line:<n>` and in the `problems` extension; `more` counts the others.
 */
export class DirectoryImportInvalidError extends DomainError {
  constructor(problems: readonly DirectoryImportProblem[]) {
    const shown = problems.slice(0, DIRECTORY_IMPORT_PROBLEMS_SHOWN);
    const fieldErrors: FieldError[] = shown.map((p) => ({
      field: `line:${p.line}`,
      code: p.code,
      messageKey: `directory.import.problem.${p.code}`,
      params: { line: p.line, column: p.column ?? '' },
    }));
    super(
      'directory_import_invalid',
      400,
      { count: problems.length },
      { problems: shown, more: problems.length - shown.length },
      fieldErrors,
    );
  }
}

/** The most bytes of a directory CSV (a directory is a few hundred rows). */
export const DIRECTORY_IMPORT_MAX_BYTES = 1024 * 1024;
/** The most contact points one import may hold. */
export const DIRECTORY_IMPORT_MAX_ROWS = 5000;

/** The directory CSV is larger than an import takes. */
export class DirectoryImportTooLargeError extends PayloadTooLargeError {
  constructor() {
    super('directory_import_too_large', { megabytes: DIRECTORY_IMPORT_MAX_BYTES / 1024 / 1024 });
  }
}

/** The directory CSV holds more rows than an import takes. */
export class DirectoryImportTooManyRowsError extends DomainError {
  constructor(rows: number) {
    super('directory_import_too_many_rows', 413, { rows, max: DIRECTORY_IMPORT_MAX_ROWS });
  }
}

/** The import was not a CSV file the endpoint reads. */
export class DirectoryImportFormatError extends DomainError {
  constructor() {
    super('directory_import_format', 415);
  }
}
