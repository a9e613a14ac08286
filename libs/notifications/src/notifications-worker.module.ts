import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMessages } from '@app/core';
import { MAIL_MESSAGES } from './domain/mail.messages';
import { OutboxMessage } from './entities/outbox-message.entity';
import { MaintenanceProcessor } from './jobs/maintenance.processor';
import { NotificationQueues } from './jobs/notification-queues';
import { OutboxRelay } from './jobs/outbox.relay';
import {
  OVERDUE_REFERRALS_HANDLER,
  OverdueReferralsHandler,
} from './jobs/overdue-referrals.handler';
import { RETENTION_HANDLER, RetentionHandler } from './jobs/retention.handler';
import { SendMailProcessor } from './jobs/send-mail.processor';
import { MailSender } from './services/mail-sender';
import { NotificationRenderer } from './services/notification-renderer.service';
import { SmtpMailSender } from './services/smtp-mail-sender';

registerMessages(MAIL_MESSAGES);

export interface NotificationsWorkerOptions {
  /** Modules that provide the handlers below. */
  imports?: ModuleMetadata['imports'];
  /** The daily referral-overdue check (from the cases lib); without it the job does nothing. */
  overdueReferralsHandler?: Type<OverdueReferralsHandler>;
  /** The daily erasure of expired personal data (from the cases lib); without it, nothing. */
  retentionHandler?: Type<RetentionHandler>;
}

/**
 * The worker side of email: the outbox relay, the mail processor (render, then send by SMTP)
 * and the scheduled maintenance jobs. Imported by apps/worker only.
 */
@Module({})
export class NotificationsWorkerModule {
  static register(options: NotificationsWorkerOptions = {}): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      imports: [TypeOrmModule.forFeature([OutboxMessage]), ...(options.imports ?? [])],
      providers: [
        MaintenanceProcessor,
        NotificationQueues,
        NotificationRenderer,
        OutboxRelay,
        SendMailProcessor,
        { provide: MailSender, useClass: SmtpMailSender },
        ...(options.overdueReferralsHandler
          ? [{ provide: OVERDUE_REFERRALS_HANDLER, useExisting: options.overdueReferralsHandler }]
          : []),
        ...(options.retentionHandler
          ? [{ provide: RETENTION_HANDLER, useExisting: options.retentionHandler }]
          : []),
      ],
      exports: [OutboxRelay],
    };
  }
}
