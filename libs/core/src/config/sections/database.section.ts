import { SectionSpec, env } from '../env-schema';

export const databaseSection = {
  url: env.url('DATABASE_URL', 'PostgreSQL connection URL', ['postgres:', 'postgresql:'], {
    default: 'postgres://postgres@127.0.0.1:5432/pmd',
  }),
  poolSize: env.int('DATABASE_POOL_SIZE', 'Connections per process', {
    default: '10',
    min: 1,
    max: 200,
  }),
  statementTimeoutMs: env.int(
    'DATABASE_STATEMENT_TIMEOUT_MS',
    'Longest statement before it is cancelled',
    {
      default: '15000',
      min: 100,
    },
  ),
  preparedStatements: env.bool(
    'DATABASE_PREPARED_STATEMENTS',
    'Prepare the hottest statements on each connection (the staff session lookup, the staff case list); false behind a pooler that does not keep them, such as PgBouncer in transaction mode before 1.21',
    { default: 'true' },
  ),
} as const satisfies SectionSpec;
