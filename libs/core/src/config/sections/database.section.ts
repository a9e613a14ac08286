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
} as const satisfies SectionSpec;
