import { CASE_DIMENSIONS } from './case-deltas';
import { AuditBudgetExceeded, SystemBuilder, UNBOUNDED, auditSystem } from './disclosure-audit';
import { figureRows } from './figure-rows';
import { Breakdown, Cell, YearFigures } from './yearly-figures';

/**
 * Disclosure control of the public figures: primary and secondary cell suppression.
 *
 * Primary: every count above zero and below the threshold is hidden. Secondary: in every
 * relation the public can read (a total and its parts: status, closure reasons, outcomes, each
 * one-value-per-case breakdown, each institution's referrals), hidden cells never stand alone,
 * and the hidden parts of a relation together leave each of them room to be at least the
 * threshold; where no published part can give that room, the total is hidden too. Finally the
 * year is audited by exact integer reasoning (`disclosure-audit.ts`) and any hidden cell that
 * could still be pinned gets a further companion. Every hidden cell shows the same marker, so a
 * reader cannot tell a small count from a companion. Zeros are shown: hiding them would protect
 * nobody, and the reasoning above assumes the attacker knows a hidden cell is at least 1.
 */

/** How a hidden figure shows to the public. */
export const HIDDEN = 'x';

export type HiddenReason = 'small' | 'complement' | 'audit';

export interface HiddenCell {
  section: string;
  code: string;
  /** The exact count (staff only: the preview before publishing shows it). */
  value: number;
  reason: HiddenReason;
  /** The section of the relation the companion protects (for `complement` and `audit`). */
  protects?: string;
}

export interface ProtectedYear {
  figures: YearFigures<Cell>;
  hidden: HiddenCell[];
}

/** A total and its parts; `exact`: the parts add up to the total, otherwise each is at most it. */
export interface Relation {
  section: string;
  total: string;
  parts: string[];
  exact: boolean;
}

/** Breakdowns with exactly one value per case (grounds and institutions are many per case). */
const ONE_PER_CASE: readonly Breakdown[] = CASE_DIMENSIONS;
const MANY_PER_CASE: readonly Breakdown[] = ['ground', 'referral_institution'];

/** Figures that count no person: never hidden. */
const NOT_COUNTS = new Set(['meetings_held', 'median_days_to_outcome']);

export function cellId(section: string, code: string): string {
  return `${section}:${code}`;
}

/** The count cells of a year's figures by id (meetings and the median left out). */
export function cellsOf<C>(figures: YearFigures<C>): Map<string, C | Cell> {
  const cells = new Map<string, C | Cell>();
  for (const row of figureRows(figures as YearFigures<Cell>)) {
    if (NOT_COUNTS.has(row.section) || row.value === null) continue;
    cells.set(cellId(row.section, row.code), row.value);
  }
  return cells;
}

/** Every relation between the count cells that anyone reading the figures knows holds. */
export function relationsOf(figures: YearFigures<unknown>): Relation[] {
  const reported = cellId('reported', 'all');
  const ids = (section: string, record: object) =>
    Object.keys(record).map((code) => cellId(section, code));
  const relations: Relation[] = [
    { section: 'status', total: reported, parts: ids('status', figures.status), exact: true },
    {
      section: 'closed_by_reason',
      total: cellId('status', 'closed'),
      parts: ids('closed_by_reason', figures.closedByReason),
      exact: true,
    },
    {
      section: 'decided',
      total: cellId('decided', 'total'),
      parts: ids('decided', figures.decided).filter((id) => id !== cellId('decided', 'total')),
      exact: true,
    },
  ];
  for (const name of ONE_PER_CASE) {
    relations.push({
      section: name,
      total: reported,
      parts: ids(name, figures.breakdowns[name]),
      exact: true,
    });
  }
  for (const name of MANY_PER_CASE) {
    relations.push({
      section: name,
      total: reported,
      parts: ids(name, figures.breakdowns[name]),
      exact: false,
    });
  }
  for (const institution of Object.keys(figures.referrals)) {
    const id = (measure: string) => cellId(`referrals.${measure}`, institution);
    relations.push({
      section: 'referrals',
      total: id('sent'),
      parts: [id('answeredOnTime'), id('answeredLate'), id('unanswered')],
      exact: true,
    });
    relations.push({
      section: 'referrals',
      total: id('sent'),
      parts: [id('complied'), id('partlyComplied'), id('refused')],
      exact: false,
    });
  }
  return relations.filter((r) => r.parts.length > 0);
}

