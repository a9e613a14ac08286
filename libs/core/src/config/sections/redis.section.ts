import { SectionSpec, env, InvalidValue } from '../env-schema';

export const redisSection = {
  url: env.url('REDIS_URL', 'Redis connection URL (queues, rate limits)', ['redis:', 'rediss:'], {
    default: 'redis://127.0.0.1:6379',
  }),
  keyPrefix: env.custom(
    'REDIS_KEY_PREFIX',
    'Prefix of every Redis key and queue of this installation',
    (raw) => {
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(raw))
        throw new InvalidValue('must be 1-40 letters, digits, _ or -');
      return raw;
    },
    { default: 'pmd' },
  ),
} as const satisfies SectionSpec;
