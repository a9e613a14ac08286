import type { FastifyRequest } from 'fastify';
import { readUploadText, uploadParts } from '@app/core';
import { RawImport } from '../domain/import-format';
import { readCsvImport, readJsonImport } from '../domain/import-reading';
import { ImportFormatError } from '../exceptions/statistics.errors';

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text.replace(/^\ufeff/, ''));
}

/**
 * What an import request holds: a JSON body, or a multipart form with a `cases` file (CSV or
 * JSON) and an optional `meetings` file (CSV).
 */
export async function readImportRequest(request: FastifyRequest): Promise<RawImport> {
  if (!request.isMultipart()) {
    if (request.body && typeof request.body === 'object') return readJsonImport(request.body);
    throw new ImportFormatError();
  }
  let cases: string | null = null;
  let meetings: string | null = null;
  for await (const part of uploadParts(request)) {
    if (part.type !== 'file') continue;
    const text = await readUploadText(part.file);
    if (!part.filename || text.trim() === '') continue;
    if (part.fieldname === 'cases') cases = text;
    else if (part.fieldname === 'meetings') meetings = text;
  }
  if (cases !== null && looksLikeJson(cases)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(cases.replace(/^\ufeff/, ''));
    } catch {
      throw new ImportFormatError();
    }
    const fromJson = readJsonImport(Array.isArray(parsed) ? { cases: parsed } : parsed);
    if (meetings === null) return fromJson;
    const fromCsv = readCsvImport(null, meetings);
    return {
      cases: fromJson.cases,
      meetings: fromCsv.meetings,
      problems: [...fromJson.problems, ...fromCsv.problems],
    };
  }
  return readCsvImport(cases, meetings);
}
