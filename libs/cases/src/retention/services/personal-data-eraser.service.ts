import { unlink } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationOutbox } from '@app/notifications';
import { ERASED_FILE_NAME, ERASED_TEXT } from '../domain/personal-data-erasure';
import { EvidenceStore } from '../../evidence/services/evidence-store.service';

/**
 * Erases the personal data of one case: contact details, description, helper's name, message
 * texts, staff notes, the texts and contact of its referrals, its evidence files (rows kept,
 * marked erased), referral documents, and the emails to the reporter (they hold the address).
 * A mediator who filed the report stops following it (their consent goes with the rest); the
 * link to the mediator and organisation is not the person's data and stays.
 * What the statistics count (taxonomy codes, statuses, dates, history) is kept, so the yearly
 * figures do not move. The history never holds personal data and stays append-only.
 */
@Injectable()
export class PersonalDataEraser {
  constructor(
    private readonly store: EvidenceStore,
    private readonly outbox: NotificationOutbox,
  ) {}

  /**
   * Runs in the caller's transaction; false when the case was already erased (nothing done).
   * Files are deleted last, just before the commit: a failed commit leaves rows to erase on
   * the next run, never rows marked erased whose files remain.
   */
  async erase(manager: EntityManager, caseId: string, now: Date): Promise<boolean> {
    const [erased] = (await manager.query(
      `UPDATE cases
       SET contact_name_enc = NULL, contact_email_enc = NULL, contact_phone_enc = NULL,
           description = $2, helper_name_enc = NULL, personal_data_erased_at = $3, updated_at = $3,
           mediator_may_follow = false,
           outcome_message = CASE WHEN outcome_message IS NULL THEN NULL ELSE $2 END
       WHERE id = $1 AND personal_data_erased_at IS NULL
       RETURNING id`,
      [caseId, ERASED_TEXT, now],
    )) as [{ id: string }[], number];
    if (erased.length === 0) return false;

    await manager.query(`UPDATE case_messages SET body = $2 WHERE case_id = $1`, [
      caseId,
      ERASED_TEXT,
    ]);
    // Notes refuse UPDATE (append-only); erasing a case's personal data is the one way they go.
    await manager.query(`DELETE FROM case_notes WHERE case_id = $1`, [caseId]);
    await manager.query(
      `UPDATE case_referrals
       SET recommendation = $2, summary = CASE WHEN summary IS NULL THEN NULL ELSE $2 END,
           answer_text = NULL, contact_email_enc = NULL
       WHERE case_id = $1`,
      [caseId, ERASED_TEXT],
    );
    const evidence = (await manager.query(
      `UPDATE case_evidence SET original_name = $2, erased_at = $3
       WHERE case_id = $1 AND erased_at IS NULL RETURNING id`,
      [caseId, ERASED_FILE_NAME, now],
    )) as [{ id: string }[], number];
    const documents = (await manager.query(
      `DELETE FROM referral_documents WHERE case_id = $1 RETURNING id`,
      [caseId],
    )) as [{ id: string }[], number];
    // Emails to the reporter carry their address; staff and institution emails carry none.
    await this.outbox.forgetReporterMail(manager, caseId);
    const files = [...evidence[0], ...documents[0]].map((row) => row.id);
    await Promise.all(
      files.map((id) =>
        unlink(this.store.pathOf(id)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        }),
      ),
    );
    return true;
  }
}
