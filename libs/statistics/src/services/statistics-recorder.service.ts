import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { kosovoYear } from '@app/core';
import { ALL_SCOPE } from '../domain/counter-key';
import { applyDeltas } from './counter-store';

/**
 * What other libs call to move statistics in their own transaction. Case events reach the
 * counters through the listener registered on CaseEvents; meetings call this directly.
 */
@Injectable()
export class StatisticsRecorder {
  /**
   * A Technical Group meeting was held (+1) or a holding was undone (-1), counted in the Kosovo
   * year of `heldAt`. Call it in the transaction that records the meeting as held.
   */
  async meetingHeld(manager: EntityManager, heldAt: Date, delta: 1 | -1): Promise<void> {
    await applyDeltas(manager, [
      {
        scope: ALL_SCOPE,
        year: kosovoYear(heldAt),
        dimension: 'meetings',
        key: 'all',
        metric: 'held',
        delta,
      },
    ]);
  }
}
