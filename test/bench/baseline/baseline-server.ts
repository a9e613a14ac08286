/**
 * The baseline of the intake and follow-up benchmarks: the work our endpoints cannot avoid,
 * with no framework. Plain node:http and a pg Pool of the same size as ours; the same argon2id
 * parameters (handed over by the runner from RECEIPT_CODE_HASH_OPTIONS, so they cannot drift),
 * hashed on libuv's threadpool like ours; the same AES-256-GCM sealing of contact details; and
 * one transaction with the same statements in the same order: the year's reference counter
 * (held locked to the end, as ours does), the case row, its grounds, the first history entry,
 * the emails in the outbox (acknowledgement, administrators' alerts) and, when the platform
 * counts statistics, the counters.
 *
 * It imports nothing from the platform: a plain process, so what it costs is what the work costs.
 * Configured by the runner through the environment (BASELINE_*, FIELD_ENCRYPTION_*).
 */
import { createCipheriv, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import argon2 from 'argon2';
import { Pool, PoolClient } from 'pg';

interface HashOptions {
  type: 0 | 1 | 2;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

const port = Number(process.env.BASELINE_PORT ?? 3999);
const hashOptions = JSON.parse(process.env.BASELINE_HASH_OPTIONS ?? '') as HashOptions;
const pool = new Pool({
  connectionString: process.env.BASELINE_DATABASE_URL,
  max: Number(process.env.BASELINE_POOL_SIZE ?? 10),
  application_name: 'pmd-bench-baseline',
});
const publicUrl = process.env.BASELINE_PUBLIC_URL ?? 'http://localhost:3000';
/** Upsert the statistics counters too (the runner says so when stat_counters exists). */
const countStatistics = process.env.BASELINE_STATISTICS === '1';
const bodyLimit = 1024 * 1024;

const keys = new Map(
  (process.env.FIELD_ENCRYPTION_KEYS ?? '').split(',').map((entry) => {
    const [id, material] = entry.split(':');
    return [id, Buffer.from(material, 'base64')] as const;
  }),
);
const activeKeyId = process.env.FIELD_ENCRYPTION_ACTIVE_KEY_ID ?? '';
const activeKey = keys.get(activeKeyId) as Buffer;

/** The same format as FieldCipher: v1.<keyId>.<iv>.<tag>.<ciphertext>, the row id as AAD. */
function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', activeKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    activeKeyId,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

const kosovoDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Belgrade',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function receiptCode(): string {
  const half = () => String(randomInt(0, 100_000_000)).padStart(8, '0');
  return `${half()}${half()}`;
}

function reference(year: number, seq: number): string {
  return `PMD-${year}-${seq < 100000 ? String(seq).padStart(5, '0') : seq}`;
}

const known = new Map<string, Set<string>>();
let dummyHash: Promise<string> | undefined;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimit) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status < 400 ? 'application/json' : 'application/problem+json',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}

type Json = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The few checks no intake can skip: types, known codes, lengths, dates, contact rules. */
function invalidFields(b: Json, today: string): string[] {
  const bad: string[] = [];
  const code = (field: string, kind: string, optional = false) => {
    const value = b[field];
    if (value === undefined && optional) return;
    if (!isString(value) || !known.get(kind)?.has(value)) bad.push(field);
  };
  code('community', 'community');
  code('primaryArea', 'area');
  code('municipality', 'municipality');
  code('perpetratorKind', 'perpetrator_kind');
  code('reporterRole', 'reporter_role');
  code('gender', 'gender', true);
  code('ageGroup', 'age_group', true);
  const grounds = b.grounds;
  if (
    !Array.isArray(grounds) ||
    grounds.length < 1 ||
    grounds.length > 8 ||
    new Set(grounds).size !== grounds.length ||
    !grounds.every((g) => isString(g) && known.get('ground')?.has(g))
  ) {
    bad.push('grounds');
  }
  const date = b.incidentDate;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date > today) {
    bad.push('incidentDate');
  }
  const description = typeof b.description === 'string' ? b.description.trim() : undefined;
  const length = description === undefined ? 0 : [...description].length;
  if (length < 20 || length > 10_000) bad.push('description');
  if (typeof b.anonymous !== 'boolean') bad.push('anonymous');
  const contact = b.contact as Json | undefined;
  if (b.anonymous === true && (contact !== undefined || b.consentToContact === true)) {
    bad.push('contact');
  }
  if (b.anonymous === false && !(contact && (contact.name || contact.email || contact.phone))) {
    bad.push('contact');
  }
  if (contact?.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(contact.email))) {
    bad.push('contact.email');
  }
  return bad;
}

