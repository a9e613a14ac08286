import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@app/core';
import { createServer } from '../../apps/server/src/bootstrap';
import { LogCapture } from './log-capture';
import { TestDatabase, createTestDatabase } from './test-database';
import { testConfig } from './test-env';

export interface TestServer {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  logs: LogCapture;
  close(): Promise<void>;
}

/** The real HTTP app on its own fresh database, real Redis, with its logs captured. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: db.url, ...env });
  const logs = new LogCapture();
  const app = await createServer({ config, logDestination: logs });
  return {
    app,
    config,
    db,
    logs,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
