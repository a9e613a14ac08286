/**
 * Loads N realistic cases fast with COPY: the case rows (with encrypted contact details for the
 * identified ones), their grounds and their history, spread over the last ten years with
 * statuses that fit their age, and the reference counters moved past them.
 *
 *   npx ts-node -T -r tsconfig-paths/register test/bench/lib/load-cases.ts 100000
 *
 * loads into the database of the environment (DATABASE_URL, keys from FIELD_ENCRYPTION_KEYS):
 * demo data for a local run. The benchmarks call `loadCases` on their own database.
 *
 * One transaction: the list indexes of `cases` are dropped, the rows copied, the indexes built
 * again (far faster than keeping them up to date row by row), so a failure leaves nothing
 * behind. Foreign keys are not checked row by row (session_replication_role = replica): the
 * rows are made consistent here. Generated cases have a receipt code nobody knows (one hash for
 * all: hashing a million codes with argon2id would take hours), and the statistics counters are
 * not moved (the statistics recompute brings them in line).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import argon2 from 'argon2';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { FieldCipher, readConfigOrExit } from '@app/core';
import { TAXONOMY_SEED } from '@app/taxonomy';

export interface LoadCasesOptions {
  databaseUrl: string;
  count: number;
  cipher: FieldCipher;
  /** Years back from this one over which cases are spread (more in recent years). */
  years?: number;
  /** Seed of the pseudo-random choices, so two loads of the same size look the same. */
  seed?: number;
  log?: (line: string) => void;
}

export interface LoadedCases {
  cases: number;
  grounds: number;
  history: number;
  ms: number;
}

/** mulberry32: small, fast and good enough to pick codes. */
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

const OPENINGS = [
  'At the municipal office the clerk refused to register our child and',
  'My son was moved to a separate class at school and the teacher',
  'The landlord agreed on the phone, but when he saw us at the door he',
  'At the health centre the nurse made us wait for hours while others went first and',
  'During the job interview the manager asked about our community and then',
  'A police officer stopped us in the street without any reason and',
  'On a local news portal the comments under the article about our neighbourhood',
  'The shop owner did not let my daughter enter the shop and',
  'At the social welfare centre they told my mother that',
  'The bus driver did not stop for us at the station and',
];
const MIDDLES = [
  'said that people like us only make trouble',
  'told us to go back to our mahalla',
  'refused to give any written explanation',
  'laughed when we asked for the reason',
  'said the decision came from above',
  'called us names in front of other people',
  'asked for documents that nobody else had to bring',
];
const ENDINGS = [
  'This has happened to our family several times this year.',
  'Other people from our neighbourhood had the same experience.',
  'We have witnesses who saw everything.',
  'We would like someone to look into this and help us.',
  'I am afraid it will happen again.',
  'My children do not want to go there any more.',
];
const NAMES = [
  'Arbër Krasniqi',
  'Fatmire Berisha',
  'Jovan Petrović',
  'Selvije Gashi',
  'Dritan Hoxha',
  'Merita Rama',
  'Bajram Kelmendi',
];
const CLOSURE_REASONS = ['withdrawn', 'duplicate', 'outside_mandate', 'insufficient_information'];
const LOCALES = ['sq', 'sq', 'sq', 'sr', 'en', 'rom'];
const DAY = 86_400_000;

/** A status that fits a case of this age, with the weights of a working office. */
function statusFor(ageDays: number, r: number): string {
  if (ageDays < 14) return r < 0.5 ? 'submitted' : r < 0.8 ? 'in_review' : 'assigned';
  if (ageDays < 90) {
    return r < 0.1
      ? 'in_review'
      : r < 0.5
        ? 'assigned'
        : r < 0.65
          ? 'technical_group'
          : r < 0.85
            ? 'referred'
            : r < 0.95
              ? 'resolved'
              : 'closed';
  }
  return r < 0.45 ? 'resolved' : r < 0.7 ? 'not_discrimination' : r < 0.9 ? 'closed' : 'referred';
}

