import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { submitReport } from '../cases/case-fixtures';
import type { Route } from './routes';
import { CookieJar, FORM, createStaff, loginAs, visitorCsrf } from './staff';
import type { TestServer } from './test-server';

/**
 * Generated requests for every route the router serves (read from Nest's metadata): odd path
 * parameters, query strings and bodies, for an anonymous visitor, a reporter signed in to their
 * follow-up and a signed-in administrator. Used by the no-5xx fuzz and the attack run.
 */

export const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const LANGUAGES = ['sq', 'sr', 'en', 'rom', 'de', 'sq;q=0.1, *', ''];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes like encodeURIComponent; a lone surrogate (which that refuses) goes out as the
 * three bytes a careless client would send for it (%ED%A0%80 for U+D800), never valid UTF-8.
 */
function encode(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part) => encodeURIComponent(part))
    .reduce((out, part, i) => {
      if (i === 0) return part;
      const unit = (text.match(LONE_SURROGATE) ?? [])[i - 1].charCodeAt(0);
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      return out + bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('') + part;
    }, '');
}

/** Path segments that are not what the route expects, already written as they go on the wire. */
const ODD_SEGMENTS = [
  'not-a-uuid',
  '-'.repeat(36),
  'a'.repeat(36),
  '0'.repeat(32),
  '00000000-0000-0000-0000-00000000000g',
  NIL_UUID.toUpperCase(),
  `{${NIL_UUID}}`,
  `${NIL_UUID}x`,
  `${NIL_UUID}%00`,
  '99999999999999999999',
  '-1',
  '0',
  '1e308',
  'NaN',
  '..',
  '.',
  '%2e%2e',
  '%2F..%2F',
  '%00',
  'a%00b',
  '%',
  '%FF',
  '%C0%AF',
  'x'.repeat(5000),
  '%F0%9F%98%80',
  '%ED%A0%80',
  'PMD-2026-00001',
  'PMD-9999-99999',
  'PMD-2026-99999999999999999999',
  encode('Ђорђе ë ç'),
  'A'.repeat(43),
  'A'.repeat(44),
  '',
];

/** Strings that broke other systems: NUL, halves of surrogate pairs, injections, odd Unicode. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  'abc\u0000def',
  '\ud800',
  'x\udc00y',
  "'; DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '{{ 7*7 }}',
  '../../etc/passwd',
  '\u202eexe.jpg',
  'a'.repeat(70_000),
  '😀'.repeat(200),
  '99999999999999999999',
  '-99999999999999999999',
  '1e400',
  '-0',
  '0x10',
  'NaN',
  'Infinity',
  'null',
  'true',
  '2026-02-30',
  '0001-01-01',
  '275760-09-14',
  '2026-01-01T25:61:61Z',
  NIL_UUID,
  '-'.repeat(36),
  'administrator',
  'technical_group_member',
  'roma',
  'prizren',
  'closed',
  'csv',
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

const oddNumber = fc.oneof(
  fc.constantFrom(
    1e20,
    -1e20,
    2 ** 31,
    2 ** 53,
    -1,
    0,
    0.5,
    1e308,
    -1e-308,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Names of the fields the platform's forms and DTOs read, so generated bodies reach the rules. */
const FIELDS = [
  'name',
  'email',
  'role',
  'locale',
  'institutionCode',
  'password',
  'passwordConfirmation',
  'code',
  'next',
  'reference',
  'receiptCode',
  'body',
  'text',
  'description',
  'community',
  'primaryArea',
  'grounds',
  'municipality',
  'incidentDate',
  'perpetratorKind',
  'reporterRole',
  'anonymous',
  'contact',
  'consentToContact',
  'consentToShareIdentity',
  'preferredLanguage',
  'helper',
  'idempotencyKey',
  'confirm',
  'erase',
  'outcome',
  'to',
  'from',
  'reason',
  'closureReason',
  'assigneeId',
  'expectedVersion',
  'referrals',
  'recommendation',
  'responseDueDate',
  'contactEmail',
  'contactEmailRepeat',
  'contactPointId',
  'oneOffConfirmed',
  'unit',
  'activeFrom',
  'activeTo',
  'summary',
  'scheduledAt',
  'place',
  'onlineLink',
  'caseId',
  'decision',
  'presentMemberIds',
  'year',
  'page',
  'format',
  'cases',
  'meetings',
  '__proto__',
  'constructor',
  'prototype',
  '_csrf',
];

