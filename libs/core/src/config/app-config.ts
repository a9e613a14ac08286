import { isIP } from 'node:net';
import { ConfigError } from './config-error';
import {
  EnvSource,
  InvalidValue,
  SectionSpec,
  SectionValues,
  VariableSpec,
  env,
} from './env-schema';

/** Fastify's `trustProxy`: nothing, the nearest hops, or these proxy addresses. */
export type TrustProxy = false | number | string[];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Parses `id:base64key,id:base64key`; every key must be 32 bytes (AES-256). */
function parseEncryptionKeys(raw: string): ReadonlyMap<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id, material] = entry.split(':');
    if (!id || !material || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new InvalidValue('must be a list of id:base64key entries separated by commas');
    }
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) {
      throw new InvalidValue(`key "${id}" must decode from base64 to exactly 32 bytes`);
    }
    if (keys.has(id)) throw new InvalidValue(`key id "${id}" appears twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new InvalidValue('must hold at least one key');
  return keys;
}

/**
 * `false`, a hop count (1-10) or a comma list of proxy addresses/CIDRs, in Fastify's
 * `trustProxy` forms. `true` (or a range holding every address) would believe any
 * X-Forwarded-For a client writes, forging every per-address limit and audit address; it is
 * refused in every mode, so a setting that works locally works the same in production.
 */
function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  if (/^(false|0|no)$/i.test(value)) return false;
  if (/^(true|yes)$/i.test(value)) {
    throw new InvalidValue(
      'must be false, a hop count or proxy addresses, not true (that trusts any X-Forwarded-For)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new InvalidValue('must be a hop count from 1 to 10');
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      throw new InvalidValue(
        `must be false, a hop count or a comma list of proxy addresses/CIDRs ("${entry}" is none)`,
      );
    }
  }
  return entries;
}

function isProxyAddress(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  // A /0 holds every address: the same as trusting any hop.
  return bits >= 1 && bits <= (version === 4 ? 32 : 128);
}

// Development-only values. They are public (they are in the repository), so production
// refuses to start without real ones.
const DEV_SESSION_SECRET = 'development-only-session-secret-not-for-production-use';
const DEV_ENCRYPTION_KEYS = 'dev1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=';

export const CONFIG_SCHEMA = {
  app: {
    nodeEnv: env.oneOf('NODE_ENV', 'Run mode', NODE_ENVS, { default: 'development' }),
    host: env.string('HOST', 'Interface the HTTP server listens on', { default: '0.0.0.0' }),
    port: env.int('PORT', 'HTTP port', { default: '3000', min: 1, max: 65535 }),
    publicUrl: env.url(
      'PUBLIC_URL',
      'Public base URL used in links (emails, response links)',
      ['http:', 'https:'],
      {
        default: 'http://localhost:3000',
      },
    ),
    logLevel: env.oneOf(
      'LOG_LEVEL',
      'Minimum log level',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      { default: 'info' },
    ),
    bodyLimitBytes: env.int('BODY_LIMIT_BYTES', 'Largest accepted JSON or form body, in bytes', {
      default: '1048576',
      min: 1024,
    }),
    trustProxy: env.custom(
      'TRUST_PROXY',
      'Which proxies X-Forwarded-For is believed from: false, a hop count, or proxy addresses/CIDRs',
      parseTrustProxy,
      { default: 'false' },
    ),
    shutdownTimeoutMs: env.int(
      'SHUTDOWN_TIMEOUT_MS',
      'Time allowed for in-flight requests on shutdown; then remaining connections are closed',
      {
        default: '10000',
        min: 0,
      },
    ),
    requestTimeoutMs: env.int(
      'REQUEST_TIMEOUT_MS',
      'Longest time to receive a whole request, body included (uploads on slow connections)',
      { default: '300000', min: 1000 },
    ),
    bodyIdleTimeoutMs: env.int(
      'BODY_IDLE_TIMEOUT_MS',
      'Longest pause while a request body arrives; a stalled upload is refused and its files deleted',
      { default: '30000', min: 500 },
    ),
  },
  database: {
    url: env.url('DATABASE_URL', 'PostgreSQL connection URL', ['postgres:', 'postgresql:'], {
      default: 'postgres://postgres@127.0.0.1:5432/pmd',
    }),
    poolSize: env.int('DATABASE_POOL_SIZE', 'Connections per process', {
      default: '10',
      min: 1,
      max: 200,
    }),
    statementTimeoutMs: env.int(
      'DATABASE_STATEMENT_TIMEOUT_MS',
      'Longest statement before it is cancelled',
      {
        default: '15000',
        min: 100,
      },
    ),
  },
  redis: {
    url: env.url('REDIS_URL', 'Redis connection URL (queues, rate limits)', ['redis:', 'rediss:'], {
      default: 'redis://127.0.0.1:6379',
    }),
    keyPrefix: env.custom(
      'REDIS_KEY_PREFIX',
      'Prefix of every Redis key and queue of this installation',
      (raw) => {
        if (!/^[A-Za-z0-9_-]{1,40}$/.test(raw))
          throw new InvalidValue('must be 1-40 letters, digits, _ or -');
        return raw;
      },
      { default: 'pmd' },
    ),
  },
  security: {
    sessionSecret: env.string('SESSION_SECRET', 'Secret for signing session and CSRF cookies', {
      secret: true,
      developmentDefault: DEV_SESSION_SECRET,
      minLength: 32,
    }),
    encryptionKeys: env.custom(
      'FIELD_ENCRYPTION_KEYS',
      'AES-256-GCM keys for contact details, as id:base64key[,id:base64key] (old keys stay for reading)',
      parseEncryptionKeys,
      { secret: true, developmentDefault: DEV_ENCRYPTION_KEYS },
    ),
    activeEncryptionKeyId: env.string(
      'FIELD_ENCRYPTION_ACTIVE_KEY_ID',
      'Id of the key used to encrypt new values (must be in FIELD_ENCRYPTION_KEYS)',
      { secret: true, developmentDefault: 'dev1' },
    ),
  },
  mail: {
    smtpUrl: env.url('SMTP_URL', 'SMTP server for outgoing mail', ['smtp:', 'smtps:'], {
      default: 'smtp://127.0.0.1:1025',
    }),
    from: env.string('MAIL_FROM', 'Sender address of every email', {
      default: 'Platforma PMD <no-reply@pmd.localhost>',
    }),
  },
  notifications: {
    concurrency: env.int('MAIL_CONCURRENCY', 'Emails one worker process sends at once', {
      default: '8',
      min: 1,
      max: 100,
    }),
    attempts: env.int('MAIL_ATTEMPTS', 'Attempts per email before it is dead-lettered', {
      default: '8',
      min: 1,
      max: 30,
    }),
    backoffMs: env.int(
      'MAIL_BACKOFF_MS',
      'Delay before the first retry of an email, doubled at each further attempt',
      { default: '30000', min: 10 },
    ),
    poolSize: env.int('MAIL_POOL_SIZE', 'SMTP connections per worker process', {
      default: '5',
      min: 1,
      max: 50,
    }),
    sendLeaseMs: env.int(
      'MAIL_SEND_LEASE_MS',
      'How long an unfinished send blocks another attempt of the same email (longer than any SMTP timeout)',
      { default: '120000', min: 1000 },
    ),
    jobLockMs: env.int(
      'MAIL_JOB_LOCK_MS',
      'Lock of a running job; a job of a crashed worker runs again after about this time',
      { default: '30000', min: 1000 },
    ),
    outboxPollMs: env.int('OUTBOX_POLL_MS', 'Outbox polling interval when no NOTIFY arrives', {
      default: '1000',
      min: 50,
    }),
    outboxBatchSize: env.int('OUTBOX_BATCH_SIZE', 'Outbox rows the relay claims at once', {
      default: '200',
      min: 1,
      max: 5000,
    }),
    outboxRequeueAfterMs: env.int(
      'OUTBOX_REQUEUE_AFTER_MS',
      'Age after which a queued email whose job is gone from Redis is queued again',
      { default: '300000', min: 1000 },
    ),
    outboxSweepMs: env.int(
      'OUTBOX_SWEEP_MS',
      'Interval of the check for queued emails whose job is gone',
      { default: '60000', min: 500 },
    ),
    overdueCheckCron: env.custom(
      'REFERRAL_OVERDUE_CRON',
      'When the daily check for overdue referral responses runs (cron, Kosovo time)',
      (raw) => {
        if (!/^\S+( \S+){4,5}$/.test(raw.trim()))
          throw new InvalidValue('must be a cron pattern of 5 or 6 fields');
        return raw.trim();
      },
      { default: '0 7 * * *' },
    ),
    catcherSmtpPort: env.int(
      'MAIL_CATCHER_SMTP_PORT',
      'SMTP port of the local mail catcher (never in production)',
      { default: '1025', min: 1, max: 65535 },
    ),
    catcherHttpPort: env.int(
      'MAIL_CATCHER_HTTP_PORT',
      'Web page of the local mail catcher (never in production)',
      { default: '1080', min: 1, max: 65535 },
    ),
  },
  storage: {
    uploadDir: env.string('UPLOAD_DIR', 'Folder for evidence files, outside the web root', {
      default: './var/uploads',
    }),
  },
  identity: {
    loginMaxAttempts: env.int(
      'LOGIN_MAX_ATTEMPTS',
      'Wrong passwords or codes in a row before a staff account is locked',
      { default: '5', min: 1, max: 100 },
    ),
    loginLockMinutes: env.int(
      'LOGIN_LOCK_MINUTES',
      'How long a locked staff account stays locked',
      {
        default: '15',
        min: 1,
        max: 1440,
      },
    ),
    sessionIdleMinutes: env.int(
      'SESSION_IDLE_MINUTES',
      'A staff session ends after this many minutes without a request',
      { default: '30', min: 1, max: 1440 },
    ),
    sessionAbsoluteHours: env.int(
      'SESSION_ABSOLUTE_HOURS',
      'A staff session ends this many hours after sign-in, however active',
      { default: '12', min: 1, max: 168 },
    ),
    invitationTtlHours: env.int(
      'INVITATION_TTL_HOURS',
      'Validity of a staff invitation link, in hours',
      { default: '72', min: 1, max: 720 },
    ),
    passwordResetTtlMinutes: env.int(
      'PASSWORD_RESET_TTL_MINUTES',
      'Validity of a password reset link, in minutes',
      { default: '60', min: 5, max: 1440 },
    ),
    loginRateLimit: env.int(
      'LOGIN_RATE_LIMIT',
      'Staff sign-in attempts (password or code) one client address may make per window (an office may share one address)',
      { default: '100', min: 1 },
    ),
    loginRateWindowSeconds: env.int(
      'LOGIN_RATE_WINDOW_SECONDS',
      'Window of the staff sign-in rate limit, in seconds',
      { default: '900', min: 1 },
    ),
  },
  cases: {
    evidenceMaxFiles: env.int('EVIDENCE_MAX_FILES', 'Evidence files a case may hold', {
      default: '5',
      min: 1,
      max: 50,
    }),
    evidenceMaxFileBytes: env.int('EVIDENCE_MAX_FILE_BYTES', 'Largest evidence file, in bytes', {
      default: '10485760',
      min: 1024,
    }),
    evidenceMaxTotalBytes: env.int(
      'EVIDENCE_MAX_TOTAL_BYTES',
      'Largest total size of the evidence files of one case, in bytes',
      { default: '26214400', min: 1024 },
    ),
    intakeRateLimit: env.int('INTAKE_RATE_LIMIT', 'Reports one client may submit per window', {
      default: '20',
      min: 1,
    }),
    intakeRateWindowSeconds: env.int(
      'INTAKE_RATE_WINDOW_SECONDS',
      'Window of the intake rate limit, in seconds',
      { default: '3600', min: 1 },
    ),
    followUpRateLimit: env.int(
      'FOLLOW_UP_RATE_LIMIT',
      'Follow-up sign-ins (reference + receipt code) one client may try per window',
      { default: '30', min: 1 },
    ),
    followUpRateWindowSeconds: env.int(
      'FOLLOW_UP_RATE_WINDOW_SECONDS',
      'Window of the follow-up rate limit, in seconds',
      { default: '900', min: 1 },
    ),
    followUpMaxAttempts: env.int(
      'FOLLOW_UP_MAX_ATTEMPTS',
      'Wrong receipt codes in a row from one client that lock that client out of a case reference',
      { default: '5', min: 1, max: 100 },
    ),
    followUpLockMinutes: env.int(
      'FOLLOW_UP_LOCK_MINUTES',
      'How long a client stays locked out of a case reference after too many wrong codes, in minutes; also the window of FOLLOW_UP_REFERENCE_FAILURES',
      { default: '15', min: 1 },
    ),
    followUpReferenceFailures: env.int(
      'FOLLOW_UP_REFERENCE_FAILURES',
      'Wrong receipt codes for one case reference from all clients within FOLLOW_UP_LOCK_MINUTES after which the reference counts as under attack: staff see it, and clients that already failed on it wait a growing delay',
      { default: '20', min: 2, max: 10000 },
    ),
    followUpBackoffMaxSeconds: env.int(
      'FOLLOW_UP_BACKOFF_MAX_SECONDS',
      'Longest delay between attempts on a case reference under attack, for clients that already failed on it, in seconds',
      { default: '60', min: 1, max: 3600 },
    ),
    followUpSessionIdleMinutes: env.int(
      'FOLLOW_UP_SESSION_IDLE_MINUTES',
      'A reporter stays signed in to the follow-up pages this long without activity, in minutes',
      { default: '30', min: 1, max: 1440 },
    ),
    followUpSessionAbsoluteHours: env.int(
      'FOLLOW_UP_SESSION_ABSOLUTE_HOURS',
      'A follow-up session ends this many hours after sign-in with the receipt code, however active',
      { default: '2', min: 1, max: 24 },
    ),
    referralLinkGraceDays: env.int(
      'REFERRAL_LINK_GRACE_DAYS',
      "An institution's referral response link works this many days after the response due date",
      { default: '30', min: 0, max: 365 },
    ),
  },
  meetings: {
    quorum: env.int(
      'MEETING_QUORUM',
      'Members present and not recused that a Technical Group decision needs; 0 means a majority of the active members',
      { default: '0', min: 0, max: 100 },
    ),
  },
  statistics: {
    publicThreshold: env.int(
      'STATISTICS_PUBLIC_THRESHOLD',
      'In public statistics, a cross-tabulated count above zero and below this shows as "<N" (totals stay exact)',
      { default: '3', min: 1, max: 100 },
    ),
  },
  privacy: {
    retentionDaysAfterClosure: env.int(
      'RETENTION_DAYS_AFTER_CLOSURE',
      'Days after a case reached its final status before its personal data is erased',
      { default: '730', min: 1, max: 36500 },
    ),
    retentionCron: env.custom(
      'RETENTION_CRON',
      'When the daily erasure of expired personal data runs (cron, Kosovo time)',
      (raw) => {
        if (!/^\S+( \S+){4,5}$/.test(raw.trim()))
          throw new InvalidValue('must be a cron pattern of 5 or 6 fields');
        return raw.trim();
      },
      { default: '30 2 * * *' },
    ),
  },
  documents: {
    pdfWorkers: env.int(
      'PDF_WORKERS',
      'Worker threads that draw PDFs (agenda, minutes), each one document at a time',
      { default: '1', min: 1, max: 16 },
    ),
    pdfTimeoutMs: env.int(
      'PDF_TIMEOUT_MS',
      'Longest wait for one PDF, queue included; a document that overruns is refused with 503',
      { default: '20000', min: 1000, max: 300000 },
    ),
    pdfWorkerMemoryMb: env.int(
      'PDF_WORKER_MEMORY_MB',
      'Heap limit of a PDF worker thread, in MiB; a document that needs more is refused with 503',
      { default: '256', min: 64, max: 4096 },
    ),
  },
} as const satisfies Record<string, SectionSpec>;

export type AppConfig = {
  [S in keyof typeof CONFIG_SCHEMA]: SectionValues<(typeof CONFIG_SCHEMA)[S]>;
};

export function allVariables(): VariableSpec<unknown>[] {
  return Object.values(CONFIG_SCHEMA).flatMap((section) => Object.values(section as SectionSpec));
}

/**
 * Reads and validates every variable at once, so one refusal names every problem.
 * Values of secrets never appear in the message.
 */
export function loadConfig(source: EnvSource = process.env): AppConfig {
  const problems: string[] = [];
  const rawMode = source.NODE_ENV ?? 'development';
  const production = rawMode === 'production';
  const result: Record<string, Record<string, unknown>> = {};

  for (const [sectionName, section] of Object.entries(CONFIG_SCHEMA)) {
    const values: Record<string, unknown> = {};
    for (const [key, variable] of Object.entries(section as SectionSpec)) {
      const given = source[variable.name];
      let raw = given === undefined || given === '' ? variable.defaultValue : given;
      if (raw === undefined && variable.secret && !production) raw = variable.developmentDefault;
      if (raw === undefined) {
        problems.push(
          `${variable.name} is required${variable.secret ? ' in production (a secret has no default)' : ''}`,
        );
        continue;
      }
      try {
        values[key] = variable.parse(raw);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const shown = variable.secret
          ? ''
          : ` (got "${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}")`;
        problems.push(`${variable.name} ${reason}${shown}`);
      }
    }
    result[sectionName] = values;
  }

  const config = result as AppConfig;
  if (problems.length === 0) {
    const keys = config.security.encryptionKeys;
    if (!keys.has(config.security.activeEncryptionKeyId)) {
      problems.push(
        'FIELD_ENCRYPTION_ACTIVE_KEY_ID must name a key listed in FIELD_ENCRYPTION_KEYS',
      );
    }
    if (production && config.security.sessionSecret === DEV_SESSION_SECRET) {
      problems.push('SESSION_SECRET must not be the development value in production');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
