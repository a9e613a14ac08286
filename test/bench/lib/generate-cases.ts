/**
 * Generates N realistic cases for the statistics benchmark and loads them with COPY (never row
 * by row): the case rows, their grounds and their history, spread over ten Kosovo years with
 * statuses and outcome dates that fit their age. Calling it again adds N more (sequence numbers
 * go on per year), so the benchmark grows one database from 1M to 10M.
 *
 * Made for volume: each table has a COPY stream on its own connection, fed in chunks while the
 * next rows are made (PostgreSQL stores while Node generates, and memory stays flat); ids are
 * sequential UUIDs (index appends, not random inserts), reporters are anonymous (no
 * encryption), the receipt code hash is one fixed value (nobody follows these cases up), foreign
 * keys are not checked row by row (session_replication_role = replica; the rows are consistent
 * by construction), and the secondary indexes of `cases` and `case_history` (the staff case
 * list's, the free-text search's) are dropped before the first load and not rebuilt: the
 * statistics never read them. With a `SummaryTally`, the statistics summary rows are counted as
 * the cases are made (see summary-tally.ts), and `stat_case_outcomes` and the stopped stage
 * clocks (`case_clocks`: triage, assignment, assessment, as far as each case's status goes; the
 * timeliness histogram's source) are streamed beside them.
 */
import type { Writable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CASE_STATUSES, CLOCK_STAGES, FINAL_STATUSES } from '@app/cases';
import { TAXONOMY_SEED } from '@app/taxonomy';
import { SummaryTally, TallyCodes } from './summary-tally';

export interface GenerateOptions {
  databaseUrl: string;
  count: number;
  /** First statistical year; cases spread over `years` years from it. */
  firstYear?: number;
  years?: number;
  /** No case is submitted or decided after this instant. */
  now?: Date;
  seed?: number;
  log?: (line: string) => void;
  /**
   * Counts the summary rows of the cases as they are made, and writes `stat_case_outcomes` (the
   * latest outcome of each decided case) beside them; the caller writes the rest with
   * `tally.write`. Without it the statistics summary rows are left as they are.
   */
  tally?: SummaryTally;
}

export interface Generated {
  cases: number;
  grounds: number;
  history: number;
  ms: number;
}

/** mulberry32: small, fast, reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const codes = (kind: keyof typeof TAXONOMY_SEED) => TAXONOMY_SEED[kind].map((i) => i.code);
const CLOSURE_REASONS = ['withdrawn', 'duplicate', 'outside_mandate', 'insufficient_information'];
/** The code lists cases are drawn from (the tally counts by position in them). */
export const GENERATED_CODES: TallyCodes = {
  community: codes('community'),
  area: codes('area'),
  municipality: codes('municipality'),
  gender: codes('gender'),
  ageGroup: codes('age_group'),
  reporterRole: codes('reporter_role'),
  perpetratorKind: codes('perpetrator_kind'),
  ground: codes('ground'),
  closureReason: CLOSURE_REASONS,
};
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Cases per chunk written to the COPY streams, and between two progress lines. */
const CHUNK = 5_000;
const PROGRESS = 500_000;
const DESCRIPTION = 'Generated case for the statistics benchmark.';
const RECEIPT_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2htYXJr$bm90LWEtcmVhbC1oYXNoLW5vYm9keS1rbm93cw';

const CASE_COLUMNS = [
  'id',
  'reference',
  'year',
  'seq',
  'status',
  'version',
  'submitted_at',
  'community',
  'primary_area',
  'municipality',
  'perpetrator_kind',
  'reporter_role',
  'gender',
  'age_group',
  'incident_date',
  'description',
  'preferred_locale',
  'anonymous',
  'receipt_code_hash',
  'closure_reason',
];
const HISTORY_COLUMNS = ['case_id', 'at', 'actor_kind', 'from_status', 'to_status'];
const CLOCK_COLUMNS = [
  'id',
  'case_id',
  'stage',
  'started_at',
  'start_day',
  'target_days',
  'due_day',
  'stopped_at',
  'stop_day',
  'working_days',
];
/**
 * The stages a case in a status has been through (their clocks stopped), with their targets
 * (the default configuration's) and the most working days one of them takes here.
 */
const STAGE_PLAN = [
  { stage: 'triage', target: 5, maxDays: 9 },
  { stage: 'assignment', target: 5, maxDays: 7 },
  { stage: 'assessment', target: 30, maxDays: 60 },
] as const;
const STAGES_PASSED: Record<string, number> = {
  submitted: 0,
  in_review: 1,
  assigned: 2,
  technical_group: 3,
  referred: 3,
  resolved: 3,
  not_discrimination: 3,
  closed: 3,
};

