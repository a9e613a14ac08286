import { SectionSpec, env, InvalidValue } from '../env-schema';

export const privacySection = {
  retentionDaysAfterClosure: env.int(
    'RETENTION_DAYS_AFTER_CLOSURE',
    'Days after a case reached its final status before its personal data is erased',
    { default: '730', min: 1, max: 36500 },
  ),
  retentionCron: env.custom(
    'RETENTION_CRON',
    'When the daily erasure of expired personal data runs (cron, the installation’s time zone)',
    (raw) => {
      if (!/^\S+( \S+){4,5}$/.test(raw.trim()))
        throw new InvalidValue('must be a cron pattern of 5 or 6 fields');
      return raw.trim();
    },
    { default: '30 2 * * *' },
  ),
} as const satisfies SectionSpec;
