import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';
import { NotificationOutbox } from './services/notification-outbox.service';

/** Writing emails to the outbox (both apps). The relay and the mail processor live in the worker module. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [NotificationOutbox],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
