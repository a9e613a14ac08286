import { AuditResult, SystemBuilder, UNBOUNDED, auditSystem } from './disclosure-audit';
import { cellsOf, relationsOf } from './disclosure-control';
import { Cell, YearFigures } from './yearly-figures';

/**
 * What an outsider can work out from everything public about some years: every year's figures,
 * and the sum of any run of consecutive years (the "all years" figures of every range). A
 * hidden cell is an unknown whole number: `<N` is 1..N-1 (only counts above zero are hidden),
 * any other marker 1 or more. Each year's relations (`relationsOf`) and each range's sums are
 * the equations. The answer lists the hidden cells that only one value fits.
 */
export interface PublicReading {
  years: YearFigures<Cell>[];
  /** All-years figures of ranges `[from, to]` of those years (inclusive). */
  ranges: { from: number; to: number; figures: YearFigures<Cell> }[];
}

function bounds(value: Cell): [number, number] | null {
  if (typeof value === 'number') return null;
  const below = /^<(\d+)$/.exec(value);
  return below ? [1, Number(below[1]) - 1] : [1, UNBOUNDED];
}

export function attack(reading: PublicReading, options: { firstOnly?: boolean } = {}): AuditResult {
  const builder = new SystemBuilder();
  const published = new Map<string, number>();
  const declare = (prefix: string, figures: YearFigures<Cell>) => {
    for (const [id, value] of cellsOf(figures)) {
      const name = `${prefix}/${id}`;
      const b = bounds(value as Cell);
      if (b) builder.unknown(name, b[0], b[1]);
      else published.set(name, value as number);
    }
  };
  const value = (name: string) => {
    if (published.has(name)) return published.get(name);
    // A code a year does not list (no case had it) is a published zero.
    return builder.has(name) ? undefined : 0;
  };
  const byYear = new Map(reading.years.map((f) => [f.year!, f]));
  for (const figures of reading.years) declare(String(figures.year), figures);
  for (const r of reading.ranges) declare(`${r.from}-${r.to}`, r.figures);

  const relate = (prefix: string, figures: YearFigures<Cell>) => {
    for (const r of relationsOf(figures)) {
      const total = `${prefix}/${r.total}`;
      const parts = r.parts.map((p) => `${prefix}/${p}`);
      if (r.exact) builder.relation([total], parts, true, value);
      else for (const part of parts) builder.relation([part], [total], false, value);
    }
  };
  for (const figures of reading.years) relate(String(figures.year), figures);
  for (const r of reading.ranges) {
    const prefix = `${r.from}-${r.to}`;
    relate(prefix, r.figures);
    const ids = new Set<string>();
    for (let year = r.from; year <= r.to; year++) {
      const figures = byYear.get(year);
      if (figures) for (const id of cellsOf(figures).keys()) ids.add(id);
    }
    for (const id of cellsOf(r.figures).keys()) ids.add(id);
    for (const id of ids) {
      const years: string[] = [];
      for (let year = r.from; year <= r.to; year++) {
        if (byYear.has(year)) years.push(`${year}/${id}`);
      }
      builder.relation([`${prefix}/${id}`], years, true, value);
    }
  }
  return auditSystem(builder.system, undefined, options);
}
