import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../domain/attachment-header';

/**
 * Sends a stored file as a download, never shown inline: the type was checked from the
 * content, but the content itself is still untrusted.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { name: string; sizeBytes: number; stream: Readable },
): FastifyReply {
  return reply
    .header('content-type', 'application/octet-stream')
    .header('content-disposition', attachmentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('content-length', String(file.sizeBytes))
    .send(file.stream);
}
