import { Allow } from 'class-validator';
import { ValidationFailedError } from '@app/core';

function yes(value: string | string[] | undefined): boolean {
  return (Array.isArray(value) ? value[0] : value) === 'yes';
}

/** The withdrawal and erasure forms of the follow-up case page: both must be confirmed. */
export class WithdrawalFormDto {
  @Allow() confirm?: string | string[];
  @Allow() erase?: string | string[];

  /** Whether the personal data goes too; refused when the box "I am sure" was not ticked. */
  confirmed(): { erase: boolean } {
    if (!yes(this.confirm)) {
      throw new ValidationFailedError([
        { field: 'confirm', code: 'confirm_required', messageKey: 'follow.confirm_required' },
      ]);
    }
    return { erase: yes(this.erase) };
  }
}
