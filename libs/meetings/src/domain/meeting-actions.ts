import type { StaffRole } from '@app/core';
import {
  MEETING_STATUS_MACHINE,
  MeetingStatus,
  agendaIsOpen,
  attendanceIsOpen,
} from './meeting-status.machine';

/** What a staff member may do on a meeting now; the pages offer exactly these forms. */
export interface MeetingActions {
  publish: boolean;
  editAgenda: boolean;
  recordAttendance: boolean;
  recordRecusal: boolean;
  markHeld: boolean;
  decide: boolean;
  writeMinutes: boolean;
  approveMinutes: boolean;
  cancel: boolean;
  comment: boolean;
}

/**
 * DESIGN §6: administrators run meetings (publish, attendance, decisions, minutes); legal
 * experts add agenda items; members read and comment. The services check the same rules.
 */
export function meetingActions(role: StaffRole, status: MeetingStatus): MeetingActions {
  const admin = role === 'administrator';
  const step = (to: MeetingStatus) =>
    admin && MEETING_STATUS_MACHINE.can(status, to, 'administrator');
  return {
    publish: step('agenda_published'),
    editAgenda: (admin || role === 'legal_expert') && agendaIsOpen(status),
    recordAttendance: admin && attendanceIsOpen(status),
    recordRecusal: admin && (agendaIsOpen(status) || status === 'held'),
    markHeld: step('held'),
    decide: admin && status === 'held',
    writeMinutes: admin && status === 'held',
    approveMinutes: step('minutes_approved'),
    cancel: step('cancelled'),
    comment: status !== 'minutes_approved' && status !== 'cancelled',
  };
}
