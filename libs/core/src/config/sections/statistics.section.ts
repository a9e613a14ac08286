import { SectionSpec, env } from '../env-schema';

export const statisticsSection = {
  publicThreshold: env.int(
    'STATISTICS_PUBLIC_THRESHOLD',
    'In public statistics, counts above zero and below this are hidden (shown as "x"), with further figures hidden so that none can be worked out from the totals',
    { default: '3', min: 1, max: 100 },
  ),
} as const satisfies SectionSpec;
