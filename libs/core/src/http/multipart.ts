import { Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';
import { DomainError, PayloadTooLargeError } from '../errors/domain-error';

/** A multipart body that cannot be read: no boundary, broken part headers, cut short. */
export class MalformedMultipartError extends DomainError {
  constructor() {
    super('malformed_multipart', 400);
  }
}

/** A request body that stalled or took longer than REQUEST_TIMEOUT_MS to arrive. */
export class RequestTimeoutError extends DomainError {
  constructor() {
    super('request_timeout', 408);
  }
}

/** A part of a multipart body, as the upload readers of the libs read it. */
export type UploadPart =
  | { type: 'field'; fieldname: string; value: unknown }
  | {
      type: 'file';
      fieldname: string;
      filename: string;
      mimetype: string;
      /** `truncated` is true when the parser cut the file at its size limit. */
      file: Readable & { truncated?: boolean };
    };

interface UploadTimeouts {
  /** Longest pause between two chunks of the body. */
  idleMs: number;
  /** Longest time for the whole body. */
  totalMs: number;
  /** Uploads being read, each settled once its reader has cleaned up after it. */
  inFlight: Set<Promise<void>>;
}

const TIMEOUTS = Symbol('uploadTimeouts');
const ABANDONED = Symbol('bodyAbandoned');

type WithTimeouts = FastifyInstance & { [TIMEOUTS]?: UploadTimeouts };
type MaybeAbandoned = IncomingMessage & { [ABANDONED]?: boolean };

/**
 * Registers the multipart parser with its limits and the upload timeouts. Bodies are streamed
 * by the handlers (through `uploadParts`), never buffered here. The cases lib counts files and
 * bytes itself to answer with the broken limit; these limits are the parser's own safety nets
 * one step beyond.
 */
export async function registerMultipart(
  fastify: FastifyInstance,
  config: AppConfig,
): Promise<void> {
  await fastify.register(multipart, {
    limits: {
      fileSize: config.cases.evidenceMaxFileBytes,
      files: config.cases.evidenceMaxFiles + 1,
      fields: 100,
      fieldSize: 64 * 1024,
      parts: 200,
      headerPairs: 200,
    },
  });
  const timeouts: UploadTimeouts = {
    idleMs: config.app.bodyIdleTimeoutMs,
    totalMs: config.app.requestTimeoutMs,
    inFlight: new Set(),
  };
  (fastify as WithTimeouts)[TIMEOUTS] = timeouts;
  // A body given up half-way cannot be followed by another request on the same connection:
  // close it once the answer is out, so the client and its socket are let go.
  fastify.addHook('onSend', async (request, reply) => {
    if ((request.raw as MaybeAbandoned)[ABANDONED]) reply.header('connection', 'close');
  });
  // A request answered before its body was read (refused by CSRF, access or a limit): Node
  // reads and drops the rest, so a client still uploading gets to see the answer; a body that
  // stalls instead is waited for no longer than a stalled upload would be.
  fastify.addHook('onResponse', async (request) => {
    releaseUnreadBody(request.raw, timeouts.idleMs);
  });
  // The connections closed on shutdown fail their uploads; wait (briefly) for their readers to
  // delete the files they were writing before the process ends.
  fastify.addHook('onClose', async () => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...timeouts.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, UPLOAD_CLEANUP_WAIT_MS))),
    ]);
    clearTimeout(timer);
  });
}

const UPLOAD_CLEANUP_WAIT_MS = 2000;

/** Closes the connection of an answered request whose body stops arriving for `idleMs`. */
function releaseUnreadBody(raw: IncomingMessage, idleMs: number): void {
  const socket = raw.socket;
  // Requests injected in process (light-my-request) have no socket to let go.
  if (raw.complete || raw.destroyed || !(socket instanceof Socket)) return;
  const timer = setTimeout(() => socket.destroy(), idleMs);
  const touch = () => timer.refresh();
  const done = () => {
    clearTimeout(timer);
    socket.off('data', touch);
  };
  socket.on('data', touch);
  raw.once('end', done);
  socket.once('close', done);
}

const BUSBOY_FAILURE =
  /^(Multipart: Boundary not found|Unexpected end of (multipart data|form)|Malformed part header|.*terminated early)/;

/** What a parser error means for the caller; errors of the parser's own limits pass as they are. */
function asProblem(error: unknown): Error {
  if (!(error instanceof Error)) return new MalformedMultipartError();
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('FST_')) return error;
  if (code === 'ERR_STREAM_PREMATURE_CLOSE') return new MalformedMultipartError();
  if (BUSBOY_FAILURE.test(error.message)) return new MalformedMultipartError();
  return error;
}

/**
 * Watches one request body while its parts are read: a body that stalls longer than the idle
 * timeout, or takes longer than the request timeout, or whose client goes away, fails at once;
 * the file stream being read is destroyed with the failure, so whoever writes it to disk
 * closes the file and deletes it.
 */
class BodyWatch {
  failure?: Error;
  private readonly files = new Set<PassThrough>();
  private idleTimer?: NodeJS.Timeout;
  private totalTimer?: NodeJS.Timeout;
  private rejectPending?: (error: Error) => void;
  private readonly onData = () => this.armIdle();
  private readonly onEnd = () => this.stopTimers();
  private readonly onClose = () => {
    if (!this.raw.complete) this.fail(new MalformedMultipartError());
  };