const QUERY_KEYS = [
  'page',
  'pageSize',
  'limit',
  'year',
  'from',
  'to',
  'status',
  'q',
  'lang',
  'order',
  'assignee',
  'area',
  'community',
  'municipality',
  'format',
  'done',
  'published',
  'retried',
  'expired',
  'action',
  'actorId',
  'subjectType',
  'subjectId',
  'next',
  '__proto__',
];

/** A JSON value of the wrong type, size or shape. */
function jsonValue(fields: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      nastyString,
      oddNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fields, tie('value'), { maxKeys: 3 }),
    ),
  })).value;
}

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

interface Body {
  type: string | undefined;
  payload: string | undefined;
}

const NO_BODY: Body = { type: undefined, payload: undefined };

/** JSON nested past the platform's limit, at the top or inside a field. */
function deepJson(fields: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(33, 1_000, 50_000), fc.boolean(), fc.option(fields))
    .map(([depth, arrays, field]) => {
      const deep = arrays ? nested(depth, '[', ']') : nested(depth, '{"a":', '}');
      return field === null ? deep : `{${JSON.stringify(field)}:${deep}}`;
    });
}

function jsonBody(fields: fc.Arbitrary<string>): fc.Arbitrary<Body> {
  const value = jsonValue(fields);
  const text = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fields, value, { maxKeys: 6 }).map(stringify) },
    { weight: 1, arbitrary: value.map(stringify) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fields, fc.constantFrom(10_000, 40_000), nastyString)
        .map(([field, n, item]) =>
          stringify({ [field]: new Array<string>(n).fill(item.slice(0, 8)) }),
        ),
    },
    { weight: 2, arbitrary: deepJson(fields) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        '{"contact":{"__proto__":{"email":"x@y.z"}}}',
        '{"contact":{"constructor":[null]}}',
        '{"description":"\\ud800 alone","body":"nul \\u0000 here"}',
        '',
        '{',
        '[1,2',
        '"\\u12"',
        'null',
        '1e999999',
        '-',
      ),
    },
  );
  return text.map((payload) => ({ type: 'application/json', payload }));
}

function stringify(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** An urlencoded form: field names, repeated keys, bracketed keys, the CSRF token or not. */
function formBody(fields: fc.Arbitrary<string>, csrf: string): fc.Arbitrary<Body> {
  const key = fc.oneof(
    { weight: 6, arbitrary: fields },
    {
      weight: 1,
      arbitrary: fc.constantFrom('contact[email]', 'a[b][c]', 'grounds[]', 'x[__proto__]'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const value = fc.oneof(nastyString, oddNumber.map(String));
  return fc
    .tuple(fc.array(fc.tuple(key, value), { maxLength: 8 }), fc.boolean())
    .map(([pairs, withCsrf]) => {
      const all = withCsrf ? [...pairs, ['_csrf', csrf] as [string, string]] : pairs;
      return {
        type: FORM,
        payload: all.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'),
      };
    });
}

function requestBody(fields: fc.Arbitrary<string>, csrf: string): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 5, arbitrary: jsonBody(fields) },
    { weight: 4, arbitrary: formBody(fields, csrf) },
    { weight: 1, arbitrary: fc.constant(NO_BODY) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { type: 'text/plain', payload: 'hello' },
        { type: 'application/xml', payload: '<a/>' },
        { type: 'application/json; charset=latin1', payload: '{}' },
        { type: FORM, payload: '%%%&&&==' },
      ),
    },
  );
}

const queryValue = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '99999999999999999999',
      '-99999999999999999999',
      '-1',
      '0',
      '1.5',
      '1e400',
      '',
      'NaN',
      'all',
      '2026',
      '0001',
      '275760',
      'en',
      'oldest',
      'me',
      'none',
    ),
  },
  { weight: 1, arbitrary: nastyString },
);

