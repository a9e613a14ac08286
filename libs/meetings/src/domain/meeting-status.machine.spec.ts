import {
  MEETING_STATUSES,
  MEETING_STATUS_MACHINE,
  MeetingStatus,
  agendaIsOpen,
  attendanceIsOpen,
  visibleToMembers,
} from './meeting-status.machine';

describe('Meeting status machine', () => {
  it('runs planned → agenda_published → held → minutes_approved, for administrators', () => {
    expect(MEETING_STATUS_MACHINE.can('planned', 'agenda_published', 'administrator')).toBe(true);
    expect(MEETING_STATUS_MACHINE.can('agenda_published', 'held', 'administrator')).toBe(true);
    expect(MEETING_STATUS_MACHINE.can('held', 'minutes_approved', 'administrator')).toBe(true);
  });

  it('cancels only a meeting not yet held', () => {
    const cancellable = MEETING_STATUSES.filter((s) =>
      MEETING_STATUS_MACHINE.exists(s, 'cancelled'),
    );
    expect(cancellable).toEqual(['planned', 'agenda_published']);
  });

  it('never leaves held except to approve the minutes, and never skips publishing', () => {
    expect(MEETING_STATUS_MACHINE.allowedFrom('held')).toEqual(['minutes_approved']);
    expect(MEETING_STATUS_MACHINE.exists('planned', 'held')).toBe(false);
    expect(MEETING_STATUS_MACHINE.allowedFrom('minutes_approved')).toEqual([]);
    expect(MEETING_STATUS_MACHINE.allowedFrom('cancelled')).toEqual([]);
  });

  it('keeps the agenda open until the meeting is held, attendance until the minutes are approved', () => {
    const open = (rule: (s: MeetingStatus) => boolean) => MEETING_STATUSES.filter(rule);
    expect(open(agendaIsOpen)).toEqual(['planned', 'agenda_published']);
    expect(open(attendanceIsOpen)).toEqual(['agenda_published', 'held']);
  });

  it('shows a meeting to members only once its agenda is published', () => {
    expect(visibleToMembers({ agendaPublishedAt: null })).toBe(false);
    expect(visibleToMembers({ agendaPublishedAt: new Date() })).toBe(true);
  });
});
