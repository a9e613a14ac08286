import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldCipher, Locale, columnArrays } from '@app/core';
import { MAIL_TEMPLATES, MailParams, MailTemplate } from '../domain/mail-templates';
import { OutboxMessage } from '../entities/outbox-message.entity';

/**
 * One email to write. Without a type argument it is the union of every template's item, so a
 * producer can pass items of different templates in one call and each keeps its own params.
 */
export type OutboxItem<T extends MailTemplate = MailTemplate> = T extends MailTemplate
  ? {
      template: T;
      locale: Locale;
      to: string;
      params: MailParams<T>;
      /** The case the email is about, so erasing a case's personal data can erase its mail too. */
      caseId?: string | null;
    }
  : never;

/**
 * Writes emails to the outbox inside the caller's transaction: they commit with the change
 * that causes them, or not at all. The worker's relay puts them on the queue.
 */
@Injectable()
export class NotificationOutbox {
  constructor(private readonly cipher: FieldCipher) {}

  async add(manager: EntityManager, items: readonly OutboxItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const rows = items.map((item) => {
      const spec = MAIL_TEMPLATES[item.template];
      const unexpected = Object.keys(item.params).filter(
        (key) => !(spec.params as readonly string[]).includes(key),
      );
      if (unexpected.length > 0) {
        throw new Error(`Template ${item.template} does not take ${unexpected.join(', ')}`);
      }
      const id = randomUUID();
      return {
        id,
        template: item.template,
        locale: item.locale,
        recipientKind: spec.audience,
        recipientEncrypted: this.cipher.encrypt(item.to, id),
        params: JSON.stringify(item.params),
        caseId: item.caseId ?? null,
      };
    });
    // One statement with each column as an array, whatever the number of e-mails: most changes
    // to a case write some, inside their transaction.
    await manager.query(
      `INSERT INTO notification_outbox
         (id, template, locale, recipient_kind, recipient_encrypted, params, case_id, status)
       SELECT i, t, l, k, r, p::jsonb, c, 'pending'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::uuid[]) AS m(i, t, l, k, r, p, c)`,
      columnArrays(rows, [
        'id',
        'template',
        'locale',
        'recipientKind',
        'recipientEncrypted',
        'params',
        'caseId',
      ]),
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes the emails to the reporter of a case, sent or not (they hold the address), in the
   * caller's transaction: part of erasing the case's personal data. Staff and institution
   * emails carry none and stay.
   */
  async forgetReporterMail(manager: EntityManager, caseId: string): Promise<void> {
    await manager.delete(OutboxMessage, { caseId, recipientKind: 'reporter' });
  }
}
