import 'reflect-metadata';
import { createServer as createHttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { readConfigOrExit } from '@app/core';

/**
 * A local mail catcher for development: an SMTP server that keeps the last emails in memory
 * and a small web page to read them. Never for production (it refuses to start there): it
 * accepts any mail without authentication and shows it to anyone on this machine.
 * `smtp-server` and `mailparser` stay devDependencies: `npm start` installs them.
 */
export interface CaughtMail {
  id: number;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  language: string | null;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  mails: CaughtMail[];
  close(): Promise<void>;
}

const KEEP = 200;

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'none'; base-uri 'none'";
// The HTML part of a mail is foreign content: a sandbox without scripts, forms or same origin.
const MAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem}iframe{width:100%;height:40rem;border:1px solid #ccc}</style>
</head><body>${body}</body></html>`;
}

function listPage(mails: CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to)}</td><td><a href="/mail/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td><td>${escapeHtml(m.language ?? '')}</td></tr>`,
    )
    .join('');
  return page(
    'Mail catcher',
    `<h1>Mail catcher</h1><p>The last ${KEEP} emails sent by the platform on this machine (development only). JSON: <a href="/api/mails">/api/mails</a></p>
<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Language</th></tr></thead><tbody>${rows || '<tr><td colspan="4">No mail yet.</td></tr>'}</tbody></table>`,
  );
}

function mailPage(mail: CaughtMail): string {
  return page(
    mail.subject,
    `<p><a href="/">All mail</a></p><h1>${escapeHtml(mail.subject)}</h1>
<dl><dt>From</dt><dd>${escapeHtml(mail.from)}</dd><dt>To</dt><dd>${escapeHtml(mail.to)}</dd><dt>Received</dt><dd>${escapeHtml(mail.receivedAt)}</dd></dl>
<h2>Text</h2><pre>${escapeHtml(mail.text)}</pre>
${mail.html ? `<h2>HTML</h2><iframe sandbox src="/mail/${mail.id}/html" title="HTML part"></iframe>` : ''}`,
  );
}

function listen(
  server: {
    once(event: 'error', cb: (e: Error) => void): unknown;
    listen(port: number, host: string, cb: () => void): unknown;
  },
  address: () => AddressInfo | string | null,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((address() as AddressInfo).port));
  });
}

export async function startMailCatcher(options: {
  nodeEnv: string;
  smtpPort: number;
  httpPort: number;
  host?: string;
}): Promise<MailCatcher> {
  if (options.nodeEnv === 'production') {
    throw new Error('The mail catcher is for local use only and does not run in production');
  }
  const host = options.host ?? '127.0.0.1';
  const mails: CaughtMail[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
          mails.push({
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: parsed.from?.text ?? '',
            to: to.map((a) => a.text).join(', '),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            language: (parsed.headers.get('content-language') as string | undefined) ?? null,
          });
          if (mails.length > KEEP) mails.splice(0, mails.length - KEEP);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const http = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string, csp = PAGE_CSP) => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (path === '/') return send(200, 'text/html; charset=utf-8', listPage(mails));
    if (path === '/api/mails') return send(200, 'application/json', JSON.stringify(mails));
    const match = /^\/mail\/(\d+)(\/html)?$/.exec(path);
    const mail = match ? mails.find((m) => m.id === Number(match[1])) : undefined;
    if (!match || !mail) return send(404, 'text/plain; charset=utf-8', 'Not found');
    if (match[2]) {
      if (!mail.html) return send(404, 'text/plain; charset=utf-8', 'No HTML part');
      return send(200, 'text/html; charset=utf-8', mail.html, MAIL_CSP);
    }
    return send(200, 'text/html; charset=utf-8', mailPage(mail));
  });

  const smtpPort = await listen(smtp, () => smtp.server.address(), options.smtpPort, host);
  const httpPort = await listen(http, () => http.address(), options.httpPort, host);
  return {
    smtpPort,
    httpPort,
    mails,
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const catcher = await startMailCatcher({
    nodeEnv: config.app.nodeEnv,
    smtpPort: config.notifications.catcherSmtpPort,
    httpPort: config.notifications.catcherHttpPort,
  });
  process.stdout.write(
    `Mail catcher: SMTP on 127.0.0.1:${catcher.smtpPort}, mails at http://127.0.0.1:${catcher.httpPort}\n`,
  );
  const stop = () => void catcher.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
