/**
 * The statistics summary rows of generated cases, counted while they are generated, so ten
 * million cases need no aggregation pass over the tables afterwards (the recompute's SQL takes
 * minutes at that size; counting here costs a few array increments per case).
 *
 * Counted the way `libs/statistics` counts (its domain decides the keys: scopes, `not_stated`,
 * `unspecified`, Kosovo years and days), in flat typed arrays indexed by code positions: per
 * submission year and (community, area, municipality) first, spread over the eight filter scopes
 * only when the rows are written. The statistics benchmark checks the result with the recompute
 * command (no difference allowed) before it measures anything, so a divergence from the
 * platform's own counting fails the benchmark instead of skewing it.
 */
import type { Writable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ANY, NOT_STATED, OUTCOME_STATUSES, UNSPECIFIED, daysToOutcome } from '@app/statistics';
import { CASE_STATUSES, CLOCK_STAGES } from '@app/cases';
import { installationYear } from '@app/core';

export interface TallyCodes {
  community: readonly string[];
  area: readonly string[];
  municipality: readonly string[];
  gender: readonly string[];
  ageGroup: readonly string[];
  reporterRole: readonly string[];
  perpetratorKind: readonly string[];
  ground: readonly string[];
  closureReason: readonly string[];
}

/** One generated case, by positions in the code lists (-1: not stated). */
export interface TalliedCase {
  submittedAt: number;
  /** Position of the submission year from the first year. */
  year: number;
  community: number;
  area: number;
  municipality: number;
  gender: number;
  ageGroup: number;
  reporterRole: number;
  perpetratorKind: number;
  grounds: readonly number[];
  /** Position in CASE_STATUSES. */
  status: number;
  closureReason: number;
  /** When the status was reached (outcomes: the decision). */
  changedAt: number;
  /** The stages it went through: position in CLOCK_STAGES, working days, within target. */
  clocks?: readonly (readonly [number, number, boolean])[];
}

interface Slot {
  dimension: string;
  key: string;
  metric: string;
}

const HOUR = 3_600_000;
/** Days to outcome are counted up to this many (the generator decides within 240). */
const MAX_DAYS = 512;
/** Working days of a stage are counted up to this many. */
const MAX_STAGE_DAYS = 256;

export class SummaryTally {
  private readonly slots: Slot[] = [];
  private readonly first: Record<string, number> = {};
  private readonly bases: number;
  private readonly baseSlots: Int32Array;
  /** Outcomes decided, by decision year and (community, area, municipality). */
  private readonly decided: Int32Array;
  private readonly days: Int32Array;
  /** The timeliness histogram: (year, stage, working days) -> stages, and of them within target. */
  private readonly stageDays: Int32Array;
  private readonly stageWithin: Int32Array;
  /** Kosovo year and day of each UTC hour met (Kosovo is a whole number of hours from UTC). */
  private readonly hours = new Map<number, { year: number; day: number }>();

  constructor(
    private readonly codes: TallyCodes,
    private readonly firstYear: number,
    private readonly years: number,
  ) {
    const add = (name: string, dimension: string, keys: readonly string[], metric: string) => {
      this.first[name] = this.slots.length;
      for (const key of keys) this.slots.push({ dimension, key, metric });
    };
    // Per base (year, community, area, municipality): what varies within it.
    add('reported', 'total', ['all'], 'reported');
    add('gender', 'gender', [...codes.gender, NOT_STATED], 'reported');
    add('ageGroup', 'age_group', [...codes.ageGroup, NOT_STATED], 'reported');
    add('reporterRole', 'reporter_role', codes.reporterRole, 'reported');
    add('perpetratorKind', 'perpetrator_kind', codes.perpetratorKind, 'reported');
    add('ground', 'ground', codes.ground, 'reported');
    add('status', 'status', CASE_STATUSES, 'current');
    add('closureReason', 'closure_reason', [...codes.closureReason, UNSPECIFIED], 'current');
    this.bases = years * codes.community.length * codes.area.length * codes.municipality.length;
    this.baseSlots = new Int32Array(this.bases * this.slots.length);
    this.decided = new Int32Array(this.bases * OUTCOME_STATUSES.length);
    this.days = new Int32Array(this.bases * MAX_DAYS);
    this.stageDays = new Int32Array(years * CLOCK_STAGES.length * MAX_STAGE_DAYS);
    this.stageWithin = new Int32Array(years * CLOCK_STAGES.length * MAX_STAGE_DAYS);
  }

  private base(year: number, community: number, area: number, municipality: number): number {
    const { codes } = this;
    return (
      ((year * codes.community.length + community) * codes.area.length + area) *
        codes.municipality.length +
      municipality
    );
  }

