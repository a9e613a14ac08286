/**
 * Who reads a message, written in the catalogue as its origin (`#: public`): the public pages,
 * the report form, the follow-up and the institutions' referral pages (`public`), e-mails
 * (`email`), reference labels (`reference`), the back office (`staff`).
 */
export const AREAS = ['public', 'email', 'reference', 'staff'] as const;
export type Area = (typeof AREAS)[number];

/** Areas read by people outside the office: no offered language may have a gap there. */
export const REQUIRED_AREAS: readonly Area[] = ['public', 'email', 'reference'];

/** The area written in an entry's origin ("public" → public; anything unknown is staff). */
export function areaOfOrigin(origin: string): Area {
  const area = origin.split(' ')[0] as Area;
  return AREAS.includes(area) ? area : 'staff';
}
