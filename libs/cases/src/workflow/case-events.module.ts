import { DynamicModule, Global, Module, ModuleMetadata, Type } from '@nestjs/common';
import { CASE_EVENT_LISTENERS, CaseEventListener, CaseEvents } from './services/case-events';

export interface CaseEventsOptions {
  /** Modules that export the listeners. */
  imports?: ModuleMetadata['imports'];
  /** Every listener of case events in this process, in the order they run. */
  listeners: Type<CaseEventListener>[];
}

/**
 * Where an app says who reacts to case changes inside their transaction. Global, so the one
 * `CaseEvents` of the process is the one every cases service (server, worker, CLI) announces
 * to; it refuses to start without the listener that keeps the statistics.
 */
@Global()
@Module({})
export class CaseEventsModule {
  static forRoot(options: CaseEventsOptions): DynamicModule {
    return {
      module: CaseEventsModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: CASE_EVENT_LISTENERS,
          useFactory: (...listeners: CaseEventListener[]) => listeners,
          inject: options.listeners,
        },
        CaseEvents,
      ],
      exports: [CaseEvents],
    };
  }
}