  private hour(ms: number): { year: number; day: number } {
    const hour = Math.floor(ms / HOUR);
    let known = this.hours.get(hour);
    if (!known) {
      const instant = new Date(hour * HOUR);
      // The day as daysToOutcome counts it: days from a fixed instant on the installation's calendar.
      known = { year: installationYear(instant), day: daysToOutcome(new Date(0), instant) };
      this.hours.set(hour, known);
    }
    return known;
  }

  add(c: TalliedCase): void {
    const base = this.base(c.year, c.community, c.area, c.municipality);
    const row = base * this.slots.length;
    const s = this.baseSlots;
    const f = this.first;
    const gender = c.gender < 0 ? this.codes.gender.length : c.gender;
    const age = c.ageGroup < 0 ? this.codes.ageGroup.length : c.ageGroup;
    s[row + f.reported]++;
    s[row + f.gender + gender]++;
    s[row + f.ageGroup + age]++;
    s[row + f.reporterRole + c.reporterRole]++;
    s[row + f.perpetratorKind + c.perpetratorKind]++;
    for (const ground of c.grounds) s[row + f.ground + ground]++;
    s[row + f.status + c.status]++;
    for (const [stage, days, within] of c.clocks ?? []) {
      if (days >= MAX_STAGE_DAYS) throw new Error(`stage days ${days} beyond the tally's range`);
      const at = (c.year * CLOCK_STAGES.length + stage) * MAX_STAGE_DAYS + days;
      this.stageDays[at]++;
      if (within) this.stageWithin[at]++;
    }
    const outcome = OUTCOME_STATUSES.indexOf(CASE_STATUSES[c.status] as never);
    if (outcome < 0) return;
    if (CASE_STATUSES[c.status] === 'closed') {
      const reason = c.closureReason < 0 ? this.codes.closureReason.length : c.closureReason;
      s[row + f.closureReason + reason]++;
    }
    const decided = this.hour(c.changedAt);
    const decidedBase = this.base(
      decided.year - this.firstYear,
      c.community,
      c.area,
      c.municipality,
    );
    this.decided[decidedBase * OUTCOME_STATUSES.length + outcome]++;
    const days = Math.max(0, decided.day - this.hour(c.submittedAt).day);
    if (days >= MAX_DAYS) throw new Error(`days to outcome ${days} beyond the tally's range`);
    this.days[base * MAX_DAYS + days]++;
  }

  /**
   * Every counter and histogram bucket, spread over the eight scopes of each (community, area,
   * municipality), as `scopesOfCase` names them: `(scope, year, dimension, key, metric, value)`
   * and `(scope, year, days, count)` as COPY text, one year at a time (scopes are per year).
   */
  private *rows(): Generator<{ counters: string; days: string }> {
    const { codes } = this;
    const nCo = codes.community.length;
    const nAr = codes.area.length;
    const nMu = codes.municipality.length;
    // Scope positions: a code's position, or the list's length for "any".
    const scopeIndex = (co: number, ar: number, mu: number) =>
      (co * (nAr + 1) + ar) * (nMu + 1) + mu;
    const scopeCount = (nCo + 1) * (nAr + 1) * (nMu + 1);
    const scopeName = (index: number) => {
      const mu = index % (nMu + 1);
      const ar = Math.floor(index / (nMu + 1)) % (nAr + 1);
      const co = Math.floor(index / ((nMu + 1) * (nAr + 1)));
      return `${codes.community[co] ?? ANY}|${codes.area[ar] ?? ANY}|${codes.municipality[mu] ?? ANY}`;
    };
    // Counters of a scope: the base slots, then the place of the base, then the outcomes decided.
    const slots: Slot[] = [
      ...this.slots,
      ...codes.community.map((key) => ({ dimension: 'community', key, metric: 'reported' })),
      ...codes.area.map((key) => ({ dimension: 'area', key, metric: 'reported' })),
      ...codes.municipality.map((key) => ({ dimension: 'municipality', key, metric: 'reported' })),
      ...OUTCOME_STATUSES.map((key) => ({ dimension: 'outcome', key, metric: 'decided' })),
    ];
    const place = this.slots.length;
    const outcomes = place + nCo + nAr + nMu;
    const counters = new Float64Array(scopeCount * slots.length);
    const days = new Float64Array(scopeCount * MAX_DAYS);
    for (let year = 0; year < this.years; year++) {
      counters.fill(0);
      days.fill(0);
      for (let co = 0; co < nCo; co++)
        for (let ar = 0; ar < nAr; ar++)
          for (let mu = 0; mu < nMu; mu++) {
            const base = this.base(year, co, ar, mu);
            const row = base * this.slots.length;
            const reported = this.baseSlots[row + this.first.reported];
            for (const c of [co, nCo])
              for (const a of [ar, nAr])
                for (const m of [mu, nMu]) {
                  const scope = scopeIndex(c, a, m);
                  const into = scope * slots.length;
                  for (let slot = 0; slot < this.slots.length; slot++) {
                    counters[into + slot] += this.baseSlots[row + slot];
                  }
                  counters[into + place + co] += reported;
                  counters[into + place + nCo + ar] += reported;
                  counters[into + place + nCo + nAr + mu] += reported;
                  for (let o = 0; o < OUTCOME_STATUSES.length; o++) {
                    counters[into + outcomes + o] +=
                      this.decided[base * OUTCOME_STATUSES.length + o];
                  }
                  const dayRow = scope * MAX_DAYS;
                  for (let d = 0; d < MAX_DAYS; d++)
                    days[dayRow + d] += this.days[base * MAX_DAYS + d];
                }
          }
      const y = this.firstYear + year;
      const counterLines: string[] = [];
      const dayLines: string[] = [];
      for (let scope = 0; scope < scopeCount; scope++) {
        let name: string | undefined;
        for (let slot = 0; slot < slots.length; slot++) {
          const n = counters[scope * slots.length + slot];
          if (n === 0) continue;
          name ??= scopeName(scope);
          const { dimension, key, metric } = slots[slot];
          counterLines.push(`${name}\t${y}\t${dimension}\t${key}\t${metric}\t${n}\n`);
        }
        for (let d = 0; d < MAX_DAYS; d++) {
          const n = days[scope * MAX_DAYS + d];
          if (n === 0) continue;
          name ??= scopeName(scope);
          dayLines.push(`${name}\t${y}\t${d}\t${n}\n`);
        }
      }
      yield { counters: counterLines.join(''), days: dayLines.join('') };
    }
  }

