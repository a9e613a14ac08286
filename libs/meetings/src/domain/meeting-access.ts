import type { StaffRole } from '@app/core';
import { MeetingStatus } from './meeting-status.machine';
import { RecusalReason, automaticRecusal, recusalExcludes } from './recusal';

/** What the read rules need to know of a meeting. */
export interface MeetingFacts {
  status: MeetingStatus;
  agendaPublishedAt: Date | null;
}

/** Who reads an item, as the exclusion rule needs them. */
export interface ItemReader {
  id: string;
  role: StaffRole;
  institutionCode: string | null;
}

/**
 * Whether the reader is kept out of an item's content (summary, comments, decision text) and
 * may not comment on it: a member with a recusal that excludes (their institution is the one
 * the case is about). Their institution counts before the recusal is recorded too (a member
 * added, or moved, since the item was put on the agenda).
 */
export function excludedFromItem(
  reader: ItemReader,
  item: { respondentInstitutionCode: string | null },
  recusals: readonly { memberId: string; reason: RecusalReason }[],
): boolean {
  if (reader.role !== 'technical_group_member') return false;
  if (recusals.some((r) => r.memberId === reader.id && recusalExcludes(r.reason))) return true;
  return (
    automaticRecusal(reader.institutionCode, {
      respondentInstitutionCode: item.respondentInstitutionCode,
      referralInstitutionCodes: [],
    }) === 'respondent_institution'
  );
}
