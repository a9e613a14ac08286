import { JobType, Queue } from 'bullmq';
import { AppConfig, createRedis } from '@app/core';
import { queuePrefix } from '@app/notifications';
import { WaitOptions, until } from './wait';

/** What the drain needs of the database: a DataSource, an EntityManager or a pg client. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** What is still under way: outbox rows not sent yet, and jobs per queue not finished yet. */
export interface NotificationBacklog {
  unsentRows: number;
  jobs: Record<string, number>;
}

// Every state in which a job can still run. Completed and failed jobs are history.
const UNFINISHED: JobType[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'paused',
  'waiting-children',
];

function isEmpty(backlog: NotificationBacklog): boolean {
  return backlog.unsentRows === 0 && Object.values(backlog.jobs).every((n) => n === 0);
}

/**
 * Waits until nothing more can be sent: no outbox row is pending or queued, and no queue of the
 * installation has a job waiting, running or backing off. Then counting the emails that arrived
 * is final, where a fixed sleep would only have been a guess. A row is marked sent only after
 * its job has delivered it, and a job leaves `active` only once it has finished (a killed
 * worker's job stays there until it is stalled and run again), so the two empty together mean
 * that a stray duplicate, had there been one, has already arrived.
 *
 * The queues are found in Redis under the installation's prefix, so a queue added later is
 * drained too. A job scheduler's next run (a delayed job days ahead) does not count.
 */
export async function drainNotifications(
  db: Queryable,
  config: AppConfig,
  options: WaitOptions = {},
): Promise<void> {
  const connection = createRedis(config, 'queue-worker');
  const queues = new Map<string, Queue>();
  let last: NotificationBacklog | undefined;
  try {
    await until(
      async () => {
        last = await backlog(db, config, connection, queues);
        return isEmpty(last);
      },
      () => `the notifications to drain (still under way: ${JSON.stringify(last)})`,
      options,
    );
  } finally {
    await Promise.allSettled([...queues.values()].map((queue) => queue.close()));
    connection.disconnect();
  }
}

async function backlog(
  db: Queryable,
  config: AppConfig,
  connection: ReturnType<typeof createRedis>,
  queues: Map<string, Queue>,
): Promise<NotificationBacklog> {
  const [{ n: unsentRows }] = (await db.query(
    `SELECT count(*)::int AS n FROM notification_outbox WHERE status IN ('pending', 'queued')`,
  )) as { n: number }[];
  const prefix = queuePrefix(config);
  const jobs: Record<string, number> = {};
  for (const name of await queueNames(connection, prefix)) {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      // A queue whose shared connection closes while it still checks the server (a drain
      // ending under load) reports it as an 'error' event: without a listener, Node throws it
      // out of the test file ("Unhandled error. Connection is closed").
      queue.on('error', () => undefined);
      queues.set(name, queue);
    }
    const counts = await queue.getJobCounts(...UNFINISHED);
    let unfinished = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (counts.delayed > 0) {
      const scheduled = (await queue.getDelayed()).filter((job) => job.repeatJobKey).length;
      unfinished -= scheduled;
    }
    jobs[name] = unfinished;
  }
  return { unsentRows, jobs };
}

/** The queues that have any key in Redis: BullMQ keeps them as `<prefix>:<queue>:…`. */
async function queueNames(
  connection: ReturnType<typeof createRedis>,
  prefix: string,
): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) names.add(key.slice(prefix.length + 1).split(':')[0]);
  } while (cursor !== '0');
  return [...names].sort();
}
