import type { Cell, YearFigures } from './yearly-figures';

/** One figure as a flat row: how exports, tables and the published/current comparison see it. */
export interface FigureRow {
  /** e.g. `reported`, `status`, `decided`, `community`, `referrals.sent`, `median_days_to_outcome`. */
  section: string;
  /** The category code within the section (`all` for a single figure). */
  code: string;
  value: Cell | null;
}

export function figureRows(figures: YearFigures<Cell>): FigureRow[] {
  const rows: FigureRow[] = [{ section: 'reported', code: 'all', value: figures.reported }];
  for (const [code, value] of Object.entries(figures.status))
    rows.push({ section: 'status', code, value });
  for (const [code, value] of Object.entries(figures.closedByReason)) {
    rows.push({ section: 'closed_by_reason', code, value });
  }
  for (const [code, value] of Object.entries(figures.decided))
    rows.push({ section: 'decided', code, value });
  for (const [section, record] of Object.entries(figures.breakdowns)) {
    for (const [code, value] of Object.entries(record)) rows.push({ section, code, value });
  }
  for (const [institution, r] of Object.entries(figures.referrals)) {
    for (const [measure, value] of Object.entries(r)) {
      rows.push({ section: `referrals.${measure}`, code: institution, value });
    }
  }
  rows.push({ section: 'meetings_held', code: 'all', value: figures.meetingsHeld });
  rows.push({ section: 'median_days_to_outcome', code: 'all', value: figures.medianDaysToOutcome });
  return rows;
}

export interface FigureDifference {
  section: string;
  code: string;
  published: Cell | null;
  current: Cell | null;
}

/** What changed since a year was published (corrections, late decisions), figure by figure. */
export function differences(
  published: YearFigures<Cell>,
  current: YearFigures<Cell>,
): FigureDifference[] {
  const key = (r: FigureRow) => `${r.section}\u0000${r.code}`;
  const before = new Map(figureRows(published).map((r) => [key(r), r]));
  const after = new Map(figureRows(current).map((r) => [key(r), r]));
  const result: FigureDifference[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    const pv = b?.value ?? (typeof a?.value === 'number' ? 0 : null);
    const cv = a?.value ?? (typeof b?.value === 'number' ? 0 : null);
    if (pv !== cv)
      result.push({ section: (a ?? b)!.section, code: (a ?? b)!.code, published: pv, current: cv });
  }
  return result;
}
