import type { Cell } from './yearly-figures';

/** One bar of a server-drawn chart: its length in percent of the longest. */
export interface Bar {
  code: string;
  label: string;
  value: Cell;
  pct: number;
}

/**
 * Bars for a record of figures. A hidden small count (`<3`) is drawn as the shortest visible bar
 * would be at 1, so the chart does not tell more than the table beside it.
 */
export function bars(record: Record<string, Cell>, label: (code: string) => string): Bar[] {
  const numeric = (value: Cell) => (typeof value === 'number' ? value : 1);
  const entries = Object.entries(record);
  const max = Math.max(0, ...entries.map(([, value]) => numeric(value)));
  return entries.map(([code, value]) => ({
    code,
    label: label(code),
    value,
    pct: max === 0 ? 0 : Math.round((numeric(value) / max) * 1000) / 10,
  }));
}