/** Which cells to hide, and why: primary, secondary by relation, then audited. */
export function chooseHidden(
  figures: YearFigures<number>,
  threshold: number,
): Map<string, HiddenCell> {
  const values = cellsOf(figures) as Map<string, number>;
  // Only relations the figures do satisfy: one that does not hold tells a reader nothing.
  const relations = relationsOf(figures).filter((r) => holds(r, values));
  const hidden = new Map<string, HiddenCell>();
  const split = (id: string) => {
    const at = id.lastIndexOf(':');
    return { section: id.slice(0, at), code: id.slice(at + 1) };
  };
  const hide = (id: string, reason: HiddenReason, protects?: string) => {
    if (hidden.has(id)) return;
    hidden.set(id, {
      ...split(id),
      value: values.get(id)!,
      reason,
      ...(protects ? { protects } : {}),
    });
  };
  for (const [id, n] of values) if (n > 0 && n < threshold) hide(id, 'small');

  /** The smallest published count above zero among the parts, else the total if it is one. */
  const companion = (r: Relation): string | null => {
    const open = r.parts.filter((id) => !hidden.has(id) && values.get(id)! > 0);
    open.sort((a, b) => values.get(a)! - values.get(b)!);
    if (open.length > 0) return open[0];
    return !hidden.has(r.total) && values.get(r.total)! > 0 ? r.total : null;
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const r of relations) {
      if (!r.exact) continue;
      const hiddenParts = r.parts.filter((id) => hidden.has(id));
      if (hidden.has(r.total)) {
        if (hiddenParts.length > 0) continue;
      } else {
        if (hiddenParts.length === 0) continue;
        const sum = hiddenParts.reduce((s, id) => s + values.get(id)!, 0);
        // Each hidden part is at least 1; the largest any one of them could be:
        if (hiddenParts.length >= 2 && sum - (hiddenParts.length - 1) >= threshold) continue;
      }
      const next = companion(r);
      if (next) {
        hide(next, 'complement', r.section);
        changed = true;
      }
    }
  }

  // The relations interlock (the status total is also a breakdown total...): audit them all.
  for (let round = 0; round < values.size; round++) {
    const { system, truth } = yearSystem(relations, values, hidden);
    let determined: { name: string }[];
    try {
      determined = auditSystem(system, truth).determined;
    } catch (error) {
      if (!(error instanceof AuditBudgetExceeded)) throw error;
      // Never seen at these sizes; should it happen, hiding every count is safe, an error not.
      for (const [id, n] of values) if (n > 0) hide(id, 'audit');
      break;
    }
    if (determined.length === 0) break;
    let added = false;
    for (const { name } of determined) {
      for (const r of relations) {
        if (!r.exact || (r.total !== name && !r.parts.includes(name))) continue;
        const next = companion(r);
        if (next) {
          hide(next, 'audit', r.section);
          added = true;
          break;
        }
      }
      if (added) break;
    }
    if (!added) break;
  }
  return hidden;
}

function holds(r: Relation, values: Map<string, number>): boolean {
  const total = values.get(r.total) ?? 0;
  const parts = r.parts.map((id) => values.get(id) ?? 0);
  return r.exact ? parts.reduce((s, n) => s + n, 0) === total : parts.every((n) => n <= total);
}

