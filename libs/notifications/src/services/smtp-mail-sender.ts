import { connect, Socket } from 'node:net';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { APP_CONFIG, AppConfig } from '@app/core';
import { MailSender, OutgoingMail } from './mail-sender';
import { MimeMessageBuilder } from './mime-message';

/** nodemailer ignores every other option when given a URL, so the URL is taken apart here. */
export function smtpPoolOptions(config: AppConfig): SMTPPool.Options {
  const url = new URL(config.mail.smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    maxConnections: config.notifications.poolSize,
    maxMessages: 500,
    // Shorter than the send lease (MAIL_SEND_LEASE_MS), so a hung server fails an attempt
    // before another attempt of the same email may start.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
    getSocket: secure ? undefined : plainSocket,
  };
}

/**
 * nodemailer leaves Nagle's algorithm on, so the small writes of an SMTP transaction wait for
 * delayed ACKs (tens of milliseconds each). A plain-TCP socket with no delay avoids that;
 * STARTTLS still upgrades it when the server offers TLS.
 */
function plainSocket(
  options: { host?: string; port?: number; connectionTimeout?: number },
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const socket = connect({ host: options.host ?? '127.0.0.1', port: options.port ?? 587 });
  socket.setNoDelay(true);
  const timer = setTimeout(() => {
    socket.destroy();
    callback(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }));
  }, options.connectionTimeout ?? 10_000);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.removeAllListeners('error');
    callback(null, { connection: socket });
  });
  socket.once('error', (error) => {
    clearTimeout(timer);
    callback(error);
  });
}

/** The bare address of a `Name <address>` sender, for the SMTP envelope. */
export function envelopeAddress(from: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? from).trim();
}

interface Nodemailer {
  transport: Transporter;
  messages: MimeMessageBuilder;
}

/**
 * SMTP over pooled connections (nodemailer). nodemailer is loaded with the first email, not when
 * the module is: the web server imports this library's index but never sends itself.
 */
@Injectable()
export class SmtpMailSender extends MailSender implements OnApplicationShutdown {
  private readonly poolOptions: SMTPPool.Options;
  private readonly envelopeFrom: string;
  private nodemailer?: Promise<Nodemailer>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
    this.poolOptions = smtpPoolOptions(config);
    this.envelopeFrom = envelopeAddress(config.mail.from);
  }

  private loaded(): Promise<Nodemailer> {
    this.nodemailer ??= Promise.all([
      import('nodemailer'),
      import('nodemailer/lib/addressparser'),
      import('nodemailer/lib/base64'),
      import('nodemailer/lib/mime-funcs'),
      import('nodemailer/lib/qp'),
    ]).then(([{ default: nodemailer }, { default: addressparser }, base64, mimeFuncs, qp]) => ({
      transport: nodemailer.createTransport(this.poolOptions),
      messages: new MimeMessageBuilder(
        { addressparser, base64, mimeFuncs, qp },
        this.config.mail.from,
      ),
    }));
    return this.nodemailer;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { transport, messages } = await this.loaded();
    // The message is built into one buffer first: streamed part by part, nodemailer writes it to
    // the socket in hundreds of small writes, which cost more CPU than building it.
    const raw = messages.build(mail);
    // The Message-ID is the one in the message: given here too, nodemailer does not make up
    // one of its own for every email (five random reads and a parse of the addresses).
    await transport.sendMail({
      envelope: { from: this.envelopeFrom, to: [mail.to] },
      messageId: mail.messageId,
      raw,
    });
  }

  async close(): Promise<void> {
    if (this.nodemailer) (await this.nodemailer).transport.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
