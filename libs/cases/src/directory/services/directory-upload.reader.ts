import type { FastifyRequest } from 'fastify';
import { readUploadBytes, uploadParts } from '@app/core';
import {
  DIRECTORY_IMPORT_MAX_BYTES,
  DirectoryImportFormatError,
  DirectoryImportInvalidError,
  DirectoryImportTooLargeError,
} from '../exceptions/directory.errors';

/**
 * A directory CSV's bytes as text: UTF-8 only (a file saved in another encoding, e.g. cp1252 by
 * a spreadsheet, is refused with the `encoding` problem on line 1, not read with U+FFFD).
 */
export function decodeDirectoryCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DirectoryImportInvalidError([{ line: 1, code: 'encoding' }]);
  }
}

/**
 * The CSV of a directory import: the `directory` file of a multipart form (the page), or the
 * `csv` text of a JSON body (the API); at most DIRECTORY_IMPORT_MAX_BYTES either way (413
 * `directory_import_too_large`).
 */
export async function readDirectoryUpload(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) {
    const body = request.body as { csv?: unknown } | undefined;
    if (body && typeof body === 'object' && typeof body.csv === 'string') {
      if (Buffer.byteLength(body.csv, 'utf8') > DIRECTORY_IMPORT_MAX_BYTES) {
        throw new DirectoryImportTooLargeError();
      }
      return body.csv;
    }
    throw new DirectoryImportFormatError();
  }
  let bytes: Buffer | null = null;
  const limits = { limits: { fileSize: DIRECTORY_IMPORT_MAX_BYTES } };
  for await (const part of uploadParts(request, limits)) {
    if (part.type !== 'file') continue;
    const content = await readUploadBytes(part.file, () => new DirectoryImportTooLargeError());
    if (part.fieldname === 'directory' && part.filename) bytes = content;
  }
  const text = bytes === null ? '' : decodeDirectoryCsv(bytes);
  if (text.trim() === '') throw new DirectoryImportFormatError();
  return text;
}
