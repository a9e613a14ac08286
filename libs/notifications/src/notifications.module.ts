import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerMessages } from '@app/core';
import { NotificationsPageController } from './controllers/notifications-page.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { MAIL_MESSAGES } from './domain/mail.messages';
import { OutboxMessage } from './entities/outbox-message.entity';
import { NotificationQueues } from './jobs/notification-queues';
import { NOTIFICATION_MESSAGES } from './notifications.messages';
import { NotificationAdminService } from './services/notification-admin.service';
import { NotificationOutbox } from './services/notification-outbox.service';

registerMessages(NOTIFICATION_MESSAGES);
registerMessages(MAIL_MESSAGES);

/**
 * The server side of email: writing to the outbox (other libs call `NotificationOutbox.add` in
 * their transactions) and the administrators' view of the pipeline. The relay and the mail
 * processor live in `NotificationsWorkerModule`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  controllers: [NotificationsController, NotificationsPageController],
  providers: [NotificationAdminService, NotificationOutbox, NotificationQueues],
  exports: [NotificationAdminService, NotificationOutbox],
})
export class NotificationsModule {}
