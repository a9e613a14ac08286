import { SectionSpec, env } from '../env-schema';

export const meetingsSection = {
  quorum: env.int(
    'MEETING_QUORUM',
    'Members present and not recused that a Technical Group decision needs; 0 means a majority of the active members',
    { default: '0', min: 0, max: 100 },
  ),
} as const satisfies SectionSpec;
