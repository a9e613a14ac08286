import { SectionSpec, env, InvalidValue } from '../env-schema';

export const notificationsSection = {
  // 32 rather than 8: the claims and sent marks of the jobs in flight are batched into one
  // statement while the previous one runs, so more in flight means larger batches and fewer
  // statements per email (worker CPU per email 2.0-2.4 ms instead of 2.7 ms in the
  // notifications bench); SMTP connections stay MAIL_POOL_SIZE, the other sends wait for one.
  concurrency: env.int('MAIL_CONCURRENCY', 'Emails one worker process sends at once', {
    default: '32',
    min: 1,
    max: 100,
  }),
  attempts: env.int('MAIL_ATTEMPTS', 'Attempts per email before it is dead-lettered', {
    default: '8',
    min: 1,
    max: 30,
  }),
  backoffMs: env.int(
    'MAIL_BACKOFF_MS',
    'Delay before the first retry of an email, doubled at each further attempt',
    { default: '30000', min: 10 },
  ),
  // 10 rather than 5: with five the sends queued for a connection, and a burst of 10,000 emails
  // went out at 913-929 a second in the notifications bench (two cores), with ten at 1,132-1,164
  // a second, in larger batches (machine CPU per email 1.35 ms instead of 1.7). Mail relays
  // commonly accept this many connections from one client (Postfix's own limit is 50); one that
  // accepts fewer takes a lower MAIL_POOL_SIZE.
  poolSize: env.int('MAIL_POOL_SIZE', 'SMTP connections per worker process', {
    default: '10',
    min: 1,
    max: 50,
  }),
  sendLeaseMs: env.int(
    'MAIL_SEND_LEASE_MS',
    'How long an unfinished send blocks another attempt of the same email (longer than any SMTP timeout)',
    { default: '120000', min: 1000 },
  ),
  jobLockMs: env.int(
    'MAIL_JOB_LOCK_MS',
    'Lock of a running job; a job of a crashed worker runs again after about this time',
    { default: '30000', min: 1000 },
  ),
  outboxPollMs: env.int('OUTBOX_POLL_MS', 'Outbox polling interval when no NOTIFY arrives', {
    default: '1000',
    min: 50,
  }),
  outboxBatchSize: env.int('OUTBOX_BATCH_SIZE', 'Outbox rows the relay claims at once', {
    default: '200',
    min: 1,
    max: 5000,
  }),
  outboxRequeueAfterMs: env.int(
    'OUTBOX_REQUEUE_AFTER_MS',
    'Age after which a queued email whose job is gone from Redis is queued again',
    { default: '300000', min: 1000 },
  ),
  outboxSweepMs: env.int(
    'OUTBOX_SWEEP_MS',
    'Interval of the check for queued emails whose job is gone',
    { default: '60000', min: 500 },
  ),
  overdueCheckCron: env.custom(
    'REFERRAL_OVERDUE_CRON',
    'When the daily check for overdue referral responses runs (cron, the installation’s time zone)',
    (raw) => {
      if (!/^\S+( \S+){4,5}$/.test(raw.trim()))
        throw new InvalidValue('must be a cron pattern of 5 or 6 fields');
      return raw.trim();
    },
    { default: '0 7 * * *' },
  ),
  catcherSmtpPort: env.int(
    'MAIL_CATCHER_SMTP_PORT',
    'SMTP port of the local mail catcher (never in production)',
    { default: '1025', min: 1, max: 65535 },
  ),
  catcherHttpPort: env.int(
    'MAIL_CATCHER_HTTP_PORT',
    'Web page of the local mail catcher (never in production)',
    { default: '1080', min: 1, max: 65535 },
  ),
} as const satisfies SectionSpec;
