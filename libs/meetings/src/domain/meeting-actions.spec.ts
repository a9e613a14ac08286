import { meetingActions } from './meeting-actions';

describe('Meeting actions', () => {
  it('lets administrators run the meeting step by step', () => {
    expect(meetingActions('administrator', 'planned')).toMatchObject({
      publish: true,
      editAgenda: true,
      recordAttendance: false,
      markHeld: false,
      decide: false,
      cancel: true,
    });
    expect(meetingActions('administrator', 'agenda_published')).toMatchObject({
      publish: false,
      recordAttendance: true,
      markHeld: true,
      decide: false,
    });
    expect(meetingActions('administrator', 'held')).toMatchObject({
      editAgenda: false,
      decide: true,
      writeMinutes: true,
      approveMinutes: true,
      cancel: false,
    });
  });

  it('lets legal experts edit the agenda only, and members only comment', () => {
    const expert = meetingActions('legal_expert', 'agenda_published');
    expect(expert.editAgenda).toBe(true);
    expect(expert.publish || expert.decide || expert.recordAttendance).toBe(false);
    const member = meetingActions('technical_group_member', 'agenda_published');
    expect(Object.entries(member).filter(([, allowed]) => allowed)).toEqual([['comment', true]]);
  });

  it('allows nothing but reading once the minutes are approved', () => {
    const approved = meetingActions('administrator', 'minutes_approved');
    expect(Object.values(approved).some(Boolean)).toBe(false);
  });
});
