import type { AppConfig } from '@app/core';

/**
 * The figures the privacy notice promises, read from the configuration the platform runs with
 * (never written into the text), so the notice cannot say one thing while the retention job
 * does another.
 */
export interface PrivacyFigures {
  /**
   * Days after a case's final status until its personal data is erased: contact details,
   * description, messages and evidence files go together (the retention job of the cases lib).
   */
  retentionDays: number;
  /** Minutes without activity after which a follow-up sign-in ends. */
  followUpIdleMinutes: number;
  /** Hours after the sign-in with the receipt code after which a follow-up sign-in ends. */
  followUpAbsoluteHours: number;
}

export function privacyFigures(config: AppConfig): PrivacyFigures {
  return {
    retentionDays: config.privacy.retentionDaysAfterClosure,
    followUpIdleMinutes: config.cases.followUpSessionIdleMinutes,
    followUpAbsoluteHours: config.cases.followUpSessionAbsoluteHours,
  };
}