  /** The timeliness histogram as COPY text: `(year, stage, days, count, within)`. */
  private stageRows(): string {
    const lines: string[] = [];
    for (let year = 0; year < this.years; year++)
      for (let stage = 0; stage < CLOCK_STAGES.length; stage++)
        for (let d = 0; d < MAX_STAGE_DAYS; d++) {
          const at = (year * CLOCK_STAGES.length + stage) * MAX_STAGE_DAYS + d;
          if (this.stageDays[at] === 0) continue;
          lines.push(
            `${this.firstYear + year}\t${CLOCK_STAGES[stage]}\t${d}\t${this.stageDays[at]}\t${this.stageWithin[at]}\n`,
          );
        }
    return lines.join('');
  }

  private async copyStages(client: Client): Promise<void> {
    const stages = copyIn(client, 'stat_stage_days (year, stage, days, count, within)', 'stages');
    await stages.write(this.stageRows());
    await stages.end();
  }

  /** Writes the timeliness histogram again (after a measurement without it). */
  async rewriteStages(client: Client): Promise<void> {
    await client.query('BEGIN');
    try {
      await client.query('TRUNCATE stat_stage_days');
      await this.copyStages(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }

  /**
   * Replaces the summary counters and histograms (days to outcome, timeliness) with the tally
   * (stat_case_outcomes apart).
   */
  async write(
    client: Client,
  ): Promise<{ counters: number; buckets: number; stageBuckets: number }> {
    await client.query('BEGIN');
    try {
      await client.query('TRUNCATE stat_counters, stat_outcome_days, stat_stage_days');
      const counters = copyIn(
        client,
        'stat_counters (scope, year, dimension, key, metric, value)',
        'counters',
      );
      let buckets = '';
      for (const chunk of this.rows()) {
        await counters.write(chunk.counters);
        buckets += chunk.days;
      }
      await counters.end();
      const days = copyIn(client, 'stat_outcome_days (scope, year, days, count)', 'days');
      await days.write(buckets);
      await days.end();
      await this.copyStages(client);
      await client.query('COMMIT');
      const { rows } = await client.query<{
        counters: number;
        buckets: number;
        stageBuckets: number;
      }>(
        `SELECT (SELECT count(*) FROM stat_counters)::int AS counters,
                (SELECT count(*) FROM stat_outcome_days)::int AS buckets,
                (SELECT count(*) FROM stat_stage_days)::int AS "stageBuckets"`,
      );
      return rows[0];
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}

function copyIn(
  client: Client,
  target: string,
  what: string,
): { write(text: string): Promise<void>; end(): Promise<void> } {
  const stream: Writable = client.query(copyFrom(`COPY ${target} FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('error', (error) => reject(new Error(`COPY of the ${what}: ${error.message}`)));
    stream.on('finish', resolve);
  });
  return {
    write: (text) =>
      text === '' || stream.write(text)
        ? Promise.resolve()
        : new Promise<void>((resolve) => stream.once('drain', resolve)),
    end: async () => {
      stream.end();
      await done;
    },
  };
}
