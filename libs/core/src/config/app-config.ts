import { ConfigError } from './config-error';
import {
  EnvSource,
  InvalidValue,
  SectionSpec,
  SectionValues,
  VariableSpec,
  env,
} from './env-schema';

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
    trustProxy: env.bool('TRUST_PROXY', 'Trust X-Forwarded-* headers (behind a reverse proxy)', {
      default: 'false',
    }),
    shutdownTimeoutMs: env.int(
      'SHUTDOWN_TIMEOUT_MS',
      'Time allowed for in-flight work on shutdown',
      {
        default: '10000',
        min: 0,
      },
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
  storage: {
    uploadDir: env.string('UPLOAD_DIR', 'Folder for evidence files, outside the web root', {
      default: './var/uploads',
    }),
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
