import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface MeetingHeldEvent {
  meetingId: string;
  /** When the Group met: the count goes to the year of this day (installation's time zone). */
  scheduledAt: Date;
  at: Date;
}

/**
 * Someone who reacts to meetings inside the same transaction (the count of meetings held).
 * Wired where an app is composed (`MeetingEventsModule.forRoot({ listeners })`).
 */
export interface MeetingEventListener {
  /** True on the one listener that keeps the published count of meetings held. */
  readonly keepsMeetingCounts?: boolean;
  afterHeld?(manager: EntityManager, event: MeetingHeldEvent): Promise<void>;
}

export const MEETING_EVENT_LISTENERS = Symbol('MEETING_EVENT_LISTENERS');

export class MeetingEventsCompositionError extends Error {}

/** Refuses a composition in which meetings held would not be counted exactly once. */
export function checkMeetingEventListeners(listeners: readonly MeetingEventListener[]): void {
  const counting = listeners.filter((listener) => listener.keepsMeetingCounts === true).length;
  if (counting === 1) return;
  const wired = listeners.map((listener) => listener.constructor.name).join(', ') || 'none';
  throw new MeetingEventsCompositionError(
    counting === 0
      ? `Meeting events: no listener keeps the count of meetings held (listeners: ${wired}): add ` +
          `StatisticsMeetingListener to MeetingEventsModule.forRoot({ listeners }) where the app is composed.`
      : `Meeting events: ${counting} listeners keep the count of meetings held (listeners: ${wired}); ` +
          `each meeting would be counted ${counting} times.`,
  );
}

/** The meetings lib announces what happens to meetings; the app hands it the listeners. */
@Injectable()
export class MeetingEvents implements OnModuleInit {
  constructor(
    @Inject(MEETING_EVENT_LISTENERS) private readonly listeners: readonly MeetingEventListener[],
  ) {}

  onModuleInit(): void {
    checkMeetingEventListeners(this.listeners);
  }

  async held(manager: EntityManager, event: MeetingHeldEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterHeld?.(manager, event);
  }
}
