import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CaseEventsModule } from './case-events.module';
import {
  CaseEventListener,
  CaseEvents,
  CaseEventsCompositionError,
  checkCaseEventListeners,
} from './services/case-events';

@Injectable()
class CountingListener implements CaseEventListener {
  readonly keepsCaseCounts = true;
  readonly seen: string[] = [];
  async afterReassigned(): Promise<void> {
    this.seen.push('counts');
  }
}

@Injectable()
class MailingListener implements CaseEventListener {
  readonly seen: string[] = [];
  async afterReassigned(): Promise<void> {
    this.seen.push('mail');
  }
}

@Module({
  providers: [CountingListener, MailingListener],
  exports: [CountingListener, MailingListener],
})
class ListenersModule {}

type CaseEventsModuleListeners = Parameters<typeof CaseEventsModule.forRoot>[0]['listeners'];

/** An application context with just the case events composed as given (hooks run, as at start). */
async function start(listeners: CaseEventsModuleListeners) {
  const moduleRef = await Test.createTestingModule({
    imports: [CaseEventsModule.forRoot({ imports: [ListenersModule], listeners })],
  }).compile();
  return moduleRef.init();
}

describe('Case events composition', () => {
  it('refuses a process whose listeners do not keep the statistics, naming what to wire', async () => {
    await expect(start([MailingListener])).rejects.toThrow(
      /no listener keeps the case statistics \(listeners: MailingListener\).*StatisticsCaseListener/s,
    );
    await expect(start([])).rejects.toThrow(/listeners: none/);
  });

  it('refuses the statistics listener wired twice (every change would be counted twice)', () => {
    const counting = new CountingListener();
    expect(() => checkCaseEventListeners([counting, counting])).toThrow(CaseEventsCompositionError);
  });

  it('starts with exactly one counting listener and runs every listener in the wired order', async () => {
    const app = await start([CountingListener, MailingListener]);
    const events = app.get(CaseEvents);
    const order: string[] = [];
    app.get(CountingListener).seen.push = (entry: string) => order.push(entry);
    app.get(MailingListener).seen.push = (entry: string) => order.push(entry);
    await events.reassigned({} as never, {
      case: {} as never,
      previousAssigneeId: null,
      at: new Date(),
    });
    expect(order).toEqual(['counts', 'mail']);
    await app.close();
  });
});
