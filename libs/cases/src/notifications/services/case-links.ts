import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';

/** Absolute links that go into emails. */
@Injectable()
export class CaseLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  staffCase(caseId: string): string {
    return this.absolute(`/staff/cases/${caseId}`);
  }

  /** The staff case list showing the cases whose clock is `due` (overdue or due soon). */
  staffCaseList(due: 'overdue' | 'due_soon'): string {
    return this.absolute(`/staff/cases?due=${due}`);
  }

  /** A report's page for the community mediator who filed it. */
  partnerReport(reference: string): string {
    return this.absolute(`/staff/partner/reports/${encodeURIComponent(reference)}`);
  }

  followUp(): string {
    return this.absolute('/follow-up');
  }

  referralResponse(token: string): string {
    return this.absolute(`/referrals/respond/${token}`);
  }

  private absolute(path: string): string {
    return new URL(path, this.config.app.publicUrl).toString();
  }
}
