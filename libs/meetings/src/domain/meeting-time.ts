import { fromInstallationWallClock, installationDateTime, installationWallClock } from '@app/core';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * When a meeting starts. With a zone (`…Z`, `…+01:00`) the instant is exact; without one (a form's
 * `datetime-local`) it is the wall-clock time in the installation's time zone. Null when not a real
 * time.
 */
export function parseMeetingTime(value: string): Date | null {
  if (WITH_ZONE.test(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const m = WALL_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const instant = fromInstallationWallClock(year, month, day, hour, minute);
  const p = installationWallClock(instant);
  const same =
    p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
  // A wall time that does not exist (skipped by the spring change) is refused.
  return same ? instant : null;
}

/**
 * The `datetime-local` value of an instant, in the installation's time zone (to fill a form again).
 */
export function installationWallTime(instant: Date): string {
  return installationDateTime(instant).replace(' ', 'T');
}
