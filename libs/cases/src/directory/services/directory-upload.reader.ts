import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { PayloadTooLargeError, uploadParts } from '@app/core';
import { DirectoryImportFormatError } from '../exceptions/directory.errors';

async function readText(file: Readable & { truncated?: boolean }): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  if (file.truncated) throw new PayloadTooLargeError();
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The CSV of a directory import: the `directory` file of a multipart form (the page), or the
 * `csv` text of a JSON body (the API).
 */
export async function readDirectoryUpload(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) {
    const body = request.body as { csv?: unknown } | undefined;
    if (body && typeof body === 'object' && typeof body.csv === 'string') return body.csv;
    throw new DirectoryImportFormatError();
  }
  let text: string | null = null;
  for await (const part of uploadParts(request)) {
    if (part.type !== 'file') continue;
    const content = await readText(part.file);
    if (part.fieldname === 'directory' && part.filename) text = content;
  }
  if (text === null || text.trim() === '') throw new DirectoryImportFormatError();
  return text;
}
