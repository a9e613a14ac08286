import { Injectable } from '@nestjs/common';
import { ConflictError, Locale, translate } from '@app/core';
import { FollowUpAccessService } from './follow-up-access.service';
import { CaseActionOutcome, FollowUpPagesService } from './follow-up-pages.service';
import { firstValues } from './form-fields';
import { WithdrawalService } from './withdrawal.service';

/** The withdrawal and erasure forms of the follow-up case page (signed in with the session). */
@Injectable()
export class WithdrawalPagesService {
  constructor(
    private readonly access: FollowUpAccessService,
    private readonly pages: FollowUpPagesService,
    private readonly withdrawals: WithdrawalService,
  ) {}

  /** `action`: withdraw (optionally erasing) or erase; the form must carry `confirm`. */
  async submit(
    action: 'withdraw' | 'erase',
    token: string | undefined,
    body: unknown,
    locale: Locale,
  ): Promise<CaseActionOutcome> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return { kind: 'signed_out' };
    const fields = firstValues(body);
    if (fields.confirm !== 'yes') {
      return this.again(
        token,
        locale,
        400,
        'confirm',
        translate(locale, 'follow.confirm_required'),
      );
    }
    try {
      if (action === 'withdraw') await this.withdrawals.withdraw(caseId, fields.erase === 'yes');
      else await this.withdrawals.erase(caseId);
      return { kind: 'done' };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return this.again(token, locale, 409, 'confirm', translate(locale, `error.${error.code}`));
    }
  }

  private async again(
    token: string | undefined,
    locale: Locale,
    status: number,
    field: string,
    message: string,
  ): Promise<CaseActionOutcome> {
    const view = await this.pages.casePage(token, locale, { errors: [{ field, message }] });
    return view ? { kind: 'page', status, view } : { kind: 'signed_out' };
  }
}
