import { SectionSpec, env } from '../env-schema';

export const statisticsSection = {
  publicThreshold: env.int(
    'STATISTICS_PUBLIC_THRESHOLD',
    'In public statistics, a cross-tabulated count above zero and below this shows as "<N" (totals stay exact)',
    { default: '3', min: 1, max: 100 },
  ),
} as const satisfies SectionSpec;
