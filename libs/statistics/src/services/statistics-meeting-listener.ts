import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { installationYear } from '@app/core';
import type { MeetingEventListener, MeetingHeldEvent } from '@app/meetings';
import { ALL_SCOPE } from '../domain/counter-key';
import { applyDeltas } from './counter-store';

/**
 * Counts Technical Group meetings held, in the year the Group met (in the installation's time
 * zone), in the same transaction.
 */
@Injectable()
export class StatisticsMeetingListener implements MeetingEventListener {
  readonly keepsMeetingCounts = true;

  async afterHeld(manager: EntityManager, event: MeetingHeldEvent): Promise<void> {
    await applyDeltas(manager, [
      {
        scope: ALL_SCOPE,
        year: installationYear(event.scheduledAt),
        dimension: 'meetings',
        key: 'all',
        metric: 'held',
        delta: 1,
      },
    ]);
  }
}
