import { KOSOVO_TIME_ZONE } from '@app/core';

/** Made once: a DateTimeFormat costs far more to build than to use (lists format many rows). */
const DATE_TIME_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: KOSOVO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2025-03-01 14:30" (or with seconds) in Kosovo time, as staff read times. */
export function kosovoDateTime(instant: Date, withSeconds = false): string {
  const parts = DATE_TIME_PARTS.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${withSeconds ? `:${part('second')}` : ''}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time}`;
}
