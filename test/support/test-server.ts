import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@app/core';
import { createServer } from '../../apps/server/src/bootstrap';
import { LogCapture } from './log-capture';
import { AdvanceableClock, TestClock } from './test-clock';
import { TestDatabase, createTestDatabase } from './test-database';
import { testConfig } from './test-env';

export interface TestServer {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  logs: LogCapture;
  /** The server's clock; tests move it forward. */
  clock: AdvanceableClock;
  close(): Promise<void>;
}

/** The real HTTP app on its own fresh database, real Redis, with its logs captured. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { clock?: AdvanceableClock } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = testConfig({ DATABASE_URL: db.url, ...env });
  const logs = new LogCapture();
  const clock = options.clock ?? new TestClock();
  const app = await createServer({ config, logDestination: logs, clock });
  return {
    app,
    config,
    db,
    logs,
    clock,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