/** A status for a case of this age, with the weights of a working office. */
function statusFor(ageDays: number, r: number): string {
  if (ageDays < 14) return r < 0.5 ? 'submitted' : r < 0.8 ? 'in_review' : 'assigned';
  if (ageDays < 120) {
    if (r < 0.15) return 'assigned';
    if (r < 0.3) return 'technical_group';
    if (r < 0.5) return 'referred';
    return r < 0.75 ? 'resolved' : r < 0.88 ? 'not_discrimination' : 'closed';
  }
  return r < 0.45 ? 'resolved' : r < 0.7 ? 'not_discrimination' : r < 0.92 ? 'closed' : 'referred';
}

const OUTCOMES = new Set<string>(FINAL_STATUSES);

/** Sequential UUIDs (version 4 layout): the primary key index only ever appends. */
function sequentialId(n: number, kind = '0000'): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0b5e7a75-${kind}-4000-8000-${hex}`;
}

/**
 * `COPY table (columns) FROM STDIN` on a connection of its own, fed while the rows are made: the
 * three tables stream side by side, so PostgreSQL stores one chunk while the next is generated,
 * and no more than a chunk per table waits in memory.
 */
class CopyStream {
  private readonly client: Client;
  private stream?: Writable;
  private done?: Promise<void>;

  constructor(
    databaseUrl: string,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.client = new Client({ connectionString: databaseUrl });
  }

  async open(): Promise<void> {
    await this.client.connect();
    // Foreign keys are not checked row by row: the rows are consistent by construction.
    await this.client.query(`SET session_replication_role = replica`);
    const stream: Writable = this.client.query(
      copyFrom(`COPY ${this.table} (${this.columns.join(', ')}) FROM STDIN`),
    );
    this.done = new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
    });
    this.stream = stream;
  }

  /** Resolves when the stream can take more (at once while the socket keeps up). */
  write(text: string): Promise<void> {
    const stream = this.stream as Writable;
    if (text === '' || stream.write(text)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      stream.once('error', failed);
      stream.once('drain', () => {
        stream.off('error', failed);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    try {
      if (this.stream) {
        this.stream.end();
        await this.done;
      }
    } finally {
      await this.client.end();
    }
  }
}

/** Drops the secondary indexes of the tables loaded (kept: primary keys, unique constraints). */
export async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('cases', 'case_history', 'case_grounds')
        AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((r) => r.name);
}

export async function generateCases(options: GenerateOptions): Promise<Generated> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const rnd = random(options.seed ?? 20260101);
  const index = (list: readonly unknown[]): number => Math.floor(rnd() * list.length);
  const {
    community,
    area,
    ground,
    municipality,
    perpetratorKind: perpetrator,
    reporterRole: role,
    gender,
    ageGroup,
  } = GENERATED_CODES;
  const years = options.years ?? 10;
  const firstYear = options.firstYear ?? 2017;
  const now = (options.now ?? new Date('2026-11-01T00:00:00Z')).getTime();

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    const { rows: counters } = await client.query<{ year: number; last_seq: number }>(
      `SELECT year, last_seq FROM case_reference_counters`,
    );
    const lastSeq = new Map(counters.map((r) => [r.year, r.last_seq]));
    const [{ n: existing }] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM cases`))
      .rows;
    let nextId = Number(existing) + 1;

    const tally = options.tally;
    const streams = [
      new CopyStream(options.databaseUrl, 'cases', CASE_COLUMNS),
      new CopyStream(options.databaseUrl, 'case_grounds', ['case_id', 'ground']),
      new CopyStream(options.databaseUrl, 'case_history', HISTORY_COLUMNS),
      ...(tally
        ? [
            new CopyStream(options.databaseUrl, 'stat_case_outcomes', [
              'case_id',
              'outcome',
              'closure_reason',
              'decided_at',
            ]),
            new CopyStream(options.databaseUrl, 'case_clocks', CLOCK_COLUMNS),
          ]
        : []),
    ];
    let caseText = '';
    let groundText = '';
    let historyText = '';
    let outcomeText = '';
    let clockText = '';
    let loaded = 0;
    let groundRows = 0;
    let historyRows = 0;
    const send = async () => {
      const texts = [caseText, groundText, historyText, outcomeText, clockText];
      caseText = groundText = historyText = outcomeText = clockText = '';
      await Promise.all(streams.map((stream, i) => stream.write(texts[i])));
    };
    for (const stream of streams) await stream.open();

    const perYear = Math.floor(options.count / years);
    for (let k = 0; k < years; k++) {
      const year = firstYear + k;
      const n = k === years - 1 ? options.count - perYear * (years - 1) : perYear;
      // Kosovo year: 1 January 00:00 is 31 December 23:00 UTC (winter time).
      const start = Date.UTC(year - 1, 11, 31, 23);
      const end = Math.min(Date.UTC(year, 11, 31, 23), now - DAY);
      const firstSeq = (lastSeq.get(year) ?? 0) + 1;
      for (let i = 0; i < n; i++) {
        const id = sequentialId(nextId++);
        const seq = firstSeq + i;
        const at = start + Math.floor(((i + rnd()) * (end - start)) / n);
        const submitted = new Date(at).toISOString();
        const status = statusFor((now - at) / DAY, rnd());
        const incident = new Date(at - Math.floor(rnd() * 30) * DAY - 12 * HOUR)
          .toISOString()
          .slice(0, 10);
        // Positions in the code lists, drawn in a fixed order (one draw each) for reproducibility.
        const co = index(community);
        const ar = index(area);
        const mu = index(municipality);
        const kind = index(perpetrator);
        const rl = index(role);
        const ge = rnd() < 0.8 ? index(gender) : -1;
        const ag = rnd() < 0.7 ? index(ageGroup) : -1;
        const reason = status === 'closed' ? index(CLOSURE_REASONS) : -1;
        caseText +=
          `${id}\tPMD-${year}-${seq < 100000 ? String(seq).padStart(5, '0') : seq}\t${year}\t${seq}\t${status}\t1\t${submitted}\t` +
          `${community[co]}\t${area[ar]}\t${municipality[mu]}\t${perpetrator[kind]}\t${role[rl]}\t` +
          `${ge < 0 ? '\\N' : gender[ge]}\t${ag < 0 ? '\\N' : ageGroup[ag]}\t${incident}\t${DESCRIPTION}\tsq\tt\t${RECEIPT_HASH}\t` +
          `${reason < 0 ? '\\N' : CLOSURE_REASONS[reason]}\n`;
        const first = index(ground);
        const grounds = [first];
        groundText += `${id}\t${ground[first]}\n`;
        groundRows++;
        if (rnd() < 0.3) {
          const second = index(ground);
          if (second !== first) {
            grounds.push(second);
            groundText += `${id}\t${ground[second]}\n`;
            groundRows++;
          }
        }
        historyText += `${id}\t${submitted}\treporter\t\\N\tsubmitted\n`;
        historyRows++;
        let changedAt = at;
        if (status !== 'submitted') {
          // Outcomes after 1 to 240 days (never in the future); other steps within days.
          const span = OUTCOMES.has(status)
            ? 1 + Math.floor(rnd() * 240)
            : 1 + Math.floor(rnd() * 10);
          changedAt = Math.min(at + span * DAY, now - HOUR);
          const changed = new Date(changedAt).toISOString();
          historyText += `${id}\t${changed}\tsystem\tsubmitted\t${status}\n`;
          historyRows++;
          if (tally && OUTCOMES.has(status)) {
            outcomeText += `${id}\t${status}\t${reason < 0 ? '\\N' : CLOSURE_REASONS[reason]}\t${changed}\n`;
          }
        }
        const clocks: [stage: number, days: number, within: boolean][] = [];
        if (tally) {
          // The stages this case went through, each stopped after some working days.
          const day = submitted.slice(0, 10);
          const stopped = new Date(changedAt).toISOString();
          for (let k = 0; k < STAGES_PASSED[status]; k++) {
            const plan = STAGE_PLAN[k];
            const days = Math.floor(rnd() * (plan.maxDays + 1));
            clocks.push([CLOCK_STAGES.indexOf(plan.stage), days, days <= plan.target]);
            clockText +=
              `${sequentialId(nextId * 4 + k, '0001')}\t${id}\t${plan.stage}\t${submitted}\t${day}\t` +
              `${plan.target}\t${day}\t${stopped}\t${stopped.slice(0, 10)}\t${days}\n`;
          }
        }
        tally?.add({
          submittedAt: at,
          year: year - firstYear,
          community: co,
          area: ar,
          municipality: mu,
          gender: ge,
          ageGroup: ag,
          reporterRole: rl,
          perpetratorKind: kind,
          grounds,
          status: CASE_STATUSES.indexOf(status as (typeof CASE_STATUSES)[number]),
          closureReason: reason,
          changedAt,
          clocks,
        });
        loaded++;
        if (loaded % CHUNK === 0) await send();
        if (loaded % PROGRESS === 0) {
          log(`${loaded} cases sent (${Math.round(performance.now() - started)} ms)`);
        }
      }
      if (n > 0) lastSeq.set(year, firstSeq + n - 1);
    }
    await send();
    await Promise.all(streams.map((stream) => stream.close()));
    for (const [year, seq] of lastSeq) {
      await client.query(
        `INSERT INTO case_reference_counters (year, last_seq) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_seq = GREATEST(case_reference_counters.last_seq, $2)`,
        [year, seq],
      );
    }
    return {
      cases: loaded,
      grounds: groundRows,
      history: historyRows,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await client.end();
  }
}
