import { Client } from 'pg';
import { adminDatabaseUrl, databaseUrl, uniqueName } from './test-env';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: a copy of the migrated template made once per run
 * (CREATE DATABASE ... TEMPLATE takes milliseconds, migrating takes seconds).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const template = process.env.PMD_E2E_TEMPLATE_DB;
  if (!template && !options.empty)
    throw new Error('The e2e global setup did not create the template database');
  const name = uniqueName('pmd_e2e');
  await admin((c) =>
    c.query(`CREATE DATABASE "${name}"${options.empty ? '' : ` TEMPLATE "${template}"`}`),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () => dropDatabase(name),
  };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function createDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
}
