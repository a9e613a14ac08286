import { isIP } from 'node:net';
import { SectionSpec, env, InvalidValue } from '../env-schema';

/** Fastify's `trustProxy`: nothing, the nearest hops, or these proxy addresses. */
export type TrustProxy = false | number | string[];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

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

export const appSection = {
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
  quickExitUrl: env.url(
    'QUICK_EXIT_URL',
    'Neutral site the "Leave this site quickly" link of every public page opens',
    ['https:', 'http:'],
    { default: 'https://www.google.com/' },
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
} as const satisfies SectionSpec;
