import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher, installationDate } from '@app/core';
import { newResponseToken } from '../domain/referral-token';
import { Case } from '../../common/entities/case.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { CaseReferral } from '../entities/case-referral.entity';
import { CaseEvents } from '../../workflow/services/case-events';
import { CaseLinks } from '../../notifications/services/case-links';

const OVERDUE_BATCH = 100;

/** The daily check of referrals past their due date (the worker's `referral-overdue-check`). */
@Injectable()
export class OverdueReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly events: CaseEvents,
    private readonly links: CaseLinks,
  ) {}

  /**
   * Marks referrals past their due date (the installation's calendar) as overdue and writes the reminders:
   * a new response link to the institution, a note to the legal expert. Idempotent: only
   * referrals still `sent` are touched, so a second run the same day finds none.
   */
  async markOverdue(now: Date): Promise<number> {
    const today = installationDate(now);
    let handled = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const due = await manager
          .createQueryBuilder(CaseReferral, 'r')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`r.status = 'sent'`)
          .andWhere('r.responseDueDate < :today', { today })
          .orderBy('r.responseDueDate', 'ASC')
          .addOrderBy('r.id', 'ASC')
          .limit(OVERDUE_BATCH)
          .getMany();
        for (const referral of due) await this.markOneOverdue(manager, referral, now);
        return due.length;
      });
      handled += count;
      if (count < OVERDUE_BATCH) return handled;
    }
  }

  private async markOneOverdue(
    manager: EntityManager,
    referral: CaseReferral,
    now: Date,
  ): Promise<void> {
    const row = await manager.findOne(Case, { where: { id: referral.caseId } });
    if (!row) return;
    const email = referral.contactEmailEnc
      ? this.cipher.decrypt(referral.contactEmailEnc, referral.id)
      : null;
    // Only the hash of the first link is kept, so the reminder carries a new one.
    const renewed = email ? newResponseToken() : null;
    await manager.update(
      CaseReferral,
      { id: referral.id },
      {
        status: 'overdue',
        overdueAt: now,
        ...(renewed ? { responseTokenHash: renewed.hash } : {}),
      },
    );
    await manager.insert(CaseHistoryEntry, {
      caseId: row.id,
      at: now,
      actorKind: 'system',
      actorId: null,
      fromStatus: row.status,
      toStatus: row.status,
      reason: null,
      public: false,
      event: 'referral_overdue',
      referralId: referral.id,
    });
    await this.events.referralOverdue(manager, {
      case: row,
      referralId: referral.id,
      institutionCode: referral.institutionCode,
      municipalityCode: referral.municipalityCode,
      dueDate: referral.responseDueDate,
      at: now,
      reminder:
        email && renewed
          ? { contactEmail: email, responseUrl: this.links.referralResponse(renewed.token) }
          : null,
    });
  }
}
