import { readdir, readlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { png } from '../cases/case-fixtures';

/**
 * HTTP spoken over a raw socket, for what a well-behaved client never does: a multipart body
 * that never ends, a client that leaves half-way. And the file descriptors a process holds.
 */

/** How long an exchange waits for the server by default: generous, for a busy machine. */
const RAW_ANSWER_WITHIN_MS = 20_000;

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function parseAnswer(raw: Buffer): RawAnswer | undefined {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/**
 * Sends a request over a raw socket and never finishes its body (unless `end`): resolves with
 * the answer once the server closes the connection, and rejects if nothing comes within `ms`.
 */
export function rawExchange(
  port: number,
  head: string,
  body: Buffer,
  options: { ms?: number; onConnected?: (leave: () => void, isClosed: () => boolean) => void } = {},
): Promise<{ answer?: RawAnswer; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let destroyedByUs = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No answer within ${options.ms ?? RAW_ANSWER_WITHIN_MS} ms`));
    }, options.ms ?? RAW_ANSWER_WITHIN_MS);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer: parseAnswer(Buffer.concat(chunks)), closedByServer: !destroyedByUs });
    });
    socket.on('connect', () => {
      socket.write(head);
      socket.write(body);
      options.onConnected?.(
        () => {
          destroyedByUs = true;
          socket.destroy();
        },
        () => socket.destroyed,
      );
    });
  });
}

export const BOUNDARY = '----pmdhang0123456789';

/** The start of a multipart body: one file part whose content never ends. */
export function unfinishedBody(field = 'evidence', filename = 'photo.png'): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n`,
    ),
    png(),
    Buffer.alloc(4096, 0x11),
  ]);
}

export function requestHead(
  path: string,
  headers: Record<string, string>,
  length = 1_000_000,
): string {
  const lines = [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
    `Content-Length: ${length}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Open file descriptors of a process that point into a folder. */
export async function descriptorsInto(pid: number | 'self', folder: string): Promise<string[]> {
  const dir = `/proc/${pid}/fd`;
  const targets = await Promise.all(
    (await readdir(dir)).map((fd) => readlink(join(dir, fd)).catch(() => '')),
  );
  return targets.filter((t) => t.startsWith(folder));
}
