import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/**
 * Connection options shared by the apps, the migration command and the tests.
 * `synchronize` is never on: the schema changes only through migrations.
 */
export function databaseOptions(config: AppConfig, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    synchronize: false,
    migrationsRun: false,
    // Only migrations are logged: TypeORM's error logging prints a failing query's
    // parameters, which can be personal data. Our filter logs SQL states instead.
    logging: ['migration'],
    extra: {
      max: config.database.poolSize,
      application_name: applicationName,
      statement_timeout: config.database.statementTimeoutMs,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    },
  };
}