/** A query string: plain pairs, repeated keys (arrays), bracketed keys (objects), bare keys. */
function queryString(keys: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const pair = (k: string, v: string) => `${encode(k)}=${encode(v)}`;
  return fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.tuple(keys, queryValue).map(([k, v]) => pair(k, v)) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(keys, queryValue, queryValue)
            .map(([k, a, b]) => `${pair(k, a)}&${pair(k, b)}`),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(keys, fc.constantFrom('b', '', '__proto__', '0'), queryValue)
            .map(([k, sub, v]) => `${k}[${sub}]=${encode(v)}`),
        },
        { weight: 1, arbitrary: fc.constantFrom('page', 'year&year', '=', '&&', '%', 'lang=%FF') },
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((parts) => parts.join('&'));
}

/**
 * The names of the fields of the DTO a handler takes as its body or query (from Nest's and
 * class-validator's metadata); empty for handlers that read a form themselves.
 */
function dtoFields(route: Route, kind: RouteParamtypes.BODY | RouteParamtypes.QUERY): string[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.methodName) ??
    {}) as Record<string, { index: number; data?: unknown }>;
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    route.controller.prototype as object,
    route.methodName,
  ) ?? []) as unknown[];
  const names = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== kind || arg.data !== undefined) continue;
    const type = types[arg.index];
    if (typeof type !== 'function' || type === Object) continue;
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
      names.add(rule.propertyName);
    }
  }
  return [...names];
}

function fieldNames(own: string[], general: string[]): fc.Arbitrary<string> {
  return own.length === 0
    ? fc.constantFrom(...general)
    : fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...own) },
        { weight: 1, arbitrary: fc.constantFrom(...general) },
      );
}

export interface Caller {
  name: 'anonymous' | 'reporter' | 'administrator';
  headers: Record<string, string>;
  csrf: string;
}

export interface Generated {
  url: string;
  body: Body;
  language: string;
}

/** Real values of path parameters, by name, so that one odd parameter reaches the handler. */
export type KnownParams = Record<string, string[]>;

function knownValues(name: string, known: KnownParams): string[] {
  return known[name] ?? (/id$/i.test(name) ? known.id : ['dummy']);
}

/** The path: every parameter generated, or all real but one. */
function generatedPath(route: Route, known: KnownParams): fc.Arbitrary<string> {
  const names = (route.path.match(/:\w+|\*/g) ?? []).map((n) => n.replace(/^:/, ''));
  if (names.length === 0) return fc.constant(route.path);
  const odd = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
    { weight: 1, arbitrary: nastyString.map(encode) },
  );
  const real = (name: string) => fc.constantFrom(...knownValues(name, known));
  const values = fc.oneof(
    fc.tuple(...names.map((name) => fc.oneof(real(name), odd))),
    fc
      .tuple(fc.nat(names.length - 1), odd, fc.tuple(...names.map(real)))
      .map(([at, value, reals]) => reals.map((r, i) => (i === at ? value : r))),
  );
  return values.map((parts) => {
    let i = 0;
    return route.path.replace(/:\w+|\*/g, () => parts[i++]);
  });
}

export function generatedRequest(
  route: Route,
  caller: Caller,
  known: KnownParams,
): fc.Arbitrary<Generated> {
  const query = queryString(fieldNames(dtoFields(route, RouteParamtypes.QUERY), QUERY_KEYS));
  const body = requestBody(fieldNames(dtoFields(route, RouteParamtypes.BODY), FIELDS), caller.csrf);
  return fc.record({
    url: fc
      .tuple(generatedPath(route, known), fc.option(query, { freq: 3 }))
      .map(([path, q]) => (q === null ? path : `${path}?${q}`)),
    body: route.method === 'GET' ? fc.constant(NO_BODY) : body,
    language: fc.constantFrom(...LANGUAGES),
  });
}

const HUGE = '99999999999999999999';
const NOT_A_UUID = '-'.repeat(36);

/**
 * Requests every route gets before the generated ones: each path parameter malformed or a
 * 20-digit number in turn (the others real), each query field a 20-digit number, every body
 * field a 20-digit number or a malformed id, a nested `constructor` key, a form of the same, and
 * a body nested 50,000 deep.
 */
