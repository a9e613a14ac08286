// Jest does not apply moduleNameMapper to global setup, so the path aliases are registered here.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { runMigrationsLocked } from '@app/core';
import { createDataSource } from '../../config/database';
import { createDatabase } from './test-database';
import { databaseUrl, testConfig, uniqueName } from './test-env';

/** Once per e2e run: a template database with every migration applied. */
export default async function globalSetup(): Promise<void> {
  const name = uniqueName('pmd_e2e_tpl');
  await createDatabase(name);
  process.env.PMD_E2E_TEMPLATE_DB = name;
  const dataSource = createDataSource(
    testConfig({ DATABASE_URL: databaseUrl(name) }),
    'pmd-e2e-setup',
  );
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
