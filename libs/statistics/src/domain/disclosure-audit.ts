/**
 * Exact integer reasoning over published figures: can a hidden cell be pinned to one value?
 *
 * The unknowns are the hidden cells, each a whole number in a range; the knowledge is a list of
 * linear relations with coefficients +1/-1 (a total equals the sum of its parts, a part is at
 * most its total). Bounds are tightened by interval propagation, and a bisecting search decides
 * feasibility exactly. A cell is determined when the relations allow exactly one value for it.
 * At the sizes of a yearly table (tens of unknowns) this answers in milliseconds.
 */

/**
 * Upper bound of an unknown nothing else bounds: above any yearly count of this platform (tens
 * of cases a year). The protection raises it to its largest count when a year holds more.
 */
export const UNBOUNDED = 10_000;

export interface Term {
  variable: number;
  coefficient: 1 | -1;
}

/** `Σ terms = rhs` (equal) or `Σ terms <= rhs`. */
export interface Constraint {
  terms: Term[];
  rhs: number;
  equal: boolean;
}

export interface IntegerSystem {
  names: string[];
  lower: number[];
  upper: number[];
  constraints: Constraint[];
}

/** Thrown when a search runs past its budget: a defect to look at, never "safe". */
export class AuditBudgetExceeded extends Error {}

type Bounds = { lo: number[]; hi: number[] };

/** Past this many rounds bounds only creep (cycles of relations); splitting is faster. */
const MAX_ROUNDS = 20;

/** The constraints each unknown appears in (built once per system). */
const USES = new WeakMap<IntegerSystem, number[][]>();
function usesOf(system: IntegerSystem): number[][] {
  let uses = USES.get(system);
  if (!uses) {
    uses = system.names.map(() => []);
    system.constraints.forEach((c, i) => c.terms.forEach((t) => uses![t.variable].push(i)));
    USES.set(system, uses);
  }
  return uses;
}

/**
 * Tightens bounds in place; false when the relations cannot hold. A work list revisits only the
 * constraints of unknowns whose bounds moved.
 */
function propagate(system: IntegerSystem, b: Bounds, moved = -1): boolean {
  const uses = usesOf(system);
  // From a state already propagated, only the constraints of the unknown that moved.
  let queue = moved < 0 ? system.constraints.map((_, i) => i) : [...uses[moved]];
  const queued = new Uint8Array(system.constraints.length);
  for (const index of queue) queued[index] = 1;
  for (let round = 0; round < MAX_ROUNDS && queue.length > 0; round++) {
    const next: number[] = [];
    for (const index of queue) {
      queued[index] = 0;
      const c = system.constraints[index];
      let min = 0;
      let max = 0;
      for (const t of c.terms) {
        if (t.coefficient > 0) {
          min += b.lo[t.variable];
          max += b.hi[t.variable];
        } else {
          min -= b.hi[t.variable];
          max -= b.lo[t.variable];
        }
      }
      if (min > c.rhs || (c.equal && max < c.rhs)) return false;
      for (const t of c.terms) {
        const v = t.variable;
        const ownMin = t.coefficient > 0 ? b.lo[v] : -b.hi[v];
        const ownMax = t.coefficient > 0 ? b.hi[v] : -b.lo[v];
        // coefficient * x <= rhs - (min of the others); and >= rhs - (max of the others) if equal.
        const upperOfTerm = c.rhs - (min - ownMin);
        const lowerOfTerm = c.equal ? c.rhs - (max - ownMax) : -Infinity;
        let lo = b.lo[v];
        let hi = b.hi[v];
        if (t.coefficient > 0) {
          hi = Math.min(hi, upperOfTerm);
          lo = Math.max(lo, lowerOfTerm);
        } else {
          lo = Math.max(lo, -upperOfTerm);
          hi = Math.min(hi, -lowerOfTerm);
        }
        if (lo > hi) return false;
        if (lo !== b.lo[v] || hi !== b.hi[v]) {
          b.lo[v] = lo;
          b.hi[v] = hi;
          for (const other of uses[v]) {
            if (!queued[other]) {
              queued[other] = 1;
              next.push(other);
            }
          }
        }
      }
    }
    queue = next;
  }
  // Bounds still creeping (cycles of relations): the search splits the ranges instead.
  return true;
}

function satisfied(system: IntegerSystem, x: number[]): boolean {
  return system.constraints.every((c) => {
    const sum = c.terms.reduce((s, t) => s + t.coefficient * x[t.variable], 0);
    return c.equal ? sum === c.rhs : sum <= c.rhs;
  });
}

/**
 * One solution within the bounds, or null when there is none. With a `hint` (a solution of the
 * wider system) each split tries the half nearer the hint first: a solution that differs from a
 * known one in one cell is usually found along a single path.
 */
