import { STAFF_ROLES, type StaffRole } from '@app/core';
import { MeetingActionForbiddenError } from '../exceptions/meeting.errors';
import { MEETING_COMMANDS, MeetingCommand, MeetingPermissions } from './meeting-permissions';
import { MEETING_STATUSES, MeetingStatus } from './meeting-status.machine';

/** Every role × command, written out: a change to the table must change this too. */
const EXPECTED: Record<StaffRole, readonly MeetingCommand[]> = {
  administrator: MEETING_COMMANDS,
  legal_expert: ['editAgenda', 'comment'],
  technical_group_member: ['comment'],
};

/** The commands each status leaves open (to an administrator, who may use them all). */
const OPEN: Record<MeetingStatus, readonly MeetingCommand[]> = {
  planned: ['publish', 'editAgenda', 'recordRecusal', 'cancel', 'comment'],
  agenda_published: [
    'editAgenda',
    'recordAttendance',
    'recordRecusal',
    'markHeld',
    'cancel',
    'comment',
  ],
  held: [
    'recordAttendance',
    'recordRecusal',
    'decide',
    'writeMinutes',
    'approveMinutes',
    'comment',
  ],
  minutes_approved: [],
  cancelled: [],
};

describe('MeetingPermissions', () => {
  describe.each(STAFF_ROLES)('%s', (role) => {
    it.each(MEETING_COMMANDS)('%s', (command) => {
      const allowed = EXPECTED[role].includes(command);
      expect(MeetingPermissions.may(role, command)).toBe(allowed);
      const check = () => MeetingPermissions.require({ role }, command);
      if (allowed) expect(check).not.toThrow();
      else expect(check).toThrow(MeetingActionForbiddenError);
    });

    it.each(MEETING_STATUSES)(
      'offers on a %s meeting only what role and status allow',
      (status) => {
        const actions = MeetingPermissions.actions(role, status);
        const offered = Object.entries(actions)
          .filter(([, allowed]) => allowed)
          .map(([command]) => command)
          .sort();
        const expected = OPEN[status].filter((c) => EXPECTED[role].includes(c)).sort();
        expect(offered).toEqual(expected);
      },
    );
  });

  it.each(STAFF_ROLES.flatMap((role) => MEETING_STATUSES.map((status) => [role, status] as const)))(
    '%s reads a %s meeting (and its minutes) as DESIGN §6 says',
    (role, status) => {
      const member = role === 'technical_group_member';
      for (const agendaPublishedAt of [null, new Date()]) {
        const meeting = { status, agendaPublishedAt };
        expect(MeetingPermissions.mayRead(role, meeting)).toBe(
          !member || agendaPublishedAt !== null,
        );
        expect(MeetingPermissions.mayReadMinutes(role, meeting)).toBe(
          !member || status === 'minutes_approved',
        );
      }
    },
  );

  it('answers 403 with its own code', () => {
    expect(() => MeetingPermissions.require({ role: 'legal_expert' }, 'decide')).toThrow(
      expect.objectContaining({ status: 403, code: 'meeting_action_forbidden' }),
    );
  });

  it('lets members read a meeting once its agenda is published, minutes once approved', () => {
    const planned = { status: 'planned' as const, agendaPublishedAt: null };
    const held = { status: 'held' as const, agendaPublishedAt: new Date() };
    const approved = { status: 'minutes_approved' as const, agendaPublishedAt: new Date() };
    expect(MeetingPermissions.mayRead('technical_group_member', planned)).toBe(false);
    expect(MeetingPermissions.mayRead('technical_group_member', held)).toBe(true);
    expect(MeetingPermissions.mayRead('legal_expert', planned)).toBe(true);
    expect(MeetingPermissions.mayRead('administrator', planned)).toBe(true);
    expect(MeetingPermissions.mayReadUnpublished('technical_group_member')).toBe(false);
    expect(MeetingPermissions.mayReadUnpublished('legal_expert')).toBe(true);
    expect(MeetingPermissions.mayReadUnpublished('administrator')).toBe(true);
    expect(MeetingPermissions.mayReadMinutes('technical_group_member', held)).toBe(false);
    expect(MeetingPermissions.mayReadMinutes('technical_group_member', approved)).toBe(true);
    expect(MeetingPermissions.mayReadMinutes('legal_expert', held)).toBe(true);
  });

  describe('agenda items of a case', () => {
    const admin = { id: 'a', role: 'administrator' as const };
    const expert = { id: 'e', role: 'legal_expert' as const };
    const member = { id: 'm', role: 'technical_group_member' as const };

    it('lets a legal expert put only their own case on the agenda', () => {
      expect(MeetingPermissions.mayPutCaseOnAgenda(expert, { assigneeId: 'e' })).toBe(true);
      expect(MeetingPermissions.mayPutCaseOnAgenda(expert, { assigneeId: 'x' })).toBe(false);
      expect(MeetingPermissions.mayPutCaseOnAgenda(admin, { assigneeId: 'x' })).toBe(true);
      expect(MeetingPermissions.mayPutCaseOnAgenda(member, { assigneeId: 'm' })).toBe(false);
    });

    it('lets a legal expert remove an item they added or of their case', () => {
      const may = (
        actor: typeof admin | typeof expert | typeof member,
        addedBy: string,
        assigneeId: string | null,
      ) => MeetingPermissions.mayRemoveItem(actor, { addedBy, assigneeId });
      expect(may(expert, 'e', 'x')).toBe(true);
      expect(may(expert, 'x', 'e')).toBe(true);
      expect(may(expert, 'x', null)).toBe(false);
      expect(may(admin, 'x', null)).toBe(true);
      expect(may(member, 'm', 'm')).toBe(false);
    });
  });
});
