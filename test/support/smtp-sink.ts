import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

/** One email the sink accepted. */
export interface SinkMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string;
  /** Every header line and body, as received. */
  raw: string;
  acceptedAt: number;
}

export type SinkMode = 'accept' | 'refuse';

interface Held {
  mail: () => Promise<SinkMail>;
  callback: (error?: Error | null) => void;
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * A real SMTP server in the test process (port 0). It accepts and records emails, or refuses
 * them with a temporary error to play "SMTP down", or holds them before accepting so a test can
 * act while emails are in flight. `parse: false` skips MIME parsing (for the benchmark).
 */
export class SmtpSink {
  readonly mails: SinkMail[] = [];
  private mode: SinkMode = 'accept';
  private refusal = { code: 451, text: '4.3.0 Mail system temporarily unavailable' };
  private holding = false;
  private holdAt = Infinity;
  private readonly held: Held[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  refusedCount = 0;
  /** Client connections that ended in a socket error (e.g. reset by a killed worker). */
  connectionErrors = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: { parse?: boolean } = {}): Promise<SmtpSink> {
    const parse = options.parse ?? true;
    // The server's callbacks need the sink, which needs the server's port: filled in below.
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      maxClients: 200,
      onConnect(_session, callback) {
        if (ref.sink?.mode === 'refuse' && ref.sink.refusal.code === 421) {
          ref.sink.refusedCount++;
          return callback(smtpError(421, 'Service not available, try later'));
        }
        callback();
      },
      onData(stream: SMTPServerDataStream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void ref.sink!.receive(Buffer.concat(chunks), session.envelope.rcptTo, parse, callback);
        });
      },
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    // smtp-server re-emits a client's socket error (a worker killed with SIGKILL resets its
    // connections, `read ECONNRESET`) on the server when it happens inside a mail transaction.
    // Without a listener of its own that error is unhandled and fails the test process; a real
    // SMTP server outlives its clients, so the sink counts them instead.
    server.on('error', () => {
      if (ref.sink) ref.sink.connectionErrors++;
    });
    ref.sink = new SmtpSink(server, port);
    return ref.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuses every email (421 at connection, or 451 after the data) until `accept()`. */
  refuse(code: 421 | 451 = 451): void {
    this.mode = 'refuse';
    this.refusal =
      code === 421
        ? { code, text: 'Service not available, try later' }
        : { code, text: '4.3.0 Mail system temporarily unavailable' };
  }

  accept(): void {
    this.mode = 'accept';
  }

  /** From now on, emails wait before being answered (neither accepted nor refused). */
  hold(): void {
    this.holding = true;
  }

  /** Accepts emails until `count` have arrived in all, then holds the following ones. */
  holdAfter(count: number): void {
    this.holdAt = count;
    if (this.mails.length >= count) this.holding = true;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Answers the held emails: accepted (recorded) or refused with a temporary error. */
  async release(accept: boolean): Promise<void> {
    this.holding = false;
    this.holdAt = Infinity;
    const held = this.held.splice(0);
    for (const item of held) {
      if (accept) {
        this.record(await item.mail());
        item.callback();
      } else {
        item.callback(smtpError(451, '4.3.0 Try again later'));
      }
    }
  }

  /** Resolves once `count` emails were accepted in all. */
  waitFor(count: number, timeoutMs = 30000): Promise<SinkMail[]> {
    if (this.mails.length >= count) return Promise.resolve(this.mails);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(`Only ${this.mails.length} of ${count} emails arrived in ${timeoutMs} ms`),
        );
      }, timeoutMs);
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.mails);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** How many times each Message-ID arrived (a duplicate shows as 2 or more). */
  deliveriesByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.mails)
      counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  clear(): void {
    this.mails.length = 0;
  }

  async stop(): Promise<void> {
    await this.release(false);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    raw: Buffer,
    rcptTo: { address: string }[],
    parse: boolean,
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    if (this.mode === 'refuse') {
      this.refusedCount++;
      return callback(smtpError(this.refusal.code, this.refusal.text));
    }
    const to = rcptTo.map((r) => r.address);
    const mail = () => (parse ? this.parse(raw, to) : Promise.resolve(this.light(raw, to)));
    if (this.holding) {
      this.held.push({ mail, callback });
      return;
    }
    try {
      const parsed = await mail();
      this.record(parsed);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private record(mail: SinkMail): void {
    mail.acceptedAt = Date.now();
    this.mails.push(mail);
    if (this.mails.length >= this.holdAt) this.holding = true;
    const ready = this.waiters.filter((w) => this.mails.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.mails.length < w.count);
    for (const w of ready) w.resolve();
  }

  private async parse(raw: Buffer, to: string[]): Promise<SinkMail> {
    const parsed = await simpleParser(raw);
    return {
      to,
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? '',
      language: String(parsed.headers.get('content-language') ?? ''),
      raw: raw.toString('utf8'),
      acceptedAt: 0,
    };
  }

  private light(raw: Buffer, to: string[]): SinkMail {
    const head = raw.subarray(0, 4096).toString('utf8');
    const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
    return {
      to,
      from: '',
      subject: '',
      text: '',
      html: '',
      messageId,
      language: '',
      raw: '',
      acceptedAt: 0,
    };
  }
}