async function intake(res: ServerResponse, b: Json): Promise<void> {
  const now = new Date();
  const today = kosovoDateFormat.format(now);
  const bad = invalidFields(b, today);
  if (bad.length > 0) return send(res, 400, { status: 400, errors: bad });

  const code = receiptCode();
  // Before the transaction, as ours: the counter lock is held only for the statements.
  const codeHash = await argon2.hash(code, hashOptions);
  const id = randomUUID();
  const year = Number(today.slice(0, 4));
  const contact = b.anonymous ? undefined : (b.contact as Json | undefined);
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const name = text(contact?.name);
  const email = text(contact?.email);
  const phone = text(contact?.phone);
  const consentContact = !b.anonymous && b.consentToContact === true;
  const locale = typeof b.preferredLanguage === 'string' ? b.preferredLanguage : 'sq';
  const grounds = b.grounds as string[];
  const helper = b.helper as { kind: string; name: string } | undefined;

  const client = await pool.connect();
  let ref: string;
  try {
    await client.query('BEGIN');
    const counter = await client.query<{ last_seq: number }>(
      `INSERT INTO case_reference_counters (year, last_seq) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = case_reference_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    );
    const seq = counter.rows[0].last_seq;
    ref = reference(year, seq);
    await client.query(
      `INSERT INTO cases (id, reference, year, seq, status, version, submitted_at, community,
         primary_area, municipality, perpetrator_kind, reporter_role, gender, age_group,
         incident_date, description, preferred_locale, anonymous, contact_name_enc,
         contact_email_enc, contact_phone_enc, consent_contact, consent_share_identity,
         filed_with_help, helper_kind, helper_name_enc, receipt_code_hash, personal_data_erased_at)
       VALUES ($1, $2, $3, $4, 'submitted', 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
         $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, NULL)`,
      [
        id,
        ref,
        year,
        seq,
        now,
        b.community,
        b.primaryArea,
        b.municipality,
        b.perpetratorKind,
        b.reporterRole,
        b.gender ?? null,
        b.ageGroup ?? null,
        b.incidentDate,
        (b.description as string).trim(),
        locale,
        b.anonymous,
        name && seal(name, id),
        email && seal(email, id),
        phone && seal(phone, id),
        consentContact,
        !b.anonymous && b.consentToShareIdentity === true,
        helper !== undefined,
        helper?.kind ?? null,
        helper ? seal(helper.name, id) : null,
        codeHash,
      ],
    );
    await client.query(`INSERT INTO case_grounds (case_id, ground) SELECT $1, unnest($2::text[])`, [
      id,
      grounds,
    ]);
    await client.query(
      `INSERT INTO case_history (case_id, at, actor_kind, actor_id, from_status, to_status, reason, public)
       VALUES ($1, $2, 'reporter', NULL, NULL, 'submitted', NULL, true)`,
      [id, now],
    );
    // The acknowledgement to the reporter and an alert to every active administrator.
    const admins = await client.query<{ email: string; locale: string }>(
      `SELECT email, locale FROM staff_users
       WHERE role = 'administrator' AND active AND password_hash IS NOT NULL ORDER BY name, id`,
    );
    const mails: [string, string, string, string][] = admins.rows.map((a) => [
      'case_submitted_staff',
      a.locale,
      'staff',
      a.email,
    ]);
    if (email && consentContact) mails.push(['case_received', locale, 'reporter', email]);
    if (mails.length > 0) {
      const ids = mails.map(() => randomUUID());
      const staffParams = JSON.stringify({
        reference: ref,
        caseUrl: new URL(`/staff/cases/${id}`, publicUrl).href,
      });
      const reporterParams = JSON.stringify({
        reference: ref,
        followUpUrl: new URL('/follow-up', publicUrl).href,
      });
      await client.query(
        `INSERT INTO notification_outbox (id, template, locale, recipient_kind, recipient_encrypted, params, case_id, status)
         SELECT i, t, l, k, r, p::jsonb, $6, 'pending'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $7::text[]) AS m(i, t, l, k, r, p)`,
        [
          ids,
          mails.map((m) => m[0]),
          mails.map((m) => m[1]),
          mails.map((m) => m[2]),
          mails.map((m, i) => seal(m[3], ids[i])),
          id,
          mails.map((m) => (m[2] === 'staff' ? staffParams : reporterParams)),
        ],
      );
    }
    if (countStatistics) await countCase(client, year, b, grounds);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  send(res, 201, {
    id,
    reference: ref,
    status: 'submitted',
    receiptCode: code,
    submittedAt: now.toISOString(),
    evidenceCount: 0,
  });
}

/**
 * The statistics counters of a new case, as libs/statistics keeps them (stat_counters): reported
 * once in total, per breakdown and per ground, and `submitted` as its current status, in each of
 * the eight scopes (its community, area and municipality, or any). One upsert, in key order.
 */
async function countCase(client: PoolClient, year: number, b: Json, grounds: string[]) {
  const keys: [string, string, string][] = [
    ['total', 'all', 'reported'],
    ['community', b.community as string, 'reported'],
    ['area', b.primaryArea as string, 'reported'],
    ['municipality', b.municipality as string, 'reported'],
    ['gender', (b.gender as string | undefined) ?? 'not_stated', 'reported'],
    ['age_group', (b.ageGroup as string | undefined) ?? 'not_stated', 'reported'],
    ['reporter_role', b.reporterRole as string, 'reported'],
    ['perpetrator_kind', b.perpetratorKind as string, 'reported'],
    ...grounds.map((g): [string, string, string] => ['ground', g, 'reported']),
    ['status', 'submitted', 'current'],
  ];
  const rows: string[][] = [];
  for (const community of [b.community as string, '*'])
    for (const area of [b.primaryArea as string, '*'])
      for (const municipality of [b.municipality as string, '*'])
        for (const key of keys) rows.push([`${community}|${area}|${municipality}`, ...key]);
  rows.sort((x, y) => (x.join('\u0000') < y.join('\u0000') ? -1 : 1));
  await client.query(
    `INSERT INTO stat_counters (scope, year, dimension, key, metric, value)
     SELECT s, $1, d, k, m, 1 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(s, d, k, m)
     ON CONFLICT (scope, year, dimension, key, metric)
     DO UPDATE SET value = stat_counters.value + EXCLUDED.value`,
    [
      year,
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      rows.map((r) => r[3]),
    ],
  );
}

async function followUp(res: ServerResponse, b: Json): Promise<void> {
  const ref = typeof b.reference === 'string' ? b.reference.trim().toUpperCase() : '';
  const code = typeof b.receiptCode === 'string' ? b.receiptCode.replace(/[\s-]/g, '') : '';
  if (!/^PMD-\d{4}-\d{5,}$/.test(ref) || !/^\d{16}$/.test(code)) {
    return send(res, 400, { status: 400 });
  }
  // The client's attempt is taken before the hash, counted per (reference, client).
  const taken = await pool.query<{ attempts: number; locked_until: Date | null }>(
    `INSERT INTO follow_up_client_attempts AS a (reference, client_key, attempts, locked_until, last_attempt_at)
     VALUES ($1, $2, 1, NULL, now())
     ON CONFLICT (reference, client_key) DO UPDATE SET attempts = a.attempts + 1, last_attempt_at = now()
     RETURNING attempts, locked_until`,
    [ref, 'baseline'],
  );
  const attempt = taken.rows[0];
  if ((attempt.locked_until && attempt.locked_until > new Date()) || attempt.attempts > 5) {
    return send(res, 429, { status: 429 });
  }
  const found = await pool.query<{
    id: string;
    status: string;
    submitted_at: Date;
    receipt_code_hash: string;
  }>(`SELECT id, status, submitted_at, receipt_code_hash FROM cases WHERE reference = $1`, [ref]);
  const row = found.rows[0];
  // The same work for an unknown reference, so timing tells nothing.
  dummyHash ??= argon2.hash(receiptCode(), hashOptions);
  const right = await argon2
    .verify(row ? row.receipt_code_hash : await dummyHash, code)
    .catch(() => false);
  if (!row || !right) {
    await pool.query(
      `INSERT INTO follow_up_reference_attempts AS r
         (reference, window_started_at, failures, next_attempt_at, attacked_at, total_failures)
       VALUES ($1, now(), 1, NULL, NULL, 1)
       ON CONFLICT (reference) DO UPDATE
       SET failures = r.failures + 1, total_failures = r.total_failures + 1`,
      [ref],
    );
    return send(res, 404, { status: 404 });
  }
  await pool.query(
    `DELETE FROM follow_up_client_attempts WHERE reference = $1 AND client_key = $2`,
    [ref, 'baseline'],
  );
  const timeline = await pool.query<{ at: Date; to_status: string }>(
    `SELECT at, to_status FROM case_history WHERE case_id = $1 AND public ORDER BY at, id`,
    [row.id],
  );
  send(res, 200, {
    reference: ref,
    status: row.status,
    submittedAt: row.submitted_at.toISOString(),
    timeline: timeline.rows.map((t) => ({ at: t.at.toISOString(), status: t.to_status })),
  });
}

const server = createServer((req, res) => {
  const route = `${req.method} ${req.url}`;
  const handle = async () => {
    if (route === 'GET /health/ready') {
      await pool.query('SELECT 1');
      return send(res, 200, { status: 'ok' });
    }
    if (route !== 'POST /api/v1/cases' && route !== 'POST /api/v1/follow-up') {
      return send(res, 404, { status: 404 });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { status: 400 });
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return send(res, 400, { status: 400 });
    }
    return route === 'POST /api/v1/cases' ? intake(res, body as Json) : followUp(res, body as Json);
  };
  handle().catch((error: unknown) => {
    process.stderr.write(`baseline: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!res.headersSent) send(res, 500, { status: 500 });
  });
});
server.keepAliveTimeout = 72_000;

async function main(): Promise<void> {
  const codes = await pool.query<{ kind: string; code: string }>(
    `SELECT kind, code FROM taxonomy_items WHERE active`,
  );
  for (const { kind, code } of codes.rows) {
    if (!known.has(kind)) known.set(kind, new Set());
    known.get(kind)?.add(code);
  }
  server.listen(port, '127.0.0.1');
}

process.on('SIGTERM', () => {
  // Requests still running finish first; then the pool closes and the process ends.
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeIdleConnections();
});

void main();
