import type { DataSourceOptions } from 'typeorm';
import { NOTIFICATION_ENTITIES } from '@app/notifications';

/** Every entity of every lib, for the TypeORM CLI and the migration test. */
export const ENTITIES: NonNullable<DataSourceOptions['entities']> = [...NOTIFICATION_ENTITIES];
