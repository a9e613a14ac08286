import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';
import { NotificationQueues } from './jobs/notification-queues';
import { OutboxRelay } from './jobs/outbox.relay';
import { SendMailProcessor } from './jobs/send-mail.processor';
import { MailSender } from './services/mail-sender';
import { NotificationRenderer } from './services/notification-renderer.service';
import { SmtpMailSender } from './services/smtp-mail-sender';

/**
 * The worker side of email: the outbox relay and the mail processor (render, then send by
 * SMTP). Imported by apps/worker only. The cases' scheduled jobs are the cases lib's own.
 */
@Module({})
export class NotificationsWorkerModule {
  static register(): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [
        NotificationQueues,
        NotificationRenderer,
        OutboxRelay,
        SendMailProcessor,
        { provide: MailSender, useClass: SmtpMailSender },
      ],
      exports: [OutboxRelay],
    };
  }
}
