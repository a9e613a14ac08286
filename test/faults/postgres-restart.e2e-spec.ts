import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createServer } from '../../apps/server/src/bootstrap';
import { identifiedReport } from '../cases/case-fixtures';
import { LogCapture } from '../support/log-capture';
import { PgCluster } from '../support/pg-cluster';
import { TestRedis } from '../support/redis-server';
import { testConfig } from '../support/test-env';
import { until } from '../support/wait';

interface Outcome {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
  retryAfter: string | null;
}

/** Longest a request may take, restart included, before it counts as hanging. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * PostgreSQL restarted (`pg_ctl restart -m fast`) while reports arrive over real HTTP. The
 * cluster is a throwaway one of this test (and so is Redis): restarting it disturbs nothing else.
 */
describe('PostgreSQL restarted under load', () => {
  let cluster: PgCluster;
  let redis: TestRedis;
  let app: NestFastifyApplication;
  let baseUrl: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    cluster = await PgCluster.start();
    redis = await TestRedis.start();
    const config = testConfig({
      DATABASE_URL: await cluster.createMigratedDatabase('pmd_fault'),
      REDIS_URL: redis.url,
      INTAKE_RATE_LIMIT: '100000',
      DATABASE_POOL_SIZE: '8',
    });
    app = await createServer({ config, logDestination: logs });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await redis?.stop();
    await cluster?.destroy();
  });

  async function submit(i: number): Promise<Outcome> {
    const response = await fetch(`${baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(
        identifiedReport({
          description: `Report number ${i} filed while the database restarts.`,
          contact: { email: `reporter.${i}@example.org` },
        }),
      ),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      retryAfter: response.headers.get('retry-after'),
    };
  }

  it('answers 201 or 503 problem details, leaves no partial case, and recovers by itself', async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    const total = 120;
    let restarted = false;
    const restart = (async () => {
      // Restart once the load is well under way, while requests are in flight.
      await until(() => outcomes.length >= 15, 'the load to be under way', { intervalMs: 10 });
      await cluster.restart();
      restarted = true;
    })();
    const client = async () => {
      while (next < total) {
        const i = next++;
        outcomes.push(await submit(i));
      }
    };
    await Promise.all([restart, ...Array.from({ length: 8 }, client)]);
    expect(restarted).toBe(true);

    const created = outcomes.filter((o) => o.status === 201);
    const refused = outcomes.filter((o) => o.status !== 201);
    // Each refusal is a clean 503 with problem details and a hint when to try again.
    expect(refused.map((o) => o.status)).toEqual(refused.map(() => 503));
    for (const o of refused) {
      expect(o.contentType).toContain('application/problem+json');
      expect(o.body).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(o.retryAfter).toMatch(/^\d+$/);
    }
    // The restart really hit requests (otherwise this test proves nothing).
    expect(refused.length).toBeGreaterThan(0);
    expect(created.length).toBeGreaterThan(0);

    // The server recovers without a restart of its own: new reports are filed again.
    let attempt = 0;
    let last: Outcome | undefined;
    const recovered = await until(
      async () => {
        last = await submit(1000 + attempt++);
        return last.status === 201 && last;
      },
      () => `a report to be filed again (last answer ${last?.status} after ${attempt} tries)`,
      { intervalMs: 250 },
    );
    for (let i = 0; i < 5; i++) {
      const after = await submit(2000 + i);
      expect(after.status).toBe(201);
      created.push(after);
    }
    created.push(recovered);
    const ready = await fetch(`${baseUrl}/health/ready`);
    expect(ready.status).toBe(200);

    // Every 201 is a complete case (history and outbox rows); every refusal left nothing.
    const db = app.get(DataSource);
    const references = created.map((o) => String(o.body.reference));
    const [counts] = (await db.query(`
      SELECT (SELECT count(*)::int FROM cases) AS cases,
             (SELECT count(*)::int FROM cases c
                WHERE NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id)) AS without_history,
             (SELECT count(*)::int FROM cases c
                WHERE (SELECT count(*) FROM notification_outbox o
                       WHERE o.case_id = c.id AND o.template = 'case_received') <> 1) AS without_one_email,
             (SELECT count(*)::int FROM case_history) AS history,
             (SELECT count(*)::int FROM case_grounds) AS grounds
    `)) as {
      cases: number;
      without_history: number;
      without_one_email: number;
      history: number;
      grounds: number;
    }[];
    expect(counts).toEqual({
      cases: created.length,
      without_history: 0,
      without_one_email: 0,
      history: created.length,
      grounds: created.length * 2,
    });
    const stored = (await db.query(`SELECT reference, seq FROM cases ORDER BY seq`)) as {
      reference: string;
      seq: number;
    }[];
    expect(stored.map((r) => r.reference).sort()).toEqual([...references].sort());
    // Rolled-back reports gave their number back: the year's references have no gap.
    expect(stored.map((r) => r.seq)).toEqual(stored.map((_, i) => i + 1));

    // A refused request is logged as an outage (SQL state only, never the report).
    const text = logs.text();
    expect(text).toContain('"status":503');
    expect(text).not.toContain('filed while the database restarts');
    expect(text).not.toContain('@example.org');
  });
});
