/** Why a member takes no part in an item. */
export const RECUSAL_REASONS = [
  'respondent_institution',
  'referral_institution',
  'declared',
] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];

/** What the recusal rule needs to know of an agenda item. */
export interface ItemInstitutions {
  /** The institution the case is about, when the legal expert named one. */
  respondentInstitutionCode: string | null;
  /** Proposed (or, at the decision, actual) referral targets. */
  referralInstitutionCodes: readonly string[];
}

/**
 * A member is recused from an item when their own institution is the one the case is about or
 * one the case would be referred to: they would judge their own institution.
 */
export function automaticRecusal(
  memberInstitutionCode: string | null,
  item: ItemInstitutions,
): Exclude<RecusalReason, 'declared'> | null {
  if (!memberInstitutionCode) return null;
  if (item.respondentInstitutionCode === memberInstitutionCode) return 'respondent_institution';
  if (item.referralInstitutionCodes.includes(memberInstitutionCode)) return 'referral_institution';
  return null;
}

/**
 * A member recused because the case is about their own institution is kept out of the item
 * (they read neither the summary, nor the comments, nor the decision's text, and may not
 * comment): that institution may employ the person complained about. The other reasons only
 * take the member out of the item's quorum.
 */
export function recusalExcludes(reason: RecusalReason): boolean {
  return reason === 'respondent_institution';
}
