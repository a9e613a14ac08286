import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { stagesStoppedAt } from '@app/cases';
import type {
  CaseEventListener,
  CaseStatusChangedEvent,
  CaseSubmittedEvent,
  ReferralAnsweredEvent,
  ReferralsCreatedEvent,
} from '@app/cases';
import {
  CaseFacts,
  OutcomeRecord,
  isOutcome,
  referralAnsweredDeltas,
  referralsSentDeltas,
  statusChangeDeltas,
  submittedDeltas,
} from '../domain/case-deltas';
import { StatCaseOutcome } from '../entities/stat-case-outcome.entity';
import { factsOf } from './case-facts';
import { applyDeltas } from './counter-store';

/**
 * Moves the counters with every case event, inside the transaction of the change: a count is
 * never ahead of or behind the cases it counts. Every process that can change a case wires it
 * (`CaseEventsModule.forRoot({ listeners })`); the cases lib refuses to start without it.
 */
@Injectable()
export class StatisticsCaseListener implements CaseEventListener {
  readonly keepsCaseCounts = true;

  async afterSubmitted(manager: EntityManager, event: CaseSubmittedEvent): Promise<void> {
    await applyDeltas(manager, submittedDeltas(factsOf(event.case), event.grounds));
  }

  async afterStatusChanged(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void> {
    await recordStatusChange(manager, event.case.id, factsOf(event.case), {
      from: event.from,
      to: event.to,
      at: event.at,
      closureReason: event.case.closureReason ?? null,
    });
    await countStoppedStages(manager, event.case.id, event.case.year, event.at);
  }

  async afterReferralsCreated(manager: EntityManager, event: ReferralsCreatedEvent): Promise<void> {
    if (event.referrals.length === 0) return;
    const facts = factsOf(event.case);
    const imported = (await manager.query(
      `SELECT institution_code FROM stat_imported_referrals WHERE case_id = $1`,
      [event.case.id],
    )) as { institution_code: string }[];
    const seen = new Set([
      ...event.earlierInstitutionCodes,
      ...imported.map((r) => r.institution_code),
    ]);
    const sent = event.referrals.map((r) => {
      const first = !seen.has(r.institutionCode);
      seen.add(r.institutionCode);
      return { institutionCode: r.institutionCode, sentAt: r.sentAt, firstToInstitution: first };
    });
    await applyDeltas(manager, referralsSentDeltas(facts, sent));
  }

  async afterReferralAnswered(manager: EntityManager, event: ReferralAnsweredEvent): Promise<void> {
    await applyDeltas(
      manager,
      referralAnsweredDeltas(factsOf(event.case), {
        institutionCode: event.institutionCode,
        sentAt: event.sentAt,
        responseDueDate: event.dueDate,
        answeredAt: event.answeredAt,
        outcome: event.outcome,
      }),
    );
    await countStoppedStages(manager, event.case.id, event.case.year, event.answeredAt);
  }
}

/**
 * Adds the stages whose clock this change stopped to the timeliness histogram
 * (`stat_stage_days`). The case clock listener runs before this one in every composition, so
 * the clocks are stopped when this reads them.
 */
/**
 * The clocks already counted in each transaction: assigning a new case takes two transitions in
 * one transaction, often in the same millisecond, and the second must not count the first's
 * stage again.
 */
const countedIn = new WeakMap<EntityManager, Set<string>>();

async function countStoppedStages(
  manager: EntityManager,
  caseId: string,
  year: number,
  at: Date,
): Promise<void> {
  let counted = countedIn.get(manager);
  if (!counted) countedIn.set(manager, (counted = new Set()));
  for (const stopped of await stagesStoppedAt(manager, caseId, at)) {
    if (counted.has(stopped.clockId)) continue;
    counted.add(stopped.clockId);
    await manager.query(
      `INSERT INTO stat_stage_days (year, stage, days, count, within) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (year, stage, days)
       DO UPDATE SET count = stat_stage_days.count + 1, within = stat_stage_days.within + EXCLUDED.within`,
      [year, stopped.stage, stopped.workingDays, stopped.withinTarget ? 1 : 0],
    );
  }
}

/**
 * Applies a status change to the counters and keeps the case's current outcome record (what a
 * later reopen must take back). Shared by the live listener and the import.
 */
export async function recordStatusChange(
  manager: EntityManager,
  caseId: string,
  facts: CaseFacts,
  change: { from: string; to: string; at: Date; closureReason: string | null },
): Promise<void> {
  if (change.from === change.to) return;
  let previous: OutcomeRecord | null = null;
  if (isOutcome(change.from)) {
    const record = await manager.findOne(StatCaseOutcome, { where: { caseId } });
    if (record) {
      previous = {
        outcome: record.outcome,
        closureReason: record.closureReason,
        decidedAt: record.decidedAt,
      };
      await manager.delete(StatCaseOutcome, { caseId });
    }
  }
  const deltas = statusChangeDeltas(facts, { ...change, previous });
  if (isOutcome(change.to)) {
    await manager.insert(StatCaseOutcome, {
      caseId,
      outcome: change.to,
      closureReason: change.to === 'closed' ? change.closureReason : null,
      decidedAt: change.at,
    });
  }
  await applyDeltas(manager, deltas.counters, deltas.outcomeDays);
}
