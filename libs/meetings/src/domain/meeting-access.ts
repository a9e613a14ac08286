import type { StaffRole } from '@app/core';
import { MeetingStatus, visibleToMembers } from './meeting-status.machine';

/** What the read rules need to know of a meeting. */
export interface MeetingFacts {
  status: MeetingStatus;
  agendaPublishedAt: Date | null;
}

/**
 * DESIGN §6: administrators and legal experts see every meeting; Technical Group members see
 * the meetings whose agenda has been published to them (a planned agenda is a draft).
 */
export function mayReadMeeting(role: StaffRole, meeting: MeetingFacts): boolean {
  return role !== 'technical_group_member' || visibleToMembers(meeting);
}

/** Members read the minutes once approved; staff who prepare them read the draft too. */
export function mayReadMinutes(role: StaffRole, meeting: MeetingFacts): boolean {
  return role !== 'technical_group_member' || meeting.status === 'minutes_approved';
}
