import { DynamicModule, Global, Module, ModuleMetadata, Type } from '@nestjs/common';
import {
  MEETING_EVENT_LISTENERS,
  MeetingEventListener,
  MeetingEvents,
} from './services/meeting-events';

export interface MeetingEventsOptions {
  /** Modules that export the listeners. */
  imports?: ModuleMetadata['imports'];
  /** Every listener of meeting events in this process, in the order they run. */
  listeners: Type<MeetingEventListener>[];
}

/**
 * Where an app says who reacts to meetings inside their transaction; it refuses to start
 * without the listener that counts meetings held.
 */
@Global()
@Module({})
export class MeetingEventsModule {
  static forRoot(options: MeetingEventsOptions): DynamicModule {
    return {
      module: MeetingEventsModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: MEETING_EVENT_LISTENERS,
          useFactory: (...listeners: MeetingEventListener[]) => listeners,
          inject: options.listeners,
        },
        MeetingEvents,
      ],
      exports: [MeetingEvents],
    };
  }
}
