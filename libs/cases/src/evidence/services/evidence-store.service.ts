import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { fromFile } from 'file-type';
import { APP_CONFIG, AppConfig } from '@app/core';
import {
  EvidenceBudget,
  EvidenceLimitViolation,
  EvidenceLimits,
  acceptedMediaType,
  sanitiseEvidenceName,
} from '../domain/evidence-policy';
import { evidenceNameFor } from '../domain/evidence-name';
import { EvidenceLimitError, EvidenceTypeRefusedError } from '../exceptions/evidence.errors';

/** A file received and checked, waiting under a temporary name for its case to commit. */
export interface StagedEvidence {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

class LimitBreached extends Error {
  constructor(readonly violation: EvidenceLimitViolation) {
    super(violation);
  }
}

/** Hashes and counts bytes as they pass, stopping the stream when a limit is broken. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly budget: EvidenceBudget) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const violation = this.budget.addBytes(chunk.length);
    if (violation) {
      done(new LimitBreached(violation));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PART_NAME = new RegExp(`^(${UUID})\\.part$`);
const HELD_NAME = new RegExp(`^(${UUID})\\.held$`);
const ID = new RegExp(`^${UUID}$`);

/** File streams of multipart parsers say so when they cut a file at their own size limit. */
type MaybeTruncated = Readable & { truncated?: boolean };

/**
 * Evidence files on disk: `UPLOAD_DIR/<first 2 characters of id>/<id>`, no extension, mode 0600,
 * outside the web root. A file is first written as `<id>.part` beside its final place and only
 * renamed once the database has committed its metadata; every failure deletes the parts, so
 * no orphan file stays behind.
 */
@Injectable()
export class EvidenceStore {
  private readonly logger = new Logger('EvidenceStore');
  private readonly root: string;
  readonly limits: EvidenceLimits;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.storage.uploadDir);
    this.limits = {
      maxFiles: config.cases.evidenceMaxFiles,
      maxFileBytes: config.cases.evidenceMaxFileBytes,
      maxTotalBytes: config.cases.evidenceMaxTotalBytes,
    };
  }

  budget(already?: { files: number; bytes: number }): EvidenceBudget {
    return new EvidenceBudget(this.limits, already);
  }

  /** The error to answer for a broken limit, with the limit in the unit people read. */
  limitError(violation: EvidenceLimitViolation): EvidenceLimitError {
    const limit =
      violation === 'evidence_too_many_files'
        ? this.limits.maxFiles
        : megabytes(
            violation === 'evidence_file_too_large'
              ? this.limits.maxFileBytes
              : this.limits.maxTotalBytes,
          );
    return new EvidenceLimitError(violation, limit);
  }

  /**
   * Writes one incoming file to its temporary name, counting it against `budget`, then decides
   * its type from the content. Throws 413 or 415 (after deleting what it wrote).
   */
  async stage(
    file: MaybeTruncated,
    originalName: string | undefined,
    budget: EvidenceBudget,
  ): Promise<StagedEvidence> {
    const violation = budget.startFile();
    if (violation) throw this.limitError(violation);
    const id = randomUUID();
    await mkdir(this.folderOf(id), { recursive: true, mode: 0o700 });
    const meter = new Meter(budget);
    const written = createWriteStream(this.partPath(id), { flags: 'wx', mode: 0o600 });
    try {
      await pipeline(file, meter, written);
      if (file.truncated) throw new LimitBreached('evidence_file_too_large');
      const sniffed = meter.bytes > 0 ? await fromFile(this.partPath(id)) : undefined;
      const mediaType = acceptedMediaType(sniffed);
      if (!sniffed || !mediaType) throw new EvidenceTypeRefusedError();
      return {
        id,
        originalName: evidenceNameFor(sanitiseEvidenceName(originalName), sniffed.ext),
        mediaType,
        sizeBytes: meter.bytes,
        sha256: meter.hash.digest('hex'),
      };
    } catch (error) {
      // A pipeline that failed early can answer before the file is even open: the open would
      // then create it after the removal. Wait until the stream has let go of it.
      if (!written.closed)
        await new Promise<void>((resolve) => written.once('close', () => resolve()));
      await this.removeQuietly(this.partPath(id));
      if (error instanceof LimitBreached) throw this.limitError(error.violation);
      throw error;
    }
  }

  /** After the commit: gives the files their final names. */
  async commit(staged: readonly StagedEvidence[]): Promise<void> {
    for (const file of staged) {
      try {
        await rename(this.partPath(file.id), this.pathOf(file.id));
      } catch (error) {
        // The metadata is committed; the part file stays for an operator to rename by hand.
        this.logger.error({
          msg: 'evidence file could not be moved into place',
          evidenceId: file.id,
          errorCode: (error as { code?: string }).code,
        });
      }
    }
  }

  /** After a failure or a repeated request: deletes the temporary files. */
  async discard(staged: readonly StagedEvidence[]): Promise<void> {
    await Promise.all(staged.map((file) => this.removeQuietly(this.partPath(file.id))));
  }

  /** Opens a stored file for download; undefined when it is missing on disk. */
  async open(id: string): Promise<Readable | undefined> {
    const path = this.pathOf(id);
    try {
      await stat(path);
    } catch {
      return undefined;
    }
    return createReadStream(path);
  }

  /**
   * Ids of the temporary files last written before `writtenBefore`: uploads that were cut off
   * (a crash, a kill) before they could be deleted or renamed.
   */
  async partsWrittenBefore(writtenBefore: Date): Promise<string[]> {
    return this.namesWrittenBefore(PART_NAME, writtenBefore, (id) => this.partPath(id));
  }

  /**
   * Keeps staged files for a report that is still being written step by step (`<id>.held`):
   * the sweeper of unfinished uploads leaves them alone, the sweeper of drafts deletes them
   * once the draft has expired.
   */
  async hold(staged: readonly StagedEvidence[]): Promise<void> {
    for (const file of staged) await rename(this.partPath(file.id), this.heldPath(file.id));
  }

  /**
   * A held file staged again under a new id for one attempt to send its report (a hard link,
   * so the held file stays until the report is filed: a second "Send" racing the first finds
   * it too). Undefined when the held file is gone (expired, or its report already filed).
   */
  async stageHeld(heldId: string): Promise<string | undefined> {
    if (!ID.test(heldId)) return undefined;
    const id = randomUUID();
    await mkdir(this.folderOf(id), { recursive: true, mode: 0o700 });
    try {
      await link(this.heldPath(heldId), this.partPath(id));
    } catch {
      return undefined;
    }
    // Written now as far as the sweeper of unfinished uploads can tell: the link shares the
    // held file's times, and a part staged hours ago would look abandoned mid-request. (The held
    // file is touched too: should this Send fail, it stays a day from now on disk, while its
    // handle still expires a day after it was staged.)
    const now = new Date();
    await utimes(this.partPath(id), now, now);
    return id;
  }

  async isHeld(id: string): Promise<boolean> {
    if (!ID.test(id)) return false;
    return stat(this.heldPath(id)).then(
      () => true,
      () => false,
    );
  }

  /** Deletes held files (their report was filed, the reporter removed them, or they expired). */
  async discardHeld(ids: readonly string[]): Promise<void> {
    await Promise.all(
      ids.filter((id) => ID.test(id)).map((id) => this.removeQuietly(this.heldPath(id))),
    );
  }

  /** Ids of the held files written before `writtenBefore`: drafts never sent. */
  async heldWrittenBefore(writtenBefore: Date): Promise<string[]> {
    return this.namesWrittenBefore(HELD_NAME, writtenBefore, (id) => this.heldPath(id));
  }

  /** Deletes one temporary file. */
  async removePart(id: string): Promise<void> {
    await this.removeQuietly(this.partPath(id));
  }

  pathOf(id: string): string {
    return join(this.folderOf(id), id);
  }

  private partPath(id: string): string {
    return `${this.pathOf(id)}.part`;
  }

  private heldPath(id: string): string {
    return `${this.pathOf(id)}.held`;
  }

  private folderOf(id: string): string {
    return join(this.root, id.slice(0, 2));
  }

  private async namesWrittenBefore(
    pattern: RegExp,
    writtenBefore: Date,
    pathOf: (id: string) => string,
  ): Promise<string[]> {
    const found: string[] = [];
    for (const folder of await this.listQuietly(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      for (const name of await this.listQuietly(join(this.root, folder))) {
        const id = pattern.exec(name)?.[1];
        if (!id || id.slice(0, 2) !== folder) continue;
        const written = await stat(pathOf(id)).catch(() => undefined);
        if (written && written.mtime < writtenBefore) found.push(id);
      }
    }
    return found;
  }

  private async listQuietly(path: string): Promise<string[]> {
    return readdir(path).catch(() => []);
  }

  private async removeQuietly(path: string): Promise<void> {
    await unlink(path).catch(() => undefined);
  }
}

function megabytes(bytes: number): number {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? Math.round(mb * 10) / 10 : Math.round(mb * 100) / 100;
}
