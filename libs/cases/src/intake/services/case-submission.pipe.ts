import { Injectable, PipeTransform } from '@nestjs/common';
import type { CaseSubmission } from '../domain/case-submission';
import { CaseSubmissionValidator } from './case-submission.validator';

/**
 * Validates a report body in one pass, formats and reference-data codes together, so a 400
 * lists every field's problem at once (the global pipe knows nothing of the taxonomy).
 */
@Injectable()
export class CaseSubmissionPipe implements PipeTransform<unknown, Promise<CaseSubmission>> {
  constructor(private readonly validator: CaseSubmissionValidator) {}

  transform(body: unknown): Promise<CaseSubmission> {
    return this.validator.validate(body);
  }
}
