import { DataSource } from 'typeorm';
import { AppConfig, bindMigrationConfig, databaseOptions } from '@app/core';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './entities';

/** A data source with every entity and migration: the CLI, the migrate command and tests. */
export function createDataSource(config: AppConfig, applicationName = 'pmd-cli'): DataSource {
  const dataSource = new DataSource({
    ...databaseOptions(config, applicationName),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
  });
  // Migrations that seal existing personal data use this configuration's keys.
  return bindMigrationConfig(dataSource, config);
}
