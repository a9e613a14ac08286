import { StateMachine } from '@app/core';

/** Every status a meeting can have. */
export const MEETING_STATUSES = [
  'planned',
  'agenda_published',
  'held',
  'minutes_approved',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Only administrators move meetings; legal experts add agenda items, members read and comment. */
export type MeetingActor = 'administrator';

/**
 * planned → agenda_published → held → minutes_approved, or cancelled before it is held.
 * Held is final but for the approval of the minutes: the count of meetings held never goes back.
 */
export const MEETING_STATUS_MACHINE = new StateMachine<MeetingStatus, MeetingActor>(
  MEETING_STATUSES,
  'planned',
  [
    { from: ['planned'], to: 'agenda_published', by: ['administrator'] },
    { from: ['agenda_published'], to: 'held', by: ['administrator'] },
    { from: ['held'], to: 'minutes_approved', by: ['administrator'] },
    { from: ['planned', 'agenda_published'], to: 'cancelled', by: ['administrator'] },
  ],
);

/** Cases may be added to (or taken off) the agenda until the meeting is held. */
export function agendaIsOpen(status: MeetingStatus): boolean {
  return status === 'planned' || status === 'agenda_published';
}

/** Attendance is taken from the published agenda until the minutes are approved. */
export function attendanceIsOpen(status: MeetingStatus): boolean {
  return status === 'agenda_published' || status === 'held';
}

/** Members see a meeting once its agenda is published (a planned agenda is still a draft). */
export function visibleToMembers(meeting: { agendaPublishedAt: Date | null }): boolean {
  return meeting.agendaPublishedAt !== null;
}
