import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  StageTimeliness,
  protectStageTimeliness,
  stageTimeliness,
} from '../domain/stage-timeliness';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  FieldError,
  installationTimeZone,
  ValidationFailedError,
  installationDate,
  installationYear,
} from '@app/core';
import { CLOCK_STAGES, CaseStatisticsSource, ClockStage } from '@app/cases';
import { TaxonomyService, TaxonomySnapshot } from '@app/taxonomy';
import { ALL_SCOPE } from '../domain/counter-key';
import { filterScopes } from '../domain/case-deltas';
import { HIDDEN, ProtectedYear, combineProtected, protectYear } from '../domain/disclosure-control';
import { FigureDifference, differences } from '../domain/figure-rows';
import {
  Cell,
  KnownCodes,
  YearCounts,
  YearFigures,
  addCounts,
  buildFigures,
  emptyCounts,
} from '../domain/yearly-figures';

/** A DataSource or a transaction's EntityManager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Widest range of years one request may ask for. */
export const MAX_YEAR_SPAN = 50;

export interface YearRangeQuery {
  from?: number;
  to?: number;
}

/** The staff filters; each a taxonomy code or absent for "all". */
export interface StatisticsFilter {
  community?: string;
  area?: string;
  municipality?: string;
}

export interface YearStatistics {
  year: number;
  figures: YearFigures<Cell>;
  /** When the year's figures were published; null while they are provisional. */
  publishedAt: string | null;
  /** Staff, unfiltered, published years: what changed since publication. */
  changesSincePublished?: FigureDifference[];
  /**
   * Staff: referrals sent in the year, per institution, still unanswered past their due date today.
   */
  overdueNow?: Record<string, number>;
}

export interface YearlyStatistics {
  from: number;
  to: number;
  filters: { community: string | null; area: string | null; municipality: string | null };
  /**
   * Public figures: counts above zero and below this are hidden, with companions so that none
   * can be worked out (disclosure-control.ts); hidden figures show as `x`. Null when exact.
   */
  suppressionThreshold: number | null;
  years: YearStatistics[];
  /** All the years of the range together. */
  allYears: YearFigures<Cell>;
}

/**
 * Reads the statistics: a handful of summary rows per year, never the cases, so a request costs
 * the same at 50 cases and at ten million. The public sees published years as published and
 * small cross-tabulated counts hidden; staff see exact, filterable, live figures.
 */
