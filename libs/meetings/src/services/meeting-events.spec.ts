import {
  MeetingEventListener,
  MeetingEvents,
  MeetingEventsCompositionError,
  checkMeetingEventListeners,
} from './meeting-events';

class Counter implements MeetingEventListener {
  readonly keepsMeetingCounts = true;
  readonly held: string[] = [];
  async afterHeld(_manager: unknown, event: { meetingId: string }): Promise<void> {
    this.held.push(event.meetingId);
  }
}

describe('Meeting events composition', () => {
  it('refuses a process without the listener that counts meetings held', () => {
    expect(() => checkMeetingEventListeners([])).toThrow(MeetingEventsCompositionError);
    expect(() => new MeetingEvents([]).onModuleInit()).toThrow(/StatisticsMeetingListener/);
  });

  it('refuses the counting listener wired twice', () => {
    expect(() => checkMeetingEventListeners([new Counter(), new Counter()])).toThrow(
      /counted 2 times/,
    );
  });

  it('announces a meeting held to the wired listener', async () => {
    const counter = new Counter();
    const events = new MeetingEvents([counter]);
    events.onModuleInit();
    await events.held({} as never, { meetingId: 'm1', scheduledAt: new Date(), at: new Date() });
    expect(counter.held).toEqual(['m1']);
  });
});
