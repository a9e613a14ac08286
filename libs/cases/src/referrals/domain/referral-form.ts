import { allValues } from '@app/core';
import type { ReferralDraft } from '../../workflow/domain/transition-requirements';

/**
 * How many referral blocks a page form offers (the case page's step to `referred` and a
 * meeting's `refer` decision alike): a case goes to "one or more institutions" (DESIGN), and
 * three cover what the Technical Group refers at once; the API takes more.
 */
export const REFERRAL_FORM_BLOCKS = 3;

export const REFERRAL_FORM_FIELDS = [
  'institutionCode',
  'municipalityCode',
  'recommendation',
  'summary',
  'responseDueDate',
  'contactPointId',
  'contactEmail',
  'contactEmailRepeat',
] as const;

/**
 * The one-off address confirmation of each block is a checkbox: an unticked one is not posted,
 * so its value is the number of its block (0, 1, 2) rather than a place among the others.
 */
export const ONE_OFF_CONFIRMED_FIELD = 'oneOffConfirmed';

type Block = Record<(typeof REFERRAL_FORM_FIELDS)[number], string>;

/**
 * The referrals of a posted form, whose blocks repeat the same field names. Blocks after the
 * first that name no institution and hold no text are left out; the first is left out only
 * when wholly empty, so a step that needs a referral says "one or more" rather than nothing.
 */
export function referralsFromForm(body: unknown): ReferralDraft[] {
  const columns = Object.fromEntries(
    REFERRAL_FORM_FIELDS.map((name) => [name, allValues(body, name)]),
  ) as Record<keyof Block, string[]>;
  const confirmed = new Set(allValues(body, ONE_OFF_CONFIRMED_FIELD).map((v) => v.trim()));
  const referrals: ReferralDraft[] = [];
  for (let i = 0; i < REFERRAL_FORM_BLOCKS; i++) {
    const block = Object.fromEntries(
      REFERRAL_FORM_FIELDS.map((name) => [name, (columns[name][i] ?? '').trim()]),
    ) as Block;
    if (i > 0 && !block.institutionCode && !block.recommendation && !block.summary) continue;
    const oneOffConfirmed = confirmed.has(String(i));
    if (i === 0 && Object.values(block).every((v) => v === '') && !oneOffConfirmed) continue;
    referrals.push({
      institutionCode: block.institutionCode,
      municipalityCode: block.municipalityCode || null,
      recommendation: block.recommendation,
      summary: block.summary,
      responseDueDate: block.responseDueDate,
      contactPointId: block.contactPointId || null,
      contactEmail: block.contactEmail || null,
      contactEmailRepeat: block.contactEmailRepeat || null,
      oneOffConfirmed,
    });
  }
  return referrals;
}
