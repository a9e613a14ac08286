/** Email notifications: the outbox (written in the caller's transaction), templates, relay and sending. */
export * from './domain/mail-templates';
export * from './entities/outbox-message.entity';
export * from './services/notification-outbox.service';
export * from './notifications.module';

import { OutboxMessage } from './entities/outbox-message.entity';
export const NOTIFICATION_ENTITIES = [OutboxMessage];
