import { HttpException } from '@nestjs/common';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from './domain-error';

/** What an error means for the caller: the status and code of the problem to answer. */
export interface Classified {
  status: number;
  code: string;
  params: Record<string, string | number>;
  /** True for bugs and outages; they are logged with their stack. */
  unexpected: boolean;
  retryAfterSeconds?: number;
  /** PostgreSQL refused a value the caller sent: an input rule is missing (logged as a warning). */
  refusedByDatabase?: boolean;
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_PARTS_LIMIT: { status: 413, code: 'body_too_large' },
  FST_FILES_LIMIT: { status: 413, code: 'body_too_large' },
  FST_FIELDS_LIMIT: { status: 413, code: 'body_too_large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_CSRF_INVALID_TOKEN: { status: 403, code: 'csrf_invalid' },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'csrf_invalid' },
};

/**
 * PostgreSQL refuses text it cannot store (a NUL character, 22021; a character without a
 * mapping, 22P05). Validators let such text through (it is a valid JavaScript string), so the
 * database is the net: the transaction fails, nothing is stored, and the caller hears why.
 */
const UNSTORABLE_TEXT_PG = new Set(['22021', '22P05']);

/**
 * PostgreSQL refusing a value the caller sent: text that is not a uuid or a date (22P02,
 * 22007, 22008), a number or text out of range (22003, 22001), an offset or limit out of range
 * (2201X, 2201W), a statement made too complex (54001). Input rules at the edge (DTOs, pipes)
 * must refuse these first; this net keeps a missing rule from becoming a 500, and the filter
 * logs a warning naming the route so the rule gets written.
 */
const INPUT_REFUSED_PG = new Set([
  '22P02',
  '22003',
  '22001',
  '22007',
  '22008',
  '2201W',
  '2201X',
  '54001',
]);

/** PostgreSQL SQLSTATE classes that mean the database is away or the work must be retried. */
const TRANSIENT_PG = /^(08|57P|53|40001|40P01)/;
const TRANSIENT_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const record = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = record.driverError?.code ?? record.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * PostgreSQL could not serialize the transaction (SQLSTATE 40001): under REPEATABLE READ a
 * concurrent transaction committed a row this one must not overlook. The caller decides what
 * that means (often: someone else did the same thing first).
 */
export function isSerializationFailure(error: unknown): boolean {
  return errorCode(error) === '40001';
}

export function isTransientInfrastructureError(error: unknown): boolean {
  // When PostgreSQL cuts a connection in a transaction, TypeORM releases the transaction's query
  // runner at once; the transaction's next statement (or its COMMIT) then fails with these,
  // not with the driver's connection error (seen with `pg_ctl restart` under load).
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const code = errorCode(error);
  if (code && (TRANSIENT_PG.test(code) || TRANSIENT_NET.has(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i.test(
    message,
  );
}

export function classifyError(error: unknown): Classified {
  if (error instanceof DomainError) {
    const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    return {
      status: error.status,
      code: error.code,
      params: error.params,
      unexpected: error.status >= 500,
      retryAfterSeconds: retry,
    };
  }
  const code = errorCode(error);
  if (code && UNSTORABLE_TEXT_PG.has(code)) {
    return { status: 400, code: 'unsupported_characters', params: {}, unexpected: false };
  }
  if (code && INPUT_REFUSED_PG.has(code)) {
    return {
      status: 400,
      code: 'invalid_value',
      params: {},
      unexpected: false,
      refusedByDatabase: true,
    };
  }
  if (code && FASTIFY_CODES[code]) {
    const known = FASTIFY_CODES[code];
    return { ...known, params: {}, unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest wraps Fastify's body-parser errors in a bare HttpException (the code is lost).
    if (status === 400 && /JSON/i.test(error.message)) {
      return { status, code: 'malformed_body', params: {}, unexpected: false };
    }
    const byStatus: Record<number, string> = {
      400: 'bad_request',
      404: 'route_not_found',
      405: 'method_not_allowed',
      413: 'body_too_large',
      415: 'unsupported_media_type',
      429: 'rate_limited',
      503: 'service_unavailable',
    };
    return {
      status,
      code: byStatus[status] ?? (status >= 500 ? 'internal' : 'bad_request'),
      params: {},
      unexpected: status >= 500,
    };
  }
  if (isTransientInfrastructureError(error)) {
    return {
      status: 503,
      code: 'service_unavailable',
      params: {},
      unexpected: true,
      retryAfterSeconds: 5,
    };
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (error instanceof SyntaxError)
      return { status: 400, code: 'malformed_body', params: {}, unexpected: false };
    return {
      status,
      code: status === 413 ? 'body_too_large' : 'bad_request',
      params: {},
      unexpected: false,
    };
  }
  return { status: 500, code: 'internal', params: {}, unexpected: true };
}
