import { PayloadTooLargeError, UnsupportedMediaTypeError } from '@app/core';
import type { EvidenceLimitViolation } from '../domain/evidence-policy';

/** 413 naming the limit broken; `limit` is a count of files or a size in MB. */
export class EvidenceLimitError extends PayloadTooLargeError {
  constructor(violation: EvidenceLimitViolation, limit: number) {
    super(violation, { limit });
  }
}

/** 415: the content is not an accepted kind of evidence, whatever its name says. */
export class EvidenceTypeRefusedError extends UnsupportedMediaTypeError {
  constructor() {
    super('evidence_type_refused');
  }
}