function yearSystem(
  relations: Relation[],
  values: Map<string, number>,
  hidden: Map<string, HiddenCell>,
) {
  const builder = new SystemBuilder();
  const truth: number[] = [];
  const upper = Math.max(UNBOUNDED, ...values.values());
  for (const id of hidden.keys()) {
    builder.unknown(id, 1, upper);
    truth.push(values.get(id)!);
  }
  const published = (id: string) => (hidden.has(id) ? undefined : values.get(id));
  for (const r of relations) {
    if (r.exact) builder.relation([r.total], r.parts, true, published);
    else for (const part of r.parts) builder.relation([part], [r.total], false, published);
  }
  return { system: builder.system, truth };
}

/**
 * A year's figures as the public may see them. Staff figures never pass through here.
 * `decidedCases`: how many of the year's cases the median days to an outcome is taken over;
 * below the threshold the median is hidden too (of one case, it is that case's duration).
 */
export function protectYear(
  figures: YearFigures<number>,
  threshold: number,
  decidedCases?: number,
): ProtectedYear {
  const hidden = chooseHidden(figures, threshold);
  const result = mapCells(figures, (id, n) => (hidden.has(id) ? HIDDEN : n));
  const hiddenList = [...hidden.values()];
  if (decidedCases !== undefined && decidedCases > 0 && decidedCases < threshold) {
    result.medianDaysToOutcome = HIDDEN;
    hiddenList.push({
      section: 'median_days_to_outcome',
      code: 'all',
      value: figures.medianDaysToOutcome ?? 0,
      reason: 'small',
    });
  }
  return { figures: result, hidden: hiddenList };
}

/**
 * All the years of a range together, from the protected years only: a sum where every year's
 * cell is published, hidden otherwise. It tells nothing the years do not already tell.
 * `exact` gives the shape (every code of every year) and the figures that count no person.
 */
export function combineProtected(
  years: YearFigures<Cell>[],
  exact: YearFigures<number>,
): YearFigures<Cell> {
  const cells = years.map((y) => cellsOf(y));
  const combined = mapCells(exact, (id) => {
    let sum = 0;
    for (const year of cells) {
      const value = year.get(id) ?? 0;
      if (typeof value !== 'number') return HIDDEN;
      sum += value;
    }
    return sum;
  });
  // A median hidden in one year stays hidden in any sum with it (the others' are known).
  if (years.some((y) => typeof y.medianDaysToOutcome === 'string')) {
    combined.medianDaysToOutcome = HIDDEN;
  }
  return combined;
}

function mapCells(
  figures: YearFigures<number>,
  cell: (id: string, value: number) => Cell,
): YearFigures<Cell> {
  const record = <T extends object>(section: string, r: T, skip?: string) =>
    Object.fromEntries(
      Object.entries(r).map(([code, v]) => [
        code,
        code === skip ? v : cell(cellId(section, code), v as number),
      ]),
    );
  const decided = record('decided', figures.decided);
  return {
    year: figures.year,
    reported: cell(cellId('reported', 'all'), figures.reported),
    status: record('status', figures.status) as unknown as YearFigures<Cell>['status'],
    closedByReason: record('closed_by_reason', figures.closedByReason),
    decided: decided as unknown as YearFigures<Cell>['decided'],
    breakdowns: Object.fromEntries(
      Object.entries(figures.breakdowns).map(([name, r]) => [name, record(name, r)]),
    ) as YearFigures<Cell>['breakdowns'],
    referrals: Object.fromEntries(
      Object.entries(figures.referrals).map(([institution, r]) => [
        institution,
        Object.fromEntries(
          Object.entries(r).map(([measure, v]) => [
            measure,
            cell(cellId(`referrals.${measure}`, institution), v as number),
          ]),
        ),
      ]),
    ) as unknown as YearFigures<Cell>['referrals'],
    meetingsHeld: figures.meetingsHeld,
    medianDaysToOutcome: figures.medianDaysToOutcome,
  };
}
