import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';
import { SessionHousekeeping } from '@app/identity';
import { CaseStatus, FINAL_STATUSES } from '../../workflow/domain/case-status.machine';
import { isRetentionDue, retentionCutoff } from '../domain/personal-data-erasure';
import { FollowUpAttemptsStore } from '../../follow-up/services/follow-up-attempts.store';
import { IDEMPOTENCY_TTL_MS } from '../../intake/services/idempotency.service';
import { PersonalDataEraser } from './personal-data-eraser.service';
import { StalePartSweeper } from './stale-parts.service';

const BATCH = 200;

/**
 * Erases the personal data of cases whose final status (resolved, not discrimination, closed)
 * was reached more than RETENTION_DAYS_AFTER_CLOSURE days ago. Each case is erased in its own
 * transaction under its row lock, after the rule is checked again on the locked row (a case
 * reopened meanwhile is kept). The same run deletes what has served its time: idempotency keys
 * past their day (with the answers they kept), expired follow-up sessions, staff sessions ended
 * a month ago, receipt-code attempt counters that hold nothing back any more, and the temporary
 * files of uploads that never finished. Idempotent: run it as often as you like.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly eraser: PersonalDataEraser,
    private readonly sessions: SessionHousekeeping,
    private readonly followUpAttempts: FollowUpAttemptsStore,
    private readonly staleParts: StalePartSweeper,
  ) {}

  /** The number of cases erased by this run. */
  async eraseExpired(now: Date): Promise<number> {
    const days = this.config.privacy.retentionDaysAfterClosure;
    const cutoff = retentionCutoff(now, days);
    let erased = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Keyset pages by id, so a case that cannot be erased is not picked up again and again.
      const candidates = (await this.dataSource.query(
        `SELECT c.id FROM cases c
         WHERE c.status = ANY($1::text[]) AND c.personal_data_erased_at IS NULL AND c.id > $2
           AND (SELECT max(h.at) FROM case_history h WHERE h.case_id = c.id) < $3
         ORDER BY c.id LIMIT $4`,
        [FINAL_STATUSES, after, cutoff, BATCH],
      )) as { id: string }[];
      for (const { id } of candidates) {
        if (await this.eraseIfDue(id, now, days)) erased++;
      }
      if (candidates.length < BATCH) break;
      after = candidates[candidates.length - 1].id;
    }
    const purged = await this.purgeExpired(now);
    this.logger.log({ msg: 'Retention run', erasedCases: erased, retentionDays: days, ...purged });
    return erased;
  }

  /** Rows that only ever served for a while, deleted once their time has passed. */
  async purgeExpired(now: Date): Promise<{
    idempotencyKeys: number;
    followUpSessions: number;
    staffSessions: number;
    followUpAttempts: number;
    unfinishedUploads: number;
  }> {
    const [, idempotencyKeys] = (await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < $1`,
      [new Date(now.getTime() - IDEMPOTENCY_TTL_MS)],
    )) as [unknown, number];
    const [, followUpSessions] = (await this.dataSource.query(
      `DELETE FROM follow_up_sessions WHERE expires_at < $1`,
      [now],
    )) as [unknown, number];
    const staffSessions = await this.sessions.purgeEndedSessions(now);
    const followUpAttempts = await this.followUpAttempts.purge(now);
    const unfinishedUploads = await this.staleParts.sweep(now);
    return {
      idempotencyKeys,
      followUpSessions,
      staffSessions,
      followUpAttempts,
      unfinishedUploads,
    };
  }

  private eraseIfDue(caseId: string, now: Date, days: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [facts] = (await manager.query(
        `SELECT c.status, c.personal_data_erased_at AS erased_at,
                (SELECT max(h.at) FROM case_history h WHERE h.case_id = c.id) AS last_change_at
         FROM cases c WHERE c.id = $1 FOR UPDATE OF c`,
        [caseId],
      )) as { status: CaseStatus; erased_at: Date | null; last_change_at: Date }[];
      const due =
        facts !== undefined &&
        isRetentionDue(
          {
            status: facts.status,
            lastChangeAt: new Date(facts.last_change_at),
            erasedAt: facts.erased_at,
          },
          now,
          days,
        );
      return due ? this.eraser.erase(manager, caseId, now) : false;
    });
  }
}
