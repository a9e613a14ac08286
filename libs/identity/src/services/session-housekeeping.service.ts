import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Ended staff sessions are kept this long (who signed in from where, for an inquiry). */
export const ENDED_SESSION_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Deletes staff sessions that ended (expired or signed out) more than ENDED_SESSION_KEEP_DAYS
 * ago, with the address and browser they recorded. Run daily by the worker with the other
 * retention work; the audit log keeps what staff did.
 */
@Injectable()
export class SessionHousekeeping {
  constructor(private readonly dataSource: DataSource) {}

  /** The number of sessions deleted. */
  async purgeEndedSessions(now: Date): Promise<number> {
    const before = new Date(now.getTime() - ENDED_SESSION_KEEP_DAYS * DAY_MS);
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM staff_sessions WHERE expires_at < $1 OR revoked_at < $1`,
      [before],
    )) as [unknown, number];
    return deleted;
  }
}
