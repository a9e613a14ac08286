import { EntityManager } from 'typeorm';
import { Locale, translate } from '@app/core';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';

export interface PublicTimelineEntry {
  at: string;
  status: CaseStatus;
  label: string;
}

/**
 * A case's timeline as the person who reported it sees it: the public entries only, each
 * status in their words. The reporter's follow-up page and the mediator who filed the report
 * read it from here alike, so neither can show a step the other does not.
 */
export async function publicTimeline(
  manager: EntityManager,
  caseId: string,
  locale: Locale,
): Promise<PublicTimelineEntry[]> {
  // Plain SQL: every follow-up view reads it.
  const entries = (await manager.query(
    `SELECT at, to_status FROM case_history WHERE case_id = $1 AND public ORDER BY at, id`,
    [caseId],
  )) as { at: Date; to_status: CaseStatus }[];
  return entries.map((entry) => ({
    at: entry.at.toISOString(),
    status: entry.to_status,
    label: translate(locale, `case.status.${entry.to_status}`),
  }));
}
