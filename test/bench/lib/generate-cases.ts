/**
 * Generates N realistic cases for the statistics benchmark and loads them with COPY (never row
 * by row): the case rows, their grounds and their history, spread over ten Kosovo years with
 * statuses and outcome dates that fit their age. Calling it again adds N more (sequence numbers
 * go on per year), so the benchmark grows one database from 1M to 10M.
 *
 * Made for volume: ids are sequential UUIDs (index appends, not random inserts), reporters are
 * anonymous (no encryption), the receipt code hash is one fixed value (nobody follows these cases
 * up), foreign keys are not checked row by row (session_replication_role = replica; the rows are
 * consistent by construction), and the secondary indexes of `cases` and `case_history` (the staff
 * case list's, the free-text search's) are dropped before the first load and not rebuilt: the
 * statistics never read them. The summary rows are not written here; the benchmark computes them
 * in bulk with the recompute's SQL after the COPY.
 */
import type { Writable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { TAXONOMY_SEED } from '@app/taxonomy';

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
const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 250_000;
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

const OUTCOMES = new Set(['resolved', 'not_discrimination', 'closed']);

/** Sequential UUIDs (version 4 layout): the primary key index only ever appends. */
function sequentialId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0b5e7a75-0000-4000-8000-${hex}`;
}

/** `COPY table (columns) FROM STDIN` of the text, waiting whenever the socket is full. */
async function copy(
  client: Client,
  table: string,
  columns: readonly string[],
  chunks: string[],
): Promise<void> {
  const stream: Writable = client.query(
    copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await done;
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
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const community = codes('community');
  const area = codes('area');
  const ground = codes('ground');
  const municipality = codes('municipality');
  const perpetrator = codes('perpetrator_kind');
  const role = codes('reporter_role');
  const gender = codes('gender');
  const ageGroup = codes('age_group');
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

    let caseText = '';
    let groundText = '';
    let historyText = '';
    const caseChunks: string[] = [];
    const groundChunks: string[] = [];
    const historyChunks: string[] = [];
    let inBatch = 0;
    let loaded = 0;
    let groundRows = 0;
    let historyRows = 0;
    const cut = () => {
      caseChunks.push(caseText);
      groundChunks.push(groundText);
      historyChunks.push(historyText);
      caseText = groundText = historyText = '';
    };
    const flush = async () => {
      cut();
      await copy(client, 'cases', CASE_COLUMNS, caseChunks.splice(0));
      await copy(client, 'case_grounds', ['case_id', 'ground'], groundChunks.splice(0));
      await copy(client, 'case_history', HISTORY_COLUMNS, historyChunks.splice(0));
      inBatch = 0;
      log(`${loaded} cases copied (${Math.round(performance.now() - started)} ms)`);
    };

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
        caseText +=
          `${id}\tPMD-${year}-${seq < 100000 ? String(seq).padStart(5, '0') : seq}\t${year}\t${seq}\t${status}\t1\t${submitted}\t` +
          `${pick(community)}\t${pick(area)}\t${pick(municipality)}\t${pick(perpetrator)}\t${pick(role)}\t` +
          `${rnd() < 0.8 ? pick(gender) : '\\N'}\t${rnd() < 0.7 ? pick(ageGroup) : '\\N'}\t${incident}\t${DESCRIPTION}\tsq\tt\t${RECEIPT_HASH}\t` +
          `${status === 'closed' ? pick(CLOSURE_REASONS) : '\\N'}\n`;
        const first = pick(ground);
        groundText += `${id}\t${first}\n`;
        groundRows++;
        if (rnd() < 0.3) {
          const second = pick(ground);
          if (second !== first) {
            groundText += `${id}\t${second}\n`;
            groundRows++;
          }
        }
        historyText += `${id}\t${submitted}\treporter\t\\N\tsubmitted\n`;
        historyRows++;
        if (status !== 'submitted') {
          // Outcomes after 1 to 240 days (never in the future); other steps within days.
          const span = OUTCOMES.has(status)
            ? 1 + Math.floor(rnd() * 240)
            : 1 + Math.floor(rnd() * 10);
          const changed = new Date(Math.min(at + span * DAY, now - HOUR)).toISOString();
          historyText += `${id}\t${changed}\tsystem\tsubmitted\t${status}\n`;
          historyRows++;
        }
        loaded++;
        inBatch++;
        if (inBatch % 10_000 === 0) cut();
        if (inBatch >= BATCH) await flush();
      }
      if (n > 0) lastSeq.set(year, firstSeq + n - 1);
    }
    if (inBatch > 0) await flush();
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
