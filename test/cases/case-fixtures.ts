import { randomBytes } from 'node:crypto';
import { localCode } from '../support/country-codes';
import type { TestServer } from '../support/test-server';

/** A valid anonymous report (the API's JSON); tests override what they are about. */
export function validReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    community: 'roma',
    primaryArea: 'education',
    grounds: ['discrimination', 'segregation'],
    municipality: localCode('municipality', 'prizren'),
    incidentDate: '2026-01-15',
    description: 'My daughter was moved to a separate class with only Roma children.',
    perpetratorKind: 'school',
    reporterRole: 'on_behalf_of_victim',
    anonymous: true,
    ...overrides,
  };
}

/** An identified report whose personal data tests look for in rows and logs. */
export const IDENTITY = {
  name: 'Drita Gashi-Unique',
  email: 'drita.unique.reporter@example.org',
  phone: '+383 44 987 654',
} as const;

export function identifiedReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validReport({
    anonymous: false,
    contact: { ...IDENTITY },
    consentToContact: true,
    consentToShareIdentity: false,
    ...overrides,
  });
}

export interface SubmittedCaseBody {
  id: string;
  reference: string;
  status: string;
  receiptCode: string;
  submittedAt: string;
  evidenceCount: number;
}

export async function submitReport(
  server: TestServer,
  body: unknown = validReport(),
  headers: Record<string, string> = {},
): Promise<SubmittedCaseBody> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: body as object,
    headers,
  });
  if (res.statusCode !== 201) throw new Error(`intake answered ${res.statusCode}: ${res.body}`);
  return res.json() as SubmittedCaseBody;
}

export interface FilePart {
  field?: string;
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** A multipart/form-data body built by hand, as a browser without JavaScript sends it. */
export function multipart(
  fields: [string, string][],
  files: FilePart[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----pmdtest${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'evidence'}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A real 1×1 PNG. */
export function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A minimal PDF (its magic bytes are what matter). */
export function pdf(size = 0): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n');
  const padding = Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20);
  return Buffer.concat([head, padding, tail]);
}

/** A JPEG header followed by `size` bytes (enough for content sniffing). */
export function jpeg(size = 1024): Buffer {
  const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return Buffer.concat([header, Buffer.alloc(Math.max(0, size - header.length), 0x11)]);
}

/** A Linux executable's start. */
export function elfExecutable(): Buffer {
  return Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    Buffer.alloc(512, 0),
  ]);
}

/** A Windows executable's start. */
export function windowsExecutable(): Buffer {
  const buffer = Buffer.alloc(512, 0);
  buffer.write('MZ', 0, 'ascii');
  buffer.writeUInt32LE(0x80, 0x3c);
  buffer.write('PE\0\0', 0x80, 'binary');
  return buffer;
}

/** A page's CSRF cookie and token, as a browser gets them by opening the form. */
export async function csrfFrom(
  server: TestServer,
  url: string,
): Promise<{ cookie: string; token: string; body: string }> {
  const res = await server.app.inject({ method: 'GET', url });
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  const token =
    /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ??
    /_csrf=([^"&]+)/.exec(res.body)?.[1]?.replace(/&amp;/g, '&') ??
    '';
  return { cookie, token: decodeURIComponent(token), body: res.body };
}

/** The rows of a table for one case, as the database holds them. */
export async function rows<T = Record<string, unknown>>(
  server: TestServer,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const { DataSource } = await import('typeorm');
  const dataSource = server.app.get(DataSource);
  return dataSource.query(sql, params) as Promise<T[]>;
}

/** Every file under the server's upload folder (final and temporary), relative paths. */
export async function uploadedFiles(server: TestServer): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const { join, relative } = await import('node:path');
  const root = server.config.storage.uploadDir;
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.push(relative(root, path));
    }
  }
  await walk(root);
  return found.sort();
}

/**
 * Walks the report's steps as a browser without JavaScript does: each answer is the page's
 * hidden fields, the step's answers and "Continue". Returns the last page's HTML.
 */
export async function walkReportSteps(
  server: TestServer,
  language: string,
  steps: Record<string, string>[],
): Promise<string> {
  const first = await csrfFrom(server, `/report?lang=${language}`);
  let body = first.body;
  for (const answers of steps) {
    const hidden = [...body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
      (m) => [m[1], m[2].replace(/&amp;/g, '&')] as [string, string],
    );
    const form = multipart([...hidden, ...Object.entries(answers), ['go', 'next']]);
    const res = await server.app.inject({
      method: 'POST',
      url: `/report/steps?_csrf=${encodeURIComponent(first.token)}&lang=${language}`,
      payload: form.payload,
      headers: { ...form.headers, cookie: first.cookie },
    });
    body = res.body;
  }
  return body;
}
