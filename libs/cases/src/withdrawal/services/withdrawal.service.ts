import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import type { CaseWithdrawalDto } from '../dto/withdrawal.dto';
import { mayEraseOnRequest, mayWithdraw } from '../../retention/domain/personal-data-erasure';
import { Case } from '../../common/entities/case.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { CaseAccessDeniedError } from '../../staff-cases/exceptions/case-access.errors';
import { CaseNotWithdrawableError, CaseStillOpenError } from '../exceptions/withdrawal.errors';
import { CaseEvents } from '../../workflow/services/case-events';
import { FollowUpAccessService } from '../../follow-up/services/follow-up-access.service';
import { PersonalDataEraser } from '../../retention/services/personal-data-eraser.service';

function outcome(row: Case): CaseWithdrawalDto {
  return {
    reference: row.reference,
    status: row.status,
    closureReason: row.closureReason,
    personalDataErased: row.personalDataErasedAt !== null,
  };
}

/**
 * What a reporter can do to end their case: withdraw it (it is closed with the reason
 * `withdrawn`, the reporter as the actor of the history entry), and have their personal data
 * erased at once. The withdrawal is the status machine's `→ closed` step taken by its
 * `reporter` actor (`mayWithdraw` asks the machine); it has no audit entry and no e-mail, as
 * the reporter is the one who asked. The case and its counts stay.
 */
@Injectable()
export class WithdrawalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: FollowUpAccessService,
    private readonly events: CaseEvents,
    private readonly eraser: PersonalDataEraser,
  ) {}

  async withdrawWithCode(
    reference: string,
    receiptCode: string,
    clientKey: string,
    erase: boolean,
  ): Promise<CaseWithdrawalDto> {
    return this.withdraw(await this.access.verify(reference, receiptCode, clientKey), erase);
  }

  async eraseWithCode(
    reference: string,
    receiptCode: string,
    clientKey: string,
  ): Promise<CaseWithdrawalDto> {
    return this.erase(await this.access.verify(reference, receiptCode, clientKey));
  }

  /** Closes the case as withdrawn (a repeat of a withdrawal changes nothing more). */
  withdraw(caseId: string, erase: boolean): Promise<CaseWithdrawalDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, caseId);
      const now = this.clock.now();
      const repeated = row.status === 'closed' && row.closureReason === 'withdrawn';
      if (!repeated) {
        if (!mayWithdraw(row.status)) throw new CaseNotWithdrawableError();
        await this.close(manager, row, now);
      }
      if (erase && (await this.eraser.erase(manager, row.id, now))) row.personalDataErasedAt = now;
      return outcome(row);
    });
  }

  /** Erases the personal data of a case that is no longer handled. */
  erase(caseId: string): Promise<CaseWithdrawalDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lock(manager, caseId);
      if (!mayEraseOnRequest(row.status)) throw new CaseStillOpenError();
      const now = this.clock.now();
      if (await this.eraser.erase(manager, row.id, now)) row.personalDataErasedAt = now;
      return outcome(row);
    });
  }

  private async lock(manager: EntityManager, caseId: string): Promise<Case> {
    const row = await manager.findOne(Case, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw new CaseAccessDeniedError();
    return row;
  }

  private async close(manager: EntityManager, row: Case, now: Date): Promise<void> {
    const from = row.status;
    const [updated] = (await manager.query(
      `UPDATE cases SET status = 'closed', closure_reason = 'withdrawn', version = version + 1,
              updated_at = $2
       WHERE id = $1 RETURNING version`,
      [row.id, now],
    )) as [{ version: number }[], number];
    Object.assign(row, {
      status: 'closed',
      closureReason: 'withdrawn',
      version: updated[0].version,
      updatedAt: now,
    });
    await manager.insert(CaseHistoryEntry, {
      caseId: row.id,
      at: now,
      actorKind: 'reporter',
      actorId: null,
      fromStatus: from,
      toStatus: 'closed',
      reason: 'withdrawn',
      public: true,
      event: 'status_changed',
      referralId: null,
    });
    await this.events.statusChanged(manager, {
      case: row,
      from,
      to: 'closed',
      at: now,
      by: 'reporter',
      actorId: null,
      reason: 'withdrawn',
    });
  }
}