@Injectable()
export class StatisticsService {
  /** Public figures per year by what they are made from (see `publicYearEntry`). */
  private readonly publicYears = new Recent<PublicYearEntry>(256);
  /** The key of each live year's newest entry, whose figures replace the year's earlier ones. */
  private readonly liveYearKeys = new Map<number, string>();
  /** All years together per range of year entries. */
  private readonly publicRanges = new Recent<YearFigures<Cell>>(64);
  /** Whole public answers per range of year entries. */
  private readonly publicAnswers = new Recent<YearlyStatistics>(64);
  private publicSerial = 0;
  private readonly knownBySnapshot = new WeakMap<
    TaxonomySnapshot,
    { known: KnownCodes; key: string }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly taxonomy: TaxonomyService,
    private readonly cases: CaseStatisticsSource,
  ) {}

  async publicYearly(query: YearRangeQuery): Promise<YearlyStatistics> {
    const { from, to } = await this.range(query);
    const [live, published, { known, key: knownKey }] = await Promise.all([
      this.readCounts([ALL_SCOPE], from, to, this.dataSource, true),
      this.snapshotTexts(from, to),
      this.publicKnownCodes(),
    ]);
    const threshold = this.config.statistics.publicThreshold;
    const entries: PublicYearEntry[] = [];
    for (let year = from; year <= to; year++) {
      entries.push(
        this.publicYearEntry(year, published.get(year), live.get(year), known, knownKey, threshold),
      );
    }
    // The same entries (a published year's date is in its entry's key) make the same answer:
    // the very object answered before, so that its encoded body can be kept with it.
    const key = `${from}\u0000${to}\u0000${entries.map((e) => e.id).join(',')}`;
    const cached = this.publicAnswers.get(key);
    if (cached) return cached;
    const answer: YearlyStatistics = deepFreeze({
      from,
      to,
      filters: { community: null, area: null, municipality: null },
      suppressionThreshold: threshold,
      years: entries.map((entry, i) => ({
        year: from + i,
        figures: entry.figures,
        publishedAt: entry.publishedAt,
      })),
      allYears: this.publicAllYears(entries, known, knownKey),
    });
    this.publicAnswers.set(key, answer);
    return answer;
  }

  /**
   * A year's public figures, memoised by everything they are made from: the year, the threshold,
   * the known codes and the year's summary rows as PostgreSQL wrote them (or its snapshot). A
   * count that changes makes another key, so a live year is never answered from figures of
   * earlier counts; what did not change is not built and audited again on every request.
   */
  private publicYearEntry(
    year: number,
    snapshot: SnapshotText | undefined,
    live: CountTexts | undefined,
    known: KnownCodes,
    knownKey: string,
    threshold: number,
  ): PublicYearEntry {
    const source = snapshot
      ? `published\u0000${snapshot.publishedAt.toISOString()}\u0000${snapshot.counts}\u0000${snapshot.publicFigures ?? ''}`
      : `live\u0000${live?.counters ?? ''}\u0000${live?.days ?? ''}\u0000${live?.stages ?? ''}`;
    // Keyed by a digest of what it is made from: neither a superseded live year's rows nor the
    // codes' text are kept in the key.
    const key = createHash('sha1')
      .update(`${year}\u0000${threshold}\u0000${knownKey}\u0000${source}`)
      .digest('base64');
    const cached = this.publicYears.get(key);
    if (cached) return cached;
    const counts = snapshot ? (JSON.parse(snapshot.counts) as YearCounts) : parseCounts(live, true);
    // A published year as it was frozen: the very figures its preview showed (its timeliness
    // too; a year published before that was frozen shows none, never live ones).
    const figures = snapshot?.publicFigures
      ? (JSON.parse(snapshot.publicFigures) as YearFigures<Cell>)
      : this.publicYear(year, counts, known).figures;
    const entry: PublicYearEntry = deepFreeze({
      id: ++this.publicSerial,
      counts,
      figures,
      publishedAt: snapshot ? snapshot.publishedAt.toISOString() : null,
    });
    this.publicYears.set(key, entry);
    if (!snapshot) {
      // Only a live year's newest counts are kept: earlier ones asked for again are made anew.
      const earlier = this.liveYearKeys.get(year);
      if (earlier !== undefined && earlier !== key) this.publicYears.delete(earlier);
      this.liveYearKeys.set(year, key);
    }
    return entry;
  }

  /** All the years of a range together, memoised by the years' entries (each made once). */
  private publicAllYears(
    entries: PublicYearEntry[],
    known: KnownCodes,
    knownKey: string,
  ): YearFigures<Cell> {
    const key = `${knownKey}\u0000${entries.map((e) => e.id).join(',')}`;
    const cached = this.publicRanges.get(key);
    if (cached) return cached;
    const all = emptyCounts();
    for (const entry of entries) addCounts(all, entry.counts);
    const figures = deepFreeze(
      combineProtected(
        entries.map((e) => e.figures),
        buildFigures(null, all, known),
      ),
    );
    this.publicRanges.set(key, figures);
    return figures;
  }

  /**
   * The one way a year's counts become public figures (the public page and API, the frozen
   * snapshot and its preview): exact counts in, protected figures and the hidden cells out.
   */
  publicYear(year: number, counts: YearCounts, known: KnownCodes): ProtectedYear {
    const decided = Object.values(counts.outcomeDays).reduce((sum, n) => sum + n, 0);
    const threshold = this.config.statistics.publicThreshold;
    const result = protectYear(buildFigures(year, counts, known), threshold, decided);
    if (counts.stageDays) {
      const histogram = counts.stageDays;
      result.figures.timeliness = CLOCK_STAGES.map((stage) =>
        protectStageTimeliness(
          stage,
          Object.entries(histogram[stage] ?? {}).map(([days, [count, within]]) => ({
            days: Number(days),
            count,
            within,
          })),
          threshold,
          HIDDEN,
        ),
      );
    }
    return result;
  }

  async staffYearly(query: YearRangeQuery, filter: StatisticsFilter): Promise<YearlyStatistics> {
    const [{ from, to }, known, taxonomy] = await Promise.all([
      this.range(query),
      this.knownCodes(),
      this.taxonomy.snapshot(),
    ]);
    this.checkFilter(filter, taxonomy);
    const unfiltered = !filter.community && !filter.area && !filter.municipality;
    const scopes = filterScopes({
      community: filter.community ? [filter.community] : [],
      area: filter.area ? [filter.area] : [],
      municipality: filter.municipality ? [filter.municipality] : [],
    });
    const [live, published, overdue] = await Promise.all([
      this.loadCounts(scopes, from, to),
      this.snapshots(from, to),
      this.overdueNow(from, to, filter),
    ]);
    const all = emptyCounts();
    const years: YearStatistics[] = [];
    for (let year = from; year <= to; year++) {
      const counts = live.get(year) ?? emptyCounts();
      addCounts(all, counts);
      const figures = buildFigures(year, counts, known);
      const snapshot = published.get(year);
      years.push({
        year,
        figures,
        publishedAt: snapshot ? snapshot.publishedAt.toISOString() : null,
        ...(snapshot && unfiltered
          ? {
              changesSincePublished: differences(
                buildFigures(year, snapshot.counts, known),
                figures,
              ),
            }
          : {}),
        overdueNow: overdue.get(year) ?? {},
      });
    }
    return {
      from,
      to,
      filters: {
        community: filter.community ?? null,
        area: filter.area ?? null,
        municipality: filter.municipality ?? null,
      },
      suppressionThreshold: null,
      years,
      allYears: buildFigures(null, all, known),
    };
  }

  /**
   * The unfiltered counts of one year as they are now, the timeliness histogram with them (what
   * publishing freezes).
   */
  async currentCounts(year: number, runner: Queryable = this.dataSource): Promise<YearCounts> {
    return (await this.loadCounts([ALL_SCOPE], year, year, runner, true)).get(year)!;
  }

  /** Counts above zero and below this are hidden from the public. */
  publicThreshold(): number {
    return this.config.statistics.publicThreshold;
  }

  /**
   * Timeliness per statistical year and stage (median and 90th percentile of working days, share
   * within target), read from the histogram rows: the cost does not grow with the cases.
   */
  async timeliness(
    from: number,
    to: number,
  ): Promise<{ year: number; stages: ({ stage: ClockStage } & StageTimeliness)[] }[]> {
    const rows = (await this.dataSource.query(
      `SELECT year, stage, days, count, within FROM stat_stage_days
        WHERE year BETWEEN $1 AND $2`,
      [from, to],
    )) as { year: number; stage: ClockStage; days: number; count: string; within: string }[];
    const result = [];
    for (let year = to; year >= from; year--) {
      const stages = CLOCK_STAGES.map((stage) => ({
        stage,
        ...stageTimeliness(
          rows
            .filter((r) => r.year === year && r.stage === stage)
            .map((r) => ({ days: r.days, count: Number(r.count), within: Number(r.within) })),
        ),
      }));
      if (stages.some((s) => s.count > 0)) result.push({ year, stages });
    }
    return result;
  }

  /** The statistical year now (the installation's time zone). */
  currentYear(): number {
    return installationYear(this.clock.now());
  }

  /** Years with published snapshots, newest first. */
  async publishedYears(): Promise<{ year: number; publishedAt: Date }[]> {
    const rows = (await this.dataSource.query(
      `SELECT year, published_at FROM stat_snapshots ORDER BY year DESC`,
    )) as { year: number; published_at: Date }[];
    return rows.map((r) => ({ year: r.year, publishedAt: r.published_at }));
  }

  private async range(query: YearRangeQuery): Promise<{ from: number; to: number }> {
    const current = this.currentYear();
    const to = query.to ?? Math.max(current, query.from ?? current);
    let from = query.from;
    if (from === undefined) {
      const [row] = (await this.dataSource.query(
        `SELECT min(year) AS first FROM stat_counters WHERE scope = $1`,
        [ALL_SCOPE],
      )) as { first: number | null }[];
      from = Math.min(row?.first ?? to, to);
      from = Math.max(from, to - MAX_YEAR_SPAN + 1);
    }
    const problems: FieldError[] = [];
    if (from > to) {
      problems.push({ field: 'from', code: 'yearRange', messageKey: 'validation.yearRange' });
    } else if (to - from + 1 > MAX_YEAR_SPAN) {
      problems.push({
        field: 'to',
        code: 'yearSpan',
        messageKey: 'validation.yearSpan',
        params: { max: MAX_YEAR_SPAN },
      });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return { from, to };
  }

  private checkFilter(filter: StatisticsFilter, taxonomy: TaxonomySnapshot): void {
    const problems: FieldError[] = [];
    const check = (field: keyof StatisticsFilter, kind: 'community' | 'area' | 'municipality') => {
      const code = filter[field];
      if (code && !taxonomy.isKnown(kind, code)) {
        problems.push({ field, code: 'isKnownCode', messageKey: 'validation.isKnownCode' });
      }
    };
    check('community', 'community');
    check('area', 'area');
    check('municipality', 'municipality');
    if (problems.length > 0) throw new ValidationFailedError(problems);
  }

  private async loadCounts(
    scopes: string[],
    from: number,
    to: number,
    runner: Queryable = this.dataSource,
    /** Unfiltered only: also the timeliness histogram, every year of the range given one. */
    withStages = false,
  ): Promise<Map<number, YearCounts>> {
    const texts = await this.readCounts(scopes, from, to, runner, withStages);
    const byYear = new Map<number, YearCounts>();
    for (const [year, text] of texts) byYear.set(year, parseCounts(text, withStages));
    if (withStages) {
      for (let year = from; year <= to; year++) {
        if (!byYear.has(year)) byYear.set(year, parseCounts(undefined, true));
      }
    }
    return byYear;
  }

  /**
   * The summary rows of the years as JSON text, one object per year and table (parsed by
   * `parseCounts`): the text is also what the public figures are memoised by.
   */
  private async readCounts(
    scopes: string[],
    from: number,
    to: number,
    runner: Queryable,
    withStages: boolean,
  ): Promise<Map<number, CountTexts>> {
    // Meetings belong to no community or place: a filtered view shows the year's meetings.
    const withMeetings = !scopes.includes(ALL_SCOPE);
    // One scope (the usual case) as a plain equality: the simplest plan, a range of the key.
    const scopeMatch = scopes.length === 1 ? 'scope = $1' : 'scope = ANY($1)';
    const scopeParam = scopes.length === 1 ? scopes[0] : scopes;
    // One scope without the meetings of another: the key makes each counter and each day one
    // row already, nothing to sum.
    const single = scopes.length === 1 && !withMeetings;
    // Each read answers one row per year with its figures as one JSON object, built by
    // PostgreSQL: a thousand counters arrive as one value to parse, not a thousand rows. (The
    // same rows in another order would only be another memo key: the figures do not depend on
    // the order of the keys.)
    const readCounters = () =>
      runner.query(
        single
          ? `SELECT year, json_object_agg(dimension || '/' || key || '/' || metric, value)::text AS counts
               FROM stat_counters
              WHERE scope = $1 AND year BETWEEN $2 AND $3
              GROUP BY year`
          : `SELECT year, json_object_agg(name, value)::text AS counts
               -- name as counterName() writes it: dimension/key/metric
               FROM (SELECT year, dimension || '/' || key || '/' || metric AS name, sum(value) AS value
                       FROM stat_counters
                      WHERE (${scopeMatch} ${withMeetings ? `OR (scope = '${ALL_SCOPE}' AND dimension = 'meetings')` : ''})
                        AND year BETWEEN $2 AND $3
                      GROUP BY year, dimension, key, metric) AS summed
              GROUP BY year`,
        [scopeParam, from, to],
      ) as Promise<{ year: number; counts: string }[]>;
    const readDays = () =>
      runner.query(
        single
          ? `SELECT year, json_object_agg(days, count)::text AS counts
               FROM stat_outcome_days
              WHERE scope = $1 AND year BETWEEN $2 AND $3
              GROUP BY year`
          : `SELECT year, json_object_agg(days, count)::text AS counts
               FROM (SELECT year, days, sum(count) AS count
                       FROM stat_outcome_days
                      WHERE ${scopeMatch} AND year BETWEEN $2 AND $3
                      GROUP BY year, days) AS summed
              GROUP BY year`,
        [scopeParam, from, to],
      ) as Promise<{ year: number; counts: string }[]>;
    // Stage -> days -> [count, within], one JSON object per year, from a range of the key.
    const readStages = () =>
      withStages
        ? (runner.query(
            `SELECT year, json_object_agg(stage, histogram)::text AS stages
               FROM (SELECT year, stage,
                            json_object_agg(days, json_build_array(count, within)) AS histogram
                       FROM stat_stage_days
                      WHERE year BETWEEN $1 AND $2
                      GROUP BY year, stage) AS per_stage
              GROUP BY year`,
            [from, to],
          ) as Promise<{ year: number; stages: string }[]>)
        : Promise.resolve([]);
    // On the pool the reads run side by side; a transaction has one connection, in turn.
    const [counters, days, stages] =
      runner === this.dataSource
        ? await Promise.all([readCounters(), readDays(), readStages()])
        : [await readCounters(), await readDays(), await readStages()];
    const byYear = new Map<number, CountTexts>();
    const of = (year: number) => {
      let texts = byYear.get(year);
      if (!texts) byYear.set(year, (texts = {}));
      return texts;
    };
    for (const row of counters) of(row.year).counters = row.counts;
    for (const row of days) of(row.year).days = row.counts;
    for (const row of stages) of(row.year).stages = row.stages;
    return byYear;
  }

  private async snapshots(
    from: number,
    to: number,
  ): Promise<
    Map<number, { publishedAt: Date; counts: YearCounts; publicFigures: YearFigures<Cell> | null }>
  > {
    const texts = await this.snapshotTexts(from, to);
    return new Map(
      [...texts].map(([year, r]) => [
        year,
        {
          publishedAt: r.publishedAt,
          counts: JSON.parse(r.counts) as YearCounts,
          publicFigures:
            r.publicFigures === null ? null : (JSON.parse(r.publicFigures) as YearFigures<Cell>),
        },
      ]),
    );
  }

  /** The published snapshots of the years, their figures as JSON text. */
  private async snapshotTexts(from: number, to: number): Promise<Map<number, SnapshotText>> {
    const rows = (await this.dataSource.query(
      `SELECT year, published_at, counts::text AS counts, public_figures::text AS public_figures
         FROM stat_snapshots WHERE year BETWEEN $1 AND $2`,
      [from, to],
    )) as { year: number; published_at: Date; counts: string; public_figures: string | null }[];
    return new Map(
      rows.map((r) => [
        r.year,
        { publishedAt: r.published_at, counts: r.counts, publicFigures: r.public_figures },
      ]),
    );
  }

  /**
   * Referrals still unanswered past their due date, by the year they were sent. It depends on
   * today, so it is read from the referrals waiting for an answer (few, and indexed), not counted.
   */
  private async overdueNow(
    from: number,
    to: number,
    filter: StatisticsFilter,
  ): Promise<Map<number, Record<string, number>>> {
    const rows = await this.cases.overdueReferrals({
      timeZone: installationTimeZone(),
      today: installationDate(this.clock.now()),
      from,
      to,
      community: filter.community,
      area: filter.area,
      municipality: filter.municipality,
    });
    const result = new Map<number, Record<string, number>>();
    for (const row of rows) {
      const record = result.get(row.year) ?? {};
      record[row.institutionCode] = row.count;
      result.set(row.year, record);
    }
    return result;
  }

  async knownCodes(): Promise<KnownCodes> {
    return (await this.publicKnownCodes()).known;
  }

  /**
   * The known codes of the current reference data, with a key naming them (made once per snapshot).
   */
  private async publicKnownCodes(): Promise<{ known: KnownCodes; key: string }> {
    const snapshot = await this.taxonomy.snapshot();
    let entry = this.knownBySnapshot.get(snapshot);
    if (!entry) {
      const codes = (kind: Parameters<TaxonomySnapshot['list']>[0]) =>
        snapshot.list(kind, 'en').map((item) => item.code);
      const known: KnownCodes = {
        community: codes('community'),
        area: codes('area'),
        ground: codes('ground'),
        municipality: codes('municipality'),
        gender: codes('gender'),
        age_group: codes('age_group'),
        reporter_role: codes('reporter_role'),
        perpetrator_kind: codes('perpetrator_kind'),
        referral_institution: [],
        closure_reason: codes('closure_reason'),
      };
      entry = deepFreeze({ known, key: JSON.stringify(known) });
      this.knownBySnapshot.set(snapshot, entry);
    }
    return entry;
  }
}

/** One table's rows of one year as JSON text (absent: no rows). */
interface CountTexts {
  counters?: string;
  days?: string;
  stages?: string;
}

interface SnapshotText {
  publishedAt: Date;
  counts: string;
  publicFigures: string | null;
}

/** A year's public figures and the counts they were made from, made once per key. */
interface PublicYearEntry {
  readonly id: number;
  readonly counts: YearCounts;
  readonly figures: YearFigures<Cell>;
  readonly publishedAt: string | null;
}

function parseCounts(texts: CountTexts | undefined, withStages: boolean): YearCounts {
  const counts: YearCounts = {
    counters: texts?.counters ? (JSON.parse(texts.counters) as Record<string, number>) : {},
    outcomeDays: texts?.days ? (JSON.parse(texts.days) as Record<string, number>) : {},
  };
  if (withStages) {
    counts.stageDays = texts?.stages
      ? (JSON.parse(texts.stages) as NonNullable<YearCounts['stageDays']>)
      : {};
  }
  return counts;
}

/**
 * Memoised figures are shared by every request: frozen, so that none can change them for the next.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A map that keeps its newest entries only (those read or written last). */
class Recent<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }
}
