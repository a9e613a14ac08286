import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { PageAnswer } from './redirect';

/**
 * `Content-Disposition: attachment` with the file's name in UTF-8 (RFC 6266 / RFC 8187) and an
 * ASCII fallback for old clients. Quotes, backslashes and controls never reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_')
      .trim() || 'evidence';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A stored file as a handler hands it to `sendDownload`. */
export interface DownloadFile {
  name: string;
  sizeBytes: number;
  stream: Readable;
  /**
   * The type of a file the platform made itself (a receipt PDF); stored files leave it out and
   * go as `application/octet-stream`, as their content is untrusted.
   */
  mediaType?: string;
}

/**
 * Sends a stored file as a download, never shown inline: the type was checked from the
 * content, but the content itself is still untrusted.
 */
export function sendDownload(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header('content-type', file.mediaType ?? 'application/octet-stream')
    .header('content-disposition', attachmentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('content-length', String(file.sizeBytes))
    .send(file.stream);
}

/**
 * A form whose answer is a file made from what was sent (a comparison of uploaded reports):
 * `@PageForm` sends it as a download, while a refusal still shows the form with its problem.
 */
export class FileAnswer extends PageAnswer {
  constructor(readonly file: DownloadFile) {
    super();
  }
}

/** A file made in memory (a report, a table), as `@Download` and `FileAnswer` take it. */
export function bufferDownload(name: string, body: Buffer): DownloadFile {
  return { name, sizeBytes: body.length, stream: Readable.from([body]) };
}

export function fileAnswer(name: string, body: Buffer): FileAnswer {
  return new FileAnswer(bufferDownload(name, body));
}
