import type { DataSourceOptions } from 'typeorm';
import { CASE_ENTITIES } from '@app/cases';
import { HELP_ENTITIES } from '@app/help';
import { IDENTITY_ENTITIES } from '@app/identity';
import { MEETING_ENTITIES } from '@app/meetings';
import { NOTIFICATION_ENTITIES } from '@app/notifications';
import { STATISTICS_ENTITIES } from '@app/statistics';
import { TAXONOMY_ENTITIES } from '@app/taxonomy';

/** Every entity of every lib, for the TypeORM CLI and the migration test. */
export const ENTITIES: NonNullable<DataSourceOptions['entities']> = [
  ...CASE_ENTITIES,
  ...HELP_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...MEETING_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...STATISTICS_ENTITIES,
  ...TAXONOMY_ENTITIES,
];
