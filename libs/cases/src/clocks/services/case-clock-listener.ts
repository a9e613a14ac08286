import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { CaseReferral } from '../../referrals/entities/case-referral.entity';
import {
  CaseEventListener,
  CaseMessagePostedEvent,
  CaseStatusChangedEvent,
  CaseSubmittedEvent,
  ReferralAnsweredEvent,
} from '../../workflow/services/case-events';
import { stageOfStatus } from '../domain/clock-stages';
import { CaseClocks } from './case-clocks';

/**
 * Keeps each case's clock in step with the case, in the transaction of the change: a report
 * starts the triage clock, every status change stops the running clock and starts the next
 * stage's, the last institution's answer starts the closing clock. A staff message asks the
 * reporter something: the clock pauses until the reporter answers (or the daily check gives up
 * waiting, `CLOCK_REPORTER_WAIT_DAYS`).
 */
@Injectable()
export class CaseClockListener implements CaseEventListener {
  constructor(
    private readonly clock: Clock,
    private readonly clocks: CaseClocks,
  ) {}

  async afterSubmitted(manager: EntityManager, event: CaseSubmittedEvent): Promise<void> {
    await this.clocks.start(manager, event.case, 'triage', event.case.submittedAt);
  }

  async afterStatusChanged(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void> {
    await this.clocks.stop(manager, event.case, event.at, event.by);
    const next = stageOfStatus(event.to);
    if (next) await this.clocks.start(manager, event.case, next, event.at, event.by);
  }

  async afterMessagePosted(manager: EntityManager, event: CaseMessagePostedEvent): Promise<void> {
    // The message's own time: the same clock stamped it in this transaction.
    const at = this.clock.now();
    if (event.author === 'staff') await this.clocks.pause(manager, event.case, at, 'staff');
    else await this.clocks.resume(manager, event.case, at, 'reporter');
  }

  async afterReferralAnswered(manager: EntityManager, event: ReferralAnsweredEvent): Promise<void> {
    const waiting = await manager
      .createQueryBuilder(CaseReferral, 'r')
      .where('r.caseId = :caseId', { caseId: event.case.id })
      .andWhere(`r.status IN ('sent', 'overdue')`)
      .andWhere('r.id <> :answered', { answered: event.referralId })
      .getCount();
    if (waiting > 0) return;
    const running = await this.clocks.running(manager, event.case.id);
    if (running?.stage !== 'institution_answer') return;
    await this.clocks.stop(manager, event.case, event.answeredAt, 'institution');
    await this.clocks.start(manager, event.case, 'closing', event.answeredAt, 'institution');
  }
}
