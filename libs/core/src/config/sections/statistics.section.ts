import { InvalidValue, SectionSpec, env } from '../env-schema';

/** What `STATISTICS_PUBLIC_THRESHOLD=profile` reads as until loadConfig puts the profile's. */
export const THRESHOLD_OF_PROFILE = 0;

export const statisticsSection = {
  publicThreshold: env.custom(
    'STATISTICS_PUBLIC_THRESHOLD',
    'In public statistics, counts above zero and below this are hidden (shown as "x"), with further figures hidden so that none can be worked out from the totals (README, Statistics). "profile": the country profile\'s statistics.publicThreshold (Kosovo 3); a number overrides it',
    (raw): number => {
      const value = raw.trim();
      if (value === 'profile') return THRESHOLD_OF_PROFILE;
      if (!/^\d+$/.test(value)) throw new InvalidValue('must be "profile" or a whole number');
      const threshold = Number(value);
      if (threshold < 1 || threshold > 100) throw new InvalidValue('must be between 1 and 100');
      return threshold;
    },
    { default: 'profile' },
  ),
} as const satisfies SectionSpec;
