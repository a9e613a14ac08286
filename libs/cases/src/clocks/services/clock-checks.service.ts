import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, addCalendarDays, installationDate, translate } from '@app/core';
import { StaffDirectory, StaffMember } from '@app/identity';
import { NotificationOutbox, OutboxItem } from '@app/notifications';
import { displayDate } from '../../common/domain/display-date';
import { Case } from '../../common/entities/case.entity';
import { CaseLinks } from '../../notifications/services/case-links';
import { stageResponsible } from '../domain/clock-stages';
import { CaseClock } from '../entities/case-clock.entity';
import { CaseClocks } from './case-clocks';
import { WorkingCalendarService } from './working-calendar.service';

const BATCH = 100;
/** A digest names at most this many references; the link leads to the whole list. */
const DIGEST_REFERENCES = 50;

export interface ClockCheckResult {
  resumed: number;
  reminded: number;
  overdue: number;
  digests: number;
}

type Kind = 'due_soon' | 'overdue';

/**
 * The daily check of case clocks (the worker's `case-clock-check`): ends pauses that waited for
 * the reporter too long, reminds the person responsible before a due date and when it passes
 * (and records the breach), and writes the administrators' digest of what is overdue. Each
 * reminder is claimed with its clock row (`FOR UPDATE SKIP LOCKED` and a marker set in the same
 * transaction as the outbox rows), the digest by inserting the day's `clock_digests` row: so
 * however many workers run the check, at the same time or again, each is written once.
 */
@Injectable()
export class ClockChecksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly clocks: CaseClocks,
    private readonly staff: StaffDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly links: CaseLinks,
  ) {}

  async run(now: Date): Promise<ClockCheckResult> {
    const resumed = await this.endLongWaits(now);
    const reminded = await this.remind(now, 'due_soon');
    const overdue = await this.remind(now, 'overdue');
    const digests = await this.digest(now);
    return { resumed, reminded, overdue, digests };
  }

  /** Pauses longer than CLOCK_REPORTER_WAIT_DAYS end: the clock runs again without the answer. */
  private async endLongWaits(now: Date): Promise<number> {
    const today = installationDate(now);
    const wait = this.config.clocks.reporterWaitDays;
    // Working days are never more than calendar days: a cheap first cut in SQL.
    const latest = addCalendarDays(today, -wait);
    let handled = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const calendar = await this.calendars.calendar(manager);
        const paused = await this.claim(manager, (q) =>
          q.andWhere('c.pausedDay <= :latest', { latest }).orderBy('c.pausedDay', 'ASC'),
        );
        let done = 0;
        for (const clock of paused) {
          if (calendar.workingDaysBetween(clock.pausedDay!, today) < wait) continue;
          const row = await manager.findOne(Case, { where: { id: clock.caseId } });
          if (row && (await this.clocks.resume(manager, row, now, 'system'))) done += 1;
        }
        return { claimed: paused.length, done };
      });
      handled += count.done;
      if (count.claimed < BATCH || count.done === 0) return handled;
    }
  }

  private async remind(now: Date, kind: Kind): Promise<number> {
    const today = installationDate(now);
    const before = this.config.clocks.reminderDaysBefore;
    if (kind === 'due_soon' && before === 0) return 0;
    let handled = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const calendar = await this.calendars.calendar(manager);
        const clocks = await this.claim(manager, (q) => {
          q.andWhere('c.pausedAt IS NULL');
          if (kind === 'overdue') {
            return q.andWhere('c.overdueSentAt IS NULL').andWhere('c.dueDay < :today', { today });
          }
          return q
            .andWhere('c.reminderSentAt IS NULL')
            .andWhere('c.dueDay >= :today AND c.dueDay <= :soon', {
              today,
              soon: calendar.addWorkingDays(today, before),
            });
        });
        for (const clock of clocks) await this.remindOne(manager, clock, kind, now);
        return clocks.length;
      });
      handled += count;
      if (count < BATCH) return handled;
    }
  }

  /** Running clocks matching `where`, locked; rows another worker holds are skipped. */
  private claim(
    manager: EntityManager,
    where: (
      q: ReturnType<EntityManager['createQueryBuilder']>,
    ) => ReturnType<EntityManager['createQueryBuilder']>,
  ): Promise<CaseClock[]> {
    const query = manager
      .createQueryBuilder(CaseClock, 'c')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('c.stoppedAt IS NULL')
      .orderBy('c.dueDay', 'ASC');
    return (where(query) as typeof query).addOrderBy('c.id', 'ASC').limit(BATCH).getMany();
  }

  private async remindOne(
    manager: EntityManager,
    clock: CaseClock,
    kind: Kind,
    now: Date,
  ): Promise<void> {
    await manager.update(
      CaseClock,
      { id: clock.id },
      kind === 'overdue' ? { overdueSentAt: now, breachedAt: now } : { reminderSentAt: now },
    );
    const row = await manager.findOne(Case, { where: { id: clock.caseId } });
    if (!row) return;
    if (kind === 'overdue') await this.clocks.breach(manager, row, clock, now);
    const recipients = await this.responsible(manager, clock, row);
    const dueDate = displayDate(`${clock.dueDay}T12:00:00Z`);
    await this.outbox.add(
      manager,
      recipients.map((member): OutboxItem => ({
        template: kind === 'overdue' ? 'clock_overdue_staff' : 'clock_due_soon_staff',
        locale: member.locale,
        to: member.email,
        params: {
          reference: row.reference,
          stage: translate(member.locale, `clock.stage.${clock.stage}`),
          dueDate,
          caseUrl: this.links.staffCase(row.id),
        },
        caseId: row.id,
      })),
    );
  }

  /** The legal expert of the case for their stages (administrators while none), else admins. */
  private async responsible(
    manager: EntityManager,
    clock: CaseClock,
    row: Case,
  ): Promise<StaffMember[]> {
    if (stageResponsible(clock.stage) === 'assignee' && row.assigneeId) {
      const expert = await this.staff.findActive(row.assigneeId, manager);
      if (expert) return [expert];
    }
    return this.staff.activeAdministrators(manager);
  }

  /** One digest a day to the administrators, when anything is overdue. */
  private async digest(now: Date): Promise<number> {
    const today = installationDate(now);
    return this.dataSource.transaction(async (manager) => {
      const overdue = (await manager.query(
        `SELECT k.reference FROM case_clocks c JOIN cases k ON k.id = c.case_id
          WHERE c.stopped_at IS NULL AND c.paused_at IS NULL AND c.due_day < $1
          ORDER BY c.due_day, k.reference`,
        [today],
      )) as { reference: string }[];
      const claimed = (await manager.query(
        `INSERT INTO clock_digests (day, sent_at, overdue) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO NOTHING RETURNING day`,
        [today, now, overdue.length],
      )) as unknown[];
      if (claimed.length === 0 || overdue.length === 0) return 0;
      const shown = overdue.slice(0, DIGEST_REFERENCES).map((r) => r.reference);
      const references =
        overdue.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
      const admins = await this.staff.activeAdministrators(manager);
      await this.outbox.add(
        manager,
        admins.map((admin): OutboxItem => ({
          template: 'clock_digest_staff',
          locale: admin.locale,
          to: admin.email,
          params: {
            overdue: String(overdue.length),
            references,
            listUrl: this.links.staffCaseList('overdue'),
          },
        })),
      );
      return 1;
    });
  }
}