function solve(
  system: IntegerSystem,
  start: Bounds,
  budget: { nodes: number },
  hint?: number[],
  moved = -1,
): number[] | null {
  type Node = Bounds & { moved: number };
  const stack: Node[] = [{ lo: [...start.lo], hi: [...start.hi], moved }];
  while (stack.length > 0) {
    if (--budget.nodes < 0) throw new AuditBudgetExceeded('disclosure audit: search budget');
    const b = stack.pop()!;
    if (!propagate(system, b, b.moved)) continue;
    let pick = -1;
    for (let i = 0; i < b.lo.length; i++) {
      if (b.lo[i] < b.hi[i] && (pick < 0 || b.hi[i] - b.lo[i] < b.hi[pick] - b.lo[pick])) pick = i;
    }
    if (pick < 0) {
      if (satisfied(system, b.lo)) return b.lo;
      continue;
    }
    const halves: Node[] = [];
    b.moved = pick;
    if (!hint) {
      // Bisect, lower half first: small counts are the likely ones.
      const mid = Math.floor((b.lo[pick] + b.hi[pick]) / 2);
      const upper = { lo: [...b.lo], hi: [...b.hi], moved: pick };
      upper.lo[pick] = mid + 1;
      b.hi[pick] = mid;
      halves.push(upper, b);
    } else {
      // The hinted value alone first, then the values below it, then above.
      const target = Math.min(Math.max(hint[pick], b.lo[pick]), b.hi[pick]);
      if (target < b.hi[pick]) {
        const above = { lo: [...b.lo], hi: [...b.hi], moved: pick };
        above.lo[pick] = target + 1;
        halves.push(above);
      }
      if (target > b.lo[pick]) {
        const below = { lo: [...b.lo], hi: [...b.hi], moved: pick };
        below.hi[pick] = target - 1;
        halves.push(below);
      }
      b.lo[pick] = target;
      b.hi[pick] = target;
      halves.push(b);
    }
    stack.push(...halves);
  }
  return null;
}

export interface AuditResult {
  feasible: boolean;
  /** Names of the unknowns the relations pin to one value, with that value. */
  determined: { name: string; value: number }[];
}

/**
 * Which unknowns are pinned to one value. `known` may give a solution (the true figures) to
 * start from; the attacker, who has none, lets the search find one.
 */
export function auditSystem(
  system: IntegerSystem,
  known?: number[],
  options: { nodeBudget?: number; firstOnly?: boolean } = {},
): AuditResult {
  const nodeBudget = options.nodeBudget ?? 500_000;
  const budget = { nodes: nodeBudget };
  const base = { lo: [...system.lower], hi: [...system.upper] };
  if (!propagate(system, base)) return { feasible: false, determined: [] };
  const solution = known ?? solve(system, base, budget);
  if (!solution) return { feasible: false, determined: [] };
  const determined: AuditResult['determined'] = [];
  // A second solution frees every unknown in which it differs from the first, not only the one
  // searched for: most unknowns are freed without a search of their own.
  const free = new Set<number>();
  const other = (bounds: Bounds, v: number) => {
    const found = solve(system, bounds, budget, solution, v);
    if (!found) return false;
    found.forEach((value, w) => value !== solution[w] && free.add(w));
    return true;
  };
  for (let v = 0; v < system.names.length; v++) {
    if (free.has(v)) continue;
    const value = solution[v];
    const below = { lo: [...base.lo], hi: [...base.hi] };
    below.hi[v] = value - 1;
    if (below.lo[v] <= below.hi[v] && other(below, v)) continue;
    const above = { lo: [...base.lo], hi: [...base.hi] };
    above.lo[v] = value + 1;
    if (above.lo[v] <= above.hi[v] && other(above, v)) continue;
    determined.push({ name: system.names[v], value });
    if (options.firstOnly) break;
  }
  return { feasible: true, determined };
}

/**
 * Builds a system from relations between named cells, each either published (a number) or
 * hidden (an unknown with bounds).
 */
export class SystemBuilder {
  private readonly index = new Map<string, number>();
  readonly system: IntegerSystem = { names: [], lower: [], upper: [], constraints: [] };

  unknown(name: string, lower: number, upper: number): void {
    const existing = this.index.get(name);
    if (existing !== undefined) {
      this.system.lower[existing] = Math.max(this.system.lower[existing], lower);
      this.system.upper[existing] = Math.min(this.system.upper[existing], upper);
      return;
    }
    this.index.set(name, this.system.names.length);
    this.system.names.push(name);
    this.system.lower.push(lower);
    this.system.upper.push(upper);
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  /**
   * `Σ positive − Σ negative (=|<=) 0` over cells; `value(name)` gives a published number or
   * undefined for an unknown declared before.
   */
  relation(
    positive: string[],
    negative: string[],
    equal: boolean,
    value: (name: string) => number | undefined,
  ): void {
    const terms: Term[] = [];
    let rhs = 0;
    const add = (name: string, coefficient: 1 | -1) => {
      const known = value(name);
      if (known !== undefined) rhs -= coefficient * known;
      else terms.push({ variable: this.index.get(name)!, coefficient });
    };
    for (const name of positive) add(name, 1);
    for (const name of negative) add(name, -1);
    this.system.constraints.push({ terms, rhs, equal });
  }
}
