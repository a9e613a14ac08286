import type { Readable } from 'node:stream';
import type { EvidenceBudget } from '../domain/evidence-policy';
import { EvidenceStore, StagedEvidence } from './evidence-store.service';

/** What a multipart parser yields; @fastify/multipart's parts have this shape. */
export type IncomingPart =
  | { type: 'field'; fieldname: string; value: unknown }
  | { type: 'file'; fieldname: string; filename: string; file: Readable & { truncated?: boolean } };

/** Text fields by name; a name can repeat (checkboxes). */
export type FormFields = Record<string, string[]>;

export interface ReadUploadOptions {
  /** Name of the file input whose files are evidence. */
  fileField?: string;
  /** Collects the text fields here, so a caller keeps what was read even when a file fails. */
  fields?: FormFields;
  /** False: files are read and dropped (the request is refused, but its text is shown again). */
  acceptFiles?: boolean;
}

export function emptyFields(): FormFields {
  return Object.create(null) as FormFields;
}

/**
 * Reads a multipart request part by part: text fields are collected, files are streamed to
 * disk through the evidence budget. On any failure the files written so far are deleted.
 */
export async function readUpload(
  parts: AsyncIterable<IncomingPart>,
  store: EvidenceStore,
  budget: EvidenceBudget,
  options: ReadUploadOptions = {},
): Promise<{ fields: FormFields; files: StagedEvidence[] }> {
  const { fileField = 'evidence', fields = emptyFields(), acceptFiles = true } = options;
  const files: StagedEvidence[] = [];
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') (fields[part.fieldname] ??= []).push(part.value);
        continue;
      }
      // An empty file input still sends a part, with no name and no content.
      if (!acceptFiles || part.fieldname !== fileField || !part.filename) {
        part.file.resume();
        continue;
      }
      files.push(await store.stage(part.file, part.filename, budget));
    }
    return { fields, files };
  } catch (error) {
    await store.discard(files);
    throw error;
  }
}
