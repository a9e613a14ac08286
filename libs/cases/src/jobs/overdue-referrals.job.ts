import { Injectable } from '@nestjs/common';
import type { OverdueReferralsHandler } from '@app/notifications';
import { CaseReferralsService } from '../services/case-referrals.service';

/**
 * The daily referral-overdue check, run by the notifications worker's scheduler: referrals
 * past their due date become `overdue` and their reminders go to the outbox. Safe to run
 * twice: a referral already overdue is not touched again.
 */
@Injectable()
export class OverdueReferralsJob implements OverdueReferralsHandler {
  constructor(private readonly referrals: CaseReferralsService) {}

  remindOverdue(now: Date): Promise<number> {
    return this.referrals.markOverdue(now);
  }
}
