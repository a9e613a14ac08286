/** Email notifications: the outbox (written in the caller's transaction), templates, relay and sending. */
export * from './domain/mail-templates';
export * from './domain/notification-permissions';
export * from './exceptions/notification.errors';
export * from './domain/mail-content';
export * from './domain/send-failure';
export * from './dto/dead-notification.dto';
export * from './dto/notification-summary.dto';
export * from './entities/outbox-message.entity';
export * from './jobs/queues';
export * from './jobs/notification-queues';
export * from './jobs/outbox.relay';
export * from './jobs/send-mail.processor';
export * from './services/mail-sender';
export * from './services/notification-admin.service';
export * from './services/notification-outbox.service';
export * from './services/notification-renderer.service';
export * from './services/smtp-mail-sender';
export * from './notifications.module';
export * from './notifications-worker.module';

import { OutboxMessage } from './entities/outbox-message.entity';
export const NOTIFICATION_ENTITIES = [OutboxMessage];
