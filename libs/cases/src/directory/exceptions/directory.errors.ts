import { DomainError, FieldError, ForbiddenError, NotFoundError } from '@app/core';
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

/**
 * A directory import with bad rows: nothing was written. Every problem is named with its line,
 * as a field error `line:<n>` and in the `problems` extension.
 */
export class DirectoryImportInvalidError extends DomainError {
  constructor(problems: readonly DirectoryImportProblem[]) {
    const fieldErrors: FieldError[] = problems.map((p) => ({
      field: `line:${p.line}`,
      code: p.code,
      messageKey: `directory.import.problem.${p.code}`,
      params: { line: p.line, column: p.column ?? '' },
    }));
    super('directory_import_invalid', 400, { count: problems.length }, { problems }, fieldErrors);
  }
}

/** The import was not a CSV file the endpoint reads. */
export class DirectoryImportFormatError extends DomainError {
  constructor() {
    super('directory_import_format', 415);
  }
}
