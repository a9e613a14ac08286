import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  WorkingCalendar,
  installationDate,
  stageDueDay,
  stageWorkingDays,
} from '@app/core';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';
import type { HistoryActorKind } from '../../workflow/domain/history-actor';
import type { ClockEvent } from '../entities/case-clock-event.entity';
import { ClockStage, StageTargets, stageTargets } from '../domain/clock-stages';
import { CaseClock } from '../entities/case-clock.entity';
import { WorkingCalendarService } from './working-calendar.service';

/** The case a clock belongs to, as far as the clock needs it. */
export interface ClockedCase {
  id: string;
  status: CaseStatus;
}

/**
 * Starts, pauses, resumes and stops the clocks of cases, always in the caller's transaction
 * and always with an event for the case's history (`case_clock_events`, shown to staff beside
 * the status changes). Callers hold the case row's lock, so a case's clock changes one at a
 * time.
 */
@Injectable()
export class CaseClocks {
  private readonly targets: StageTargets;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly calendars: WorkingCalendarService,
  ) {
    this.targets = stageTargets(config.clocks);
  }

  running(manager: EntityManager, caseId: string): Promise<CaseClock | null> {
    return manager
      .createQueryBuilder(CaseClock, 'c')
      .setLock('pessimistic_write')
      .where('c.caseId = :caseId AND c.stoppedAt IS NULL', { caseId })
      .getOne();
  }

  async start(
    manager: EntityManager,
    row: ClockedCase,
    stage: ClockStage,
    at: Date,
    actor: HistoryActorKind = 'system',
  ): Promise<CaseClock> {
    const calendar = await this.calendars.calendar(manager);
    const startDay = installationDate(at);
    const targetDays = this.targets[stage];
    const clock = manager.create(CaseClock, {
      id: randomUUID(),
      caseId: row.id,
      stage,
      startedAt: at,
      startDay,
      targetDays,
      dueDay: stageDueDay(calendar, { startDay, targetDays, pausedDays: 0 }),
      pausedAt: null,
      pausedDay: null,
      pausedDays: 0,
      stoppedAt: null,
      stopDay: null,
      workingDays: null,
      breachedAt: null,
      reminderSentAt: null,
      overdueSentAt: null,
    });
    await manager.query(
      `INSERT INTO case_clocks (id, case_id, stage, started_at, start_day, target_days, due_day,
         paused_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0)`,
      [
        clock.id,
        clock.caseId,
        clock.stage,
        clock.startedAt,
        clock.startDay,
        targetDays,
        clock.dueDay,
      ],
    );
    await this.record(manager, row, clock, 'started', at, actor);
    return clock;
  }

  /** Stops the running clock (resuming it first when paused); none running: nothing. */
  async stop(
    manager: EntityManager,
    row: ClockedCase,
    at: Date,
    actor: HistoryActorKind = 'system',
  ): Promise<CaseClock | null> {
    const clock = await this.running(manager, row.id);
    if (!clock) return null;
    const calendar = await this.calendars.calendar(manager);
    const stopDay = installationDate(at);
    this.foldPause(calendar, clock, stopDay);
    clock.stoppedAt = at;
    clock.stopDay = stopDay;
    clock.workingDays = stageWorkingDays(calendar, clock, stopDay);
    await this.save(manager, clock);
    await this.record(manager, row, clock, 'stopped', at, actor);
    return clock;
  }

  /** The case now waits for the reporter: the running clock pauses (once). */
  async pause(manager: EntityManager, row: ClockedCase, at: Date, actor: HistoryActorKind) {
    const clock = await this.running(manager, row.id);
    if (!clock || clock.pausedAt) return null;
    clock.pausedAt = at;
    clock.pausedDay = installationDate(at);
    await this.save(manager, clock);
    await this.record(manager, row, clock, 'paused', at, actor);
    return clock;
  }

  /**
   * The reporter answered (or waited too long): the clock runs again, its due date later by
   * the working days it was paused.
   */
  async resume(manager: EntityManager, row: ClockedCase, at: Date, actor: HistoryActorKind) {
    const clock = await this.running(manager, row.id);
    if (!clock?.pausedAt) return null;
    const calendar = await this.calendars.calendar(manager);
    this.foldPause(calendar, clock, installationDate(at));
    await this.save(manager, clock);
    await this.record(manager, row, clock, 'resumed', at, actor);
    return clock;
  }

  /** Records the breach of a clock the daily check found past its due date. */
  async breach(manager: EntityManager, row: ClockedCase, clock: CaseClock, at: Date) {
    await this.record(manager, row, clock, 'breached', at, 'system');
  }

  private foldPause(calendar: WorkingCalendar, clock: CaseClock, today: string): void {
    if (!clock.pausedDay) return;
    clock.pausedDays += Math.max(0, calendar.workingDaysBetween(clock.pausedDay, today));
    clock.pausedAt = null;
    clock.pausedDay = null;
    clock.dueDay = stageDueDay(calendar, clock);
  }

  private async save(manager: EntityManager, clock: CaseClock): Promise<void> {
    await manager.update(
      CaseClock,
      { id: clock.id },
      {
        dueDay: clock.dueDay,
        pausedAt: clock.pausedAt,
        pausedDay: clock.pausedDay,
        pausedDays: clock.pausedDays,
        stoppedAt: clock.stoppedAt,
        stopDay: clock.stopDay,
        workingDays: clock.workingDays,
      },
    );
  }

  private async record(
    manager: EntityManager,
    row: ClockedCase,
    clock: CaseClock,
    event: ClockEvent,
    at: Date,
    actor: HistoryActorKind,
  ): Promise<void> {
    // Plain SQL: every report and every step of a case writes one.
    await manager.query(
      `INSERT INTO case_clock_events (case_id, clock_id, at, event, actor_kind, stage, due_day,
         working_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.id, clock.id, at, event, actor, clock.stage, clock.dueDay, clock.workingDays],
    );
  }
}
