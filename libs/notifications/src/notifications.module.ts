import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsPageController } from './controllers/notifications-page.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { OutboxMessage } from './entities/outbox-message.entity';
import { NotificationQueues } from './jobs/notification-queues';
import { NotificationAdminService } from './services/notification-admin.service';
import { NotificationOutbox } from './services/notification-outbox.service';

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
