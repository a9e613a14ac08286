import { SectionSpec, env } from '../env-schema';

/**
 * Where a reporter can turn when they disagree with the outcome of their case, shown on the
 * follow-up page of a decided case. The names and what each does are texts in every language;
 * only the public web addresses are configured (https only: the page links to them).
 */
export const appealsSection = {
  ombudspersonUrl: env.url(
    'APPEAL_OMBUDSPERSON_URL',
    'Public web address of the Ombudsperson Institution of Kosovo',
    ['https:'],
    { default: 'https://oik-rks.org' },
  ),
  courtUrl: env.url(
    'APPEAL_COURT_URL',
    'Public web address of the Basic Courts (Kosovo Judicial Council)',
    ['https:'],
    { default: 'https://www.gjyqesori-rks.org' },
  ),
  legalAidUrl: env.url(
    'APPEAL_LEGAL_AID_URL',
    'Public web address of the Free Legal Aid Agency',
    ['https:'],
    { default: 'https://anjf.rks-gov.net' },
  ),
} as const satisfies SectionSpec;