export function examplesFor(route: Route, caller: Caller, known: KnownParams): Generated[] {
  const names = (route.path.match(/:\w+|\*/g) ?? []).map((n) => n.replace(/^:/, ''));
  const pathWith = (odd: number, value = NOT_A_UUID) => {
    let i = 0;
    return route.path.replace(/:\w+|\*/g, () => {
      const at = i++;
      return at === odd ? value : knownValues(names[at], known)[0];
    });
  };
  const real = pathWith(-1);
  const queryFields = dtoFields(route, RouteParamtypes.QUERY);
  const bodyFields = dtoFields(route, RouteParamtypes.BODY);
  const fields = bodyFields.length > 0 ? bodyFields : FIELDS.filter((f) => !f.startsWith('_'));
  const every = (value: unknown) => Object.fromEntries(fields.map((f) => [f, value]));
  const json = (value: unknown): Body => ({ type: 'application/json', payload: stringify(value) });
  const examples: Generated[] = names.flatMap((_, i) =>
    [NOT_A_UUID, HUGE].map((value) => ({ url: pathWith(i, value), body: NO_BODY, language: 'en' })),
  );
  // One field at a time: a second bad field would be refused with the first, before any query.
  for (const key of new Set(['page', 'pageSize', 'year', ...queryFields])) {
    examples.push({ url: `${real}?${key}=${HUGE}`, body: NO_BODY, language: 'sr' });
  }
  if (route.method !== 'GET') {
    for (const body of [
      json(every(Number(HUGE))),
      json(every(HUGE)),
      json(every(NOT_A_UUID)),
      json({ [fields[0]]: { constructor: [null] } }),
      { type: 'application/json', payload: nested(50_000, '[', ']') },
      {
        type: FORM,
        payload: [...fields.map((f) => `${f}=${HUGE}`), `_csrf=${caller.csrf}`].join('&'),
      },
    ]) {
      examples.push({ url: real, body, language: 'en' });
    }
  }
  return examples;
}

/** Resolves to the answer, or rejects when none comes within `ms`. */
export async function answerWithin(
  server: TestServer,
  options: Parameters<TestServer['app']['inject']>[0],
  ms: number,
): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([server.app.inject(options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeRequest(route: Route, request: Generated): string {
  const body =
    request.body.payload === undefined
      ? ''
      : ` ${request.body.type} ${request.body.payload.slice(0, 120)}`;
  return `${route.method} ${request.url.slice(0, 200)}${body}`;
}

/** The three callers, signed in for real, and real values for path parameters. */
export async function fuzzCallers(
  server: TestServer,
): Promise<{ callers: Caller[]; known: KnownParams }> {
  const callers: Caller[] = [];
  const jar = new CookieJar();
  const visitorToken = await visitorCsrf(server, jar);
  callers.push({
    name: 'anonymous',
    headers: { cookie: jar.header(), 'x-csrf-token': visitorToken },
    csrf: visitorToken,
  });
  // A reporter signed in to the follow-up of their case reaches the follow-up handlers.
  const own = await submitReport(server);
  const reporterJar = new CookieJar();
  const reporterToken = await visitorCsrf(server, reporterJar);
  const signIn = await server.app.inject({
    method: 'POST',
    url: '/follow-up',
    headers: { cookie: reporterJar.header(), 'content-type': FORM },
    payload: `reference=${own.reference}&receiptCode=${own.receiptCode}&_csrf=${reporterToken}`,
  });
  if (signIn.statusCode !== 303) throw new Error(`follow-up sign-in: ${signIn.statusCode}`);
  reporterJar.take(signIn);
  callers.push({
    name: 'reporter',
    headers: { cookie: reporterJar.header(), 'x-csrf-token': reporterToken },
    csrf: reporterToken,
  });
  const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
  callers.push({ name: 'administrator', headers: admin.headers, csrf: admin.csrf });
  const expert = await createStaff(server, { role: 'legal_expert' });
  const filed = await submitReport(server);
  const meeting = await server.app.inject({
    method: 'POST',
    url: '/api/v1/meetings',
    headers: admin.headers,
    payload: { scheduledAt: '2026-03-12T10:00', place: 'Prishtinë' },
  });
  const meetingId = (meeting.json() as { id?: string }).id ?? NIL_UUID;
  const known: KnownParams = {
    id: [filed.id, expert.id, meetingId, NIL_UUID],
    reference: [filed.reference, own.reference, 'PMD-2026-00001'],
    itemId: [NIL_UUID],
    token: ['A'.repeat(43)],
    year: ['2025', '2026'],
  };
  return { callers, known };
}
