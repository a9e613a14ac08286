import { Injectable } from '@nestjs/common';
import { WithdrawalFormDto } from '../dto/withdrawal-form.dto';
import { FollowUpAccessService } from '../../follow-up/services/follow-up-access.service';
import { WithdrawalService } from './withdrawal.service';

/** The withdrawal and erasure forms of the follow-up case page (signed in with the session). */
@Injectable()
export class WithdrawalPagesService {
  constructor(
    private readonly access: FollowUpAccessService,
    private readonly withdrawals: WithdrawalService,
  ) {}

  /** Withdraws the case (erasing the personal data when asked); false when signed out. */
  async withdraw(token: string | undefined, form: WithdrawalFormDto): Promise<boolean> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return false;
    await this.withdrawals.withdraw(caseId, form.confirmed().erase);
    return true;
  }

  /** Erases the personal data of a closed case; false when signed out. */
  async erase(token: string | undefined, form: WithdrawalFormDto): Promise<boolean> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return false;
    form.confirmed();
    await this.withdrawals.erase(caseId);
    return true;
  }
}
