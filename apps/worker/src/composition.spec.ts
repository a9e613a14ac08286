import type { DynamicModule, Provider } from '@nestjs/common';
import {
  CASE_EVENT_LISTENERS,
  CaseClockListener,
  CaseEventsModule,
  CaseNotifications,
} from '@app/cases';
import { loadConfig } from '@app/core';
import { MEETING_EVENT_LISTENERS, MeetingEventsModule } from '@app/meetings';
import { StatisticsCaseListener, StatisticsMeetingListener } from '@app/statistics';
import { AppModule } from '../../server/src/app.module';
import { WorkerModule } from './worker.module';

/** The listeners an app composes into `module` (e.g. CaseEventsModule), in order. */
function listenersOf(app: DynamicModule, module: unknown, token: symbol): unknown[] | undefined {
  const events = (app.imports ?? []).find(
    (entry): entry is DynamicModule =>
      typeof entry === 'object' && entry !== null && 'module' in entry && entry.module === module,
  );
  const provider = events?.providers?.find(
    (p: Provider): p is Provider & { inject: unknown[] } =>
      typeof p === 'object' && 'provide' in p && p.provide === token,
  );
  return provider?.inject;
}

describe('What each app wires into the transaction of a change', () => {
  const config = loadConfig({});

  it('the server (and the CLI, which boots it) and the worker run the same case listeners', () => {
    const expected = [CaseClockListener, StatisticsCaseListener, CaseNotifications];
    const server = AppModule.forRoot(config);
    const worker = WorkerModule.forRoot(config);
    expect(listenersOf(server, CaseEventsModule, CASE_EVENT_LISTENERS)).toEqual(expected);
    expect(listenersOf(worker, CaseEventsModule, CASE_EVENT_LISTENERS)).toEqual(expected);
  });

  it('the server counts meetings held through a meeting listener; the worker has no meetings', () => {
    const server = AppModule.forRoot(config);
    const worker = WorkerModule.forRoot(config);
    expect(listenersOf(server, MeetingEventsModule, MEETING_EVENT_LISTENERS)).toEqual([
      StatisticsMeetingListener,
    ]);
    expect(listenersOf(worker, MeetingEventsModule, MEETING_EVENT_LISTENERS)).toBeUndefined();
  });
});
