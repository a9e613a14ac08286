import { loadConfig } from '@app/core';
import { privacyFigures } from './privacy-figures';

describe('privacyFigures', () => {
  it('reads the retention and follow-up sign-in settings the platform runs with', () => {
    const config = loadConfig({
      RETENTION_DAYS_AFTER_CLOSURE: '90',
      FOLLOW_UP_SESSION_IDLE_MINUTES: '12',
      FOLLOW_UP_SESSION_ABSOLUTE_HOURS: '3',
    });
    expect(privacyFigures(config)).toEqual({
      retentionDays: 90,
      followUpIdleMinutes: 12,
      followUpAbsoluteHours: 3,
    });
  });

  it('follows the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(privacyFigures(config)).toEqual({
      retentionDays: config.privacy.retentionDaysAfterClosure,
      followUpIdleMinutes: config.cases.followUpSessionIdleMinutes,
      followUpAbsoluteHours: config.cases.followUpSessionAbsoluteHours,
    });
  });
});
