import { STAFF_ROLES, rolePermissions, type StaffRole } from '@app/core';
import { MeetingActionForbiddenError } from '../exceptions/meeting.errors';
import type { MeetingFacts } from './meeting-access';
import {
  MEETING_STATUS_MACHINE,
  MeetingStatus,
  agendaIsOpen,
  attendanceIsOpen,
  visibleToMembers,
} from './meeting-status.machine';

/** The commands on meetings, each one form of the pages and one route of the API. */
export const MEETING_COMMANDS = [
  'plan',
  'publish',
  'editAgenda',
  'recordAttendance',
  'recordRecusal',
  'markHeld',
  'decide',
  'writeMinutes',
  'approveMinutes',
  'cancel',
  'comment',
] as const;
export type MeetingCommand = (typeof MEETING_COMMANDS)[number];

/** The commands on one meeting (planning one is not). */
export type MeetingActions = Record<Exclude<MeetingCommand, 'plan'>, boolean>;

const RUN: readonly StaffRole[] = ['administrator'];

/**
 * DESIGN §6: administrators run meetings (plan, publish, attendance, decisions, minutes);
 * legal experts add agenda items; members read and comment. The route guards say the same
 * (`@StaffAccess`); this table is what the services check and the pages show.
 */
const ROLES: Record<MeetingCommand, readonly StaffRole[]> = {
  plan: RUN,
  publish: RUN,
  editAgenda: ['administrator', 'legal_expert'],
  recordAttendance: RUN,
  recordRecusal: RUN,
  markHeld: RUN,
  decide: RUN,
  writeMinutes: RUN,
  approveMinutes: RUN,
  cancel: RUN,
  comment: STAFF_ROLES,
};

/** Whether the meeting's status lets the command be used now (whoever asks). */
function openAt(command: Exclude<MeetingCommand, 'plan'>, status: MeetingStatus): boolean {
  const step = (to: MeetingStatus) => MEETING_STATUS_MACHINE.can(status, to, 'administrator');
  switch (command) {
    case 'publish':
      return step('agenda_published');
    case 'editAgenda':
      return agendaIsOpen(status);
    case 'recordAttendance':
      return attendanceIsOpen(status);
    case 'recordRecusal':
      return agendaIsOpen(status) || status === 'held';
    case 'markHeld':
      return step('held');
    case 'decide':
    case 'writeMinutes':
      return status === 'held';
    case 'approveMinutes':
      return step('minutes_approved');
    case 'cancel':
      return step('cancelled');
    case 'comment':
      return status !== 'minutes_approved' && status !== 'cancelled';
  }
}

/** Who edits an agenda, as the ownership rules need them. */
export interface AgendaEditor {
  id: string;
  role: StaffRole;
}

/**
 * Every permission on Technical Group meetings, in one place: the services check it (a
 * caller that reaches them past the route guard gets the same 403), the pages ask it which
 * forms to show. The status rules decide the conflict (409) answers in the services; here
 * they only hide forms that would be refused.
 */
const BY_ROLE = rolePermissions(ROLES, () => new MeetingActionForbiddenError());

export const MeetingPermissions = {
  /** Whether the role may use the command at all. */
  may: BY_ROLE.may,

  /** Throws the meetings' 403 when the role may not use the command. */
  require: BY_ROLE.require,

  /** What the role may do on a meeting in this status now; the pages offer exactly these forms. */
  actions(role: StaffRole, status: MeetingStatus): MeetingActions {
    const entries = MEETING_COMMANDS.filter((c) => c !== 'plan').map((command) => [
      command,
      MeetingPermissions.may(role, command) && openAt(command, status),
    ]);
    return Object.fromEntries(entries) as MeetingActions;
  },

  /**
   * DESIGN §6: administrators and legal experts see every meeting, a planned agenda too;
   * Technical Group members see a meeting once its agenda is published to them.
   */
  mayReadUnpublished(role: StaffRole): boolean {
    return role !== 'technical_group_member';
  },

  mayRead(role: StaffRole, meeting: MeetingFacts): boolean {
    return MeetingPermissions.mayReadUnpublished(role) || visibleToMembers(meeting);
  },

  /** Members read the minutes once approved; staff who prepare them read the draft too. */
  mayReadMinutes(role: StaffRole, meeting: MeetingFacts): boolean {
    return role !== 'technical_group_member' || meeting.status === 'minutes_approved';
  },

  /**
   * A case already waiting for the Group joins an agenda by an administrator or by its own
   * legal expert (an assigned case is judged by the case workflow when it moves).
   */
  mayPutCaseOnAgenda(actor: AgendaEditor, facts: { assigneeId: string | null }): boolean {
    if (!MeetingPermissions.may(actor.role, 'editAgenda')) return false;
    return actor.role !== 'legal_expert' || facts.assigneeId === actor.id;
  },

  /** An item leaves the agenda by an administrator, or the legal expert who added it or has the case. */
  mayRemoveItem(
    actor: AgendaEditor,
    facts: { addedBy: string; assigneeId: string | null },
  ): boolean {
    if (!MeetingPermissions.may(actor.role, 'editAgenda')) return false;
    return (
      actor.role !== 'legal_expert' || facts.addedBy === actor.id || facts.assigneeId === actor.id
    );
  },
} as const;
