import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { EvidenceStore } from '../../evidence/services/evidence-store.service';
import { REPORT_DRAFT_TTL_MS } from '../../intake/domain/report-steps';

/**
 * Deletes the temporary files (`<id>.part`) of uploads that never finished: a request answers
 * and deletes its own at once, so one left behind comes from a process that was killed. Runs
 * at server start-up and with the daily retention run. Only files untouched for twice
 * REQUEST_TIMEOUT_MS go, so an upload in flight on another server sharing UPLOAD_DIR is left
 * alone; a file whose evidence or document row was committed (its rename failed) is kept for
 * an operator to move into place, as the store's log line says.
 */
@Injectable()
export class StalePartSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger('StalePartSweeper');

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.sweep(this.clock.now());
    } catch (error) {
      // A database away at start-up must not stop the start; the daily run sweeps again.
      this.logger.warn({
        msg: 'Unfinished uploads not swept at start-up',
        errorName: (error as Error).name,
      });
    }
  }

  /** The number of files deleted. */
  async sweep(now: Date): Promise<number> {
    const expired = await this.store.heldWrittenBefore(
      new Date(now.getTime() - REPORT_DRAFT_TTL_MS),
    );
    await this.store.discardHeld(expired);
    const writtenBefore = new Date(now.getTime() - 2 * this.config.app.requestTimeoutMs);
    const ids = await this.store.partsWrittenBefore(writtenBefore);
    if (ids.length === 0) {
      if (expired.length > 0)
        this.logger.log({ msg: 'Unsent draft files deleted', files: expired.length });
      return expired.length;
    }
    const committed = new Set(
      (
        (await this.dataSource.query(
          `SELECT id FROM case_evidence WHERE id = ANY($1::uuid[])
           UNION SELECT id FROM referral_documents WHERE id = ANY($1::uuid[])`,
          [ids],
        )) as { id: string }[]
      ).map((row) => row.id),
    );
    let removed = 0;
    for (const id of ids) {
      if (committed.has(id)) {
        this.logger.warn({
          msg: 'committed evidence file still under its temporary name',
          evidenceId: id,
        });
        continue;
      }
      await this.store.removePart(id);
      removed++;
    }
    this.logger.log({ msg: 'Unfinished uploads deleted', files: removed + expired.length });
    return removed + expired.length;
  }
}