  constructor(
    private readonly raw: MaybeAbandoned,
    private readonly timeouts: UploadTimeouts,
  ) {}

  /** Called once the parser reads the body (a listener before that would lose data). */
  start(): void {
    if (this.raw.complete || this.raw.readableEnded) return;
    this.raw.on('data', this.onData);
    this.raw.once('end', this.onEnd);
    this.raw.once('close', this.onClose);
    this.armIdle();
    this.totalTimer = setTimeout(() => this.fail(new RequestTimeoutError()), this.timeouts.totalMs);
    if (this.raw.destroyed) this.onClose();
  }

  /** Resolves as `step` does, or rejects as soon as the body fails. */
  race<T>(step: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.rejectPending = reject;
      step.then(resolve, (error: unknown) => reject(this.failure ?? asProblem(error)));
    }).finally(() => {
      this.rejectPending = undefined;
    });
  }

  /** The file stream handed to the reader: the parser's, with its errors made problems. */
  guard(source: Readable & { truncated?: boolean }): Readable & { truncated?: boolean } {
    const file = new PassThrough();
    // The failure may come before the reader listens; it still sees it (the stream is errored).
    file.on('error', () => undefined);
    Object.defineProperty(file, 'truncated', { get: () => source.truncated === true });
    this.files.add(file);
    file.once('close', () => this.files.delete(file));
    source.on('error', (error) => {
      if (!file.destroyed) file.destroy(this.failure ?? asProblem(error));
    });
    // The parser destroys a file without an error when its body is cut short, maybe before the
    // part reaches its reader.
    const cutShort = () => {
      if (!source.readableEnded && !file.destroyed) {
        file.destroy(this.failure ?? new MalformedMultipartError());
      }
    };
    source.once('close', cutShort);
    source.pipe(file);
    if (this.failure) file.destroy(this.failure);
    else if (source.destroyed) cutShort();
    return file;
  }

  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.abandon();
    for (const file of this.files) file.destroy(error);
    this.rejectPending?.(error);
  }

  /** Nothing more of this body is read: the parser waits no longer, the connection will close. */
  abandon(): void {
    this.stopTimers();
    if (this.raw.complete) return;
    this.raw[ABANDONED] = true;
    this.raw.unpipe();
  }

  dispose(): void {
    this.stopTimers();
    this.raw.off('data', this.onData);
    this.raw.off('end', this.onEnd);
    this.raw.off('close', this.onClose);
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      // Data waiting in the buffer means the server is the slow one (writing to disk), not the client.
      if (this.raw.readableLength > 0) this.armIdle();
      else this.fail(new RequestTimeoutError());
    }, this.timeouts.idleMs);
  }

  private stopTimers(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.totalTimer);
  }
}

/** Limits of one upload route instead of the parser's defaults (those of evidence files). */
export interface UploadLimits {
  limits?: { fileSize?: number; files?: number };
}

/**
 * The parts of a multipart request, read with the upload timeouts. Errors are problems: a body
 * that is not valid multipart is 400 `malformed_multipart`, a stalled or too slow one 408
 * `request_timeout`; after either the connection is closed once the answer is sent.
 */
export async function* uploadParts(
  request: FastifyRequest,
  options: UploadLimits = {},
): AsyncGenerator<UploadPart> {
  const timeouts = (request.server as WithTimeouts)[TIMEOUTS];
  if (!timeouts) throw new Error('registerMultipart was not called on this server');
  const watch = new BodyWatch(request.raw, timeouts);
  const parts = request
    .parts(options.limits ? { limits: options.limits } : undefined)
    [Symbol.asyncIterator]();
  let finished = false;
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  timeouts.inFlight.add(settled);
  try {
    // The first step pipes the body into the parser; only then may the body be watched.
    let step = parts.next();
    watch.start();
    for (;;) {
      const { done, value } = await watch.race(step);
      if (done) break;
      const part = value as UploadPart;
      if (part.type === 'file') yield { ...part, file: watch.guard(part.file) };
      else yield part;
      step = parts.next();
    }
    // The parser ends quietly on a body cut short; a client that left is not a finished body.
    if (watch.failure) throw watch.failure;
    finished = true;
  } catch (error) {
    watch.fail(asProblem(error));
    throw watch.failure;
  } finally {
    // A reader that stopped early (a refused file) leaves the rest of the body unread.
    if (!finished) watch.abandon();
    watch.dispose();
    timeouts.inFlight.delete(settled);
    settle();
  }
}

/**
 * The whole of an uploaded file. A file the parser cut at its size limit throws `tooLarge()`
 * (413 `body_too_large` unless the route names its own limit).
 */
export async function readUploadBytes(
  file: Readable & { truncated?: boolean },
  tooLarge: () => Error = () => new PayloadTooLargeError(),
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  if (file.truncated) throw tooLarge();
  return Buffer.concat(chunks);
}

/** An uploaded file as UTF-8 text (see `readUploadBytes`). */
export async function readUploadText(
  file: Readable & { truncated?: boolean },
  tooLarge?: () => Error,
): Promise<string> {
  return (await readUploadBytes(file, tooLarge)).toString('utf8');
}