/** A COPY text-format field: \N for null; backslash, tab and line breaks escaped. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const line = (values: (string | number | boolean | null)[]) => `${values.map(field).join('\t')}\n`;

/**
 * `COPY table (columns) FROM STDIN`, fed a line at a time: lines go out in chunks while the
 * next ones are made, so PostgreSQL takes them in while this process writes more.
 */
class CopyStream {
  private chunk: string[] = [];
  private readonly done: Promise<void>;

  constructor(
    private readonly stream: Writable,
    private readonly chunkLines = 2000,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
    });
    // A failure is reported by end(); until then it must not be an unhandled rejection.
    this.done.catch(() => undefined);
  }

  static open(client: Client, table: string, columns: readonly string[]): CopyStream {
    return new CopyStream(
      client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
    );
  }

  async push(text: string): Promise<void> {
    this.chunk.push(text);
    if (this.chunk.length < this.chunkLines) return;
    const data = this.chunk.join('');
    this.chunk = [];
    if (!this.stream.write(data)) await new Promise<void>((r) => this.stream.once('drain', r));
  }

  async end(): Promise<void> {
    this.stream.end(this.chunk.join(''));
    this.chunk = [];
    await this.done;
  }
}

async function copyLines(
  client: Client,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  const copy = CopyStream.open(client, table, columns);
  for (const text of lines) await copy.push(text);
  await copy.end();
}

const BATCH = 50_000;
const GROUND_COLUMNS = ['case_id', 'ground'];
const HISTORY_COLUMNS = [
  'case_id',
  'at',
  'actor_kind',
  'actor_id',
  'from_status',
  'to_status',
  'public',
];

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
  'contact_name_enc',
  'contact_email_enc',
  'contact_phone_enc',
  'consent_contact',
  'consent_share_identity',
  'filed_with_help',
  'helper_kind',
  'helper_name_enc',
  'receipt_code_hash',
  'created_at',
  'updated_at',
  'assignee_id',
  'closure_reason',
];

