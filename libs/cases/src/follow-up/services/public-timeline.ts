import { EntityManager } from 'typeorm';
import { Locale, translate } from '@app/core';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';

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
  const entries = await manager.find(CaseHistoryEntry, {
    where: { caseId, public: true },
    order: { at: 'ASC', id: 'ASC' },
  });
  return entries.map((entry) => ({
    at: entry.at.toISOString(),
    status: entry.toStatus,
    label: translate(locale, `case.status.${entry.toStatus}`),
  }));
}
