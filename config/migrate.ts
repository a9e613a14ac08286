import 'reflect-metadata';
import { readConfigOrExit, revertLastMigrationLocked, runMigrationsLocked } from '@app/core';
import { createDataSource } from './database';

/** `migrate run | revert | show`: the only way the schema changes. */
async function main(command: string | undefined): Promise<void> {
  const config = readConfigOrExit();
  const dataSource = createDataSource(config, 'pmd-migrate');
  try {
    await dataSource.initialize();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot connect to the database named by DATABASE_URL: ${reason}\n`);
    process.exit(1);
  }
  try {
    if (command === 'run') {
      const applied = await runMigrationsLocked(dataSource);
      process.stdout.write(
        applied.length
          ? `Applied ${applied.map((m) => m.name).join(', ')}\n`
          : 'The schema is up to date\n',
      );
    } else if (command === 'revert') {
      await revertLastMigrationLocked(dataSource);
      process.stdout.write('Reverted the last migration\n');
    } else if (command === 'show') {
      const pending = await dataSource.showMigrations();
      process.stdout.write(pending ? 'Migrations are pending\n' : 'The schema is up to date\n');
    } else {
      process.stderr.write('Usage: migrate run | revert | show\n');
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

void main(process.argv[2]);