export async function loadCases(options: LoadCasesOptions): Promise<LoadedCases> {
  const started = performance.now();
  const { count, cipher } = options;
  const log = options.log ?? (() => undefined);
  const rnd = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const community = codes('community');
  const area = codes('area');
  const ground = codes('ground');
  const municipality = codes('municipality');
  const perpetrator = codes('perpetrator_kind');
  const role = codes('reporter_role');
  const gender = codes('gender');
  const ageGroup = codes('age_group');

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const staff = await client.query<{ id: string; role: string }>(
      `SELECT id, role FROM staff_users WHERE active AND role IN ('legal_expert', 'administrator')`,
    );
    const experts = staff.rows.filter((s) => s.role === 'legal_expert').map((s) => s.id);
    const actors = staff.rows.map((s) => s.id);
    // Nobody knows this code: generated cases cannot be followed up.
    const receiptCodeHash = await argon2.hash(randomUUID(), {
      type: argon2.argon2id,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });

    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // The list indexes (not the primary key nor the unique constraints) are built after the copy.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE schemaname = 'public' AND tablename = 'cases'
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'cases'::regclass)`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);

    const now = Date.now();
    const thisYear = new Date(now).getUTCFullYear();
    const years = options.years ?? 10;
    // More cases in recent years: year k (0 = the oldest) has weight k + 1.
    const weights = Array.from({ length: years }, (_, k) => k + 1);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const perYear = weights.map((w) => Math.floor((count * w) / weightSum));
    perYear[years - 1] += count - perYear.reduce((a, b) => a + b, 0);
    const { rows: counterRows } = await client.query<{ year: number; last_seq: number }>(
      `SELECT year, last_seq FROM case_reference_counters`,
    );
    const lastSeq = new Map(counterRows.map((r) => [r.year, r.last_seq]));

    let cases: CopyStream | undefined;
    let inBatch = 0;
    let groundLines: string[] = [];
    let historyLines: string[] = [];
    let groundRows = 0;
    let historyRows = 0;
    let loaded = 0;
    // Cases stream out as they are made; their grounds and history follow each batch (one COPY
    // at a time per connection).
    const flush = async () => {
      await cases?.end();
      cases = undefined;
      inBatch = 0;
      await copyLines(client, 'case_grounds', GROUND_COLUMNS, groundLines);
      await copyLines(client, 'case_history', HISTORY_COLUMNS, historyLines);
      groundLines = [];
      historyLines = [];
      log(`${loaded} cases (${Math.round(performance.now() - started)} ms)`);
    };
    for (let k = 0; k < years; k++) {
      const year = thisYear - years + 1 + k;
      const start = Date.UTC(year, 0, 1);
      const end = Math.min(Date.UTC(year + 1, 0, 1), now - DAY);
      const n = perYear[k];
      const firstSeq = (lastSeq.get(year) ?? 0) + 1;
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        const seq = firstSeq + i;
        // Spread evenly over the year, in order, so references follow submission time.
        const at = new Date(start + ((i + rnd()) * (end - start)) / n);
        const ageDays = (now - at.getTime()) / DAY;
        const status = statusFor(ageDays, rnd());
        const anonymous = rnd() < 0.4;
        const helped = rnd() < 0.15;
        const assignee =
          ['submitted', 'in_review'].includes(status) || experts.length === 0
            ? null
            : pick(experts);
        const incident = new Date(at.getTime() - Math.floor(rnd() * 60) * DAY);
        const name = anonymous ? null : pick(NAMES);
        const email = anonymous ? null : `reporter${seq}.${year}@example.org`;
        const caseGrounds = new Set([pick(ground)]);
        if (rnd() < 0.25) caseGrounds.add(pick(ground));
        cases ??= CopyStream.open(client, 'cases', CASE_COLUMNS);
        await cases.push(
          line([
            id,
            `PMD-${year}-${seq < 100000 ? String(seq).padStart(5, '0') : seq}`,
            year,
            seq,
            status,
            1,
            at.toISOString(),
            pick(community),
            pick(area),
            pick(municipality),
            pick(perpetrator),
            pick(role),
            rnd() < 0.8 ? pick(gender) : null,
            rnd() < 0.7 ? pick(ageGroup) : null,
            incident.toISOString().slice(0, 10),
            `${pick(OPENINGS)} ${pick(MIDDLES)}. ${pick(ENDINGS)}`,
            pick(LOCALES),
            anonymous,
            name && cipher.encrypt(name, id),
            email && cipher.encrypt(email, id),
            null,
            !anonymous,
            !anonymous && rnd() < 0.5,
            helped,
            helped ? 'mediator' : null,
            helped ? cipher.encrypt('Community mediator', id) : null,
            receiptCodeHash,
            at.toISOString(),
            at.toISOString(),
            assignee,
            status === 'closed' ? pick(CLOSURE_REASONS) : null,
          ]),
        );
        for (const g of caseGrounds) groundLines.push(line([id, g]));
        groundRows += caseGrounds.size;
        historyLines.push(line([id, at.toISOString(), 'reporter', null, null, 'submitted', true]));
        historyRows++;
        if (status !== 'submitted') {
          const changed = new Date(at.getTime() + Math.min(ageDays / 2, 30) * DAY);
          const actor = actors.length > 0 ? pick(actors) : null;
          historyLines.push(
            line([
              id,
              changed.toISOString(),
              actor ? 'staff' : 'system',
              actor,
              'submitted',
              status,
              true,
            ]),
          );
          historyRows++;
        }
        loaded++;
        if (++inBatch >= BATCH) await flush();
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
    log(`building ${indexes.length} indexes of cases`);
    for (const index of indexes) {
      const at = performance.now();
      await client.query(index.definition);
      log(`  ${index.name}: ${Math.round(performance.now() - at)} ms`);
    }
    await client.query('COMMIT');
    // As autovacuum leaves a table that grew over years: statistics, and the visibility map that
    // lets counts read indexes only.
    await client.query('VACUUM (ANALYZE) cases, case_grounds, case_history');
    return {
      cases: loaded,
      grounds: groundRows,
      history: historyRows,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 10_000);
  const config = readConfigOrExit();
  loadCases({
    databaseUrl: config.database.url,
    count,
    cipher: new FieldCipher(config.security.encryptionKeys, config.security.activeEncryptionKeyId),
    log: (l) => process.stdout.write(`${l}\n`),
  }).then(
    (r) => process.stdout.write(`loaded ${r.cases} cases in ${r.ms} ms\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
