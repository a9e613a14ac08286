import { CASE_STATUSES } from '../../workflow/domain/case-status.machine';
import {
  ERASED_TEXT,
  isRetentionDue,
  mayEraseOnRequest,
  mayWithdraw,
  retentionCutoff,
} from './personal-data-erasure';

const NOW = new Date('2026-06-01T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('personal data erasure rules', () => {
  it('erases cases in a final status whose last change is older than the period', () => {
    for (const status of ['resolved', 'not_discrimination', 'closed'] as const) {
      expect(isRetentionDue({ status, lastChangeAt: daysAgo(731), erasedAt: null }, NOW, 730)).toBe(
        true,
      );
      expect(isRetentionDue({ status, lastChangeAt: daysAgo(729), erasedAt: null }, NOW, 730)).toBe(
        false,
      );
    }
  });

  it('never erases a case that is still handled, or one already erased', () => {
    for (const status of CASE_STATUSES.filter(
      (s) => !['resolved', 'not_discrimination', 'closed'].includes(s),
    )) {
      expect(
        isRetentionDue({ status, lastChangeAt: daysAgo(5000), erasedAt: null }, NOW, 730),
      ).toBe(false);
    }
    expect(
      isRetentionDue(
        { status: 'closed', lastChangeAt: daysAgo(5000), erasedAt: daysAgo(10) },
        NOW,
        730,
      ),
    ).toBe(false);
  });

  it('computes the cut-off in whole days before now', () => {
    expect(retentionCutoff(NOW, 1).toISOString()).toBe('2026-05-31T10:00:00.000Z');
  });

  it('lets a reporter withdraw exactly while staff could still close the case', () => {
    expect(CASE_STATUSES.filter(mayWithdraw)).toEqual(['submitted', 'in_review', 'assigned']);
  });

  it('lets a reporter ask for erasure only once the case is no longer handled', () => {
    expect(CASE_STATUSES.filter(mayEraseOnRequest)).toEqual([
      'resolved',
      'not_discrimination',
      'closed',
    ]);
  });

  it('replaces texts with a marker that meets every length rule (20+ and 10+ characters)', () => {
    expect(ERASED_TEXT.length).toBeGreaterThanOrEqual(20);
    expect(ERASED_TEXT.length).toBeLessThanOrEqual(5000);
  });
});
