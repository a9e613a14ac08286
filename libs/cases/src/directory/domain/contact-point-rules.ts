/** The facts of a contact point the referral rules look at. */
export interface ContactPointFacts {
  id: string;
  institutionCode: string;
  municipalityCode: string | null;
  activeFrom: string;
  activeTo: string | null;
}

/** Whether a contact point is offered on `day` (YYYY-MM-DD, calendar day of the installation). */
export function isActiveOn(point: Pick<ContactPointFacts, 'activeFrom' | 'activeTo'>, day: string) {
  return point.activeFrom <= day && (point.activeTo === null || day <= point.activeTo);
}

/** Whether a contact point can receive a referral to this institution (and municipality). */
export function servesReferral(
  point: Pick<ContactPointFacts, 'institutionCode' | 'municipalityCode'>,
  referral: { institutionCode: string; municipalityCode?: string | null },
): boolean {
  if (point.institutionCode !== referral.institutionCode) return false;
  // A municipality is itself the institution: its contact point must be that municipality's.
  // (Without a municipality the referral is refused for that; the contact point is not judged.)
  if (referral.institutionCode === 'municipality' && referral.municipalityCode) {
    return (
      point.municipalityCode === null ||
      point.municipalityCode === (referral.municipalityCode ?? null)
    );
  }
  return true;
}

/**
 * The order a referral form offers contact points in: those of the case's municipality first,
 * then the institution-wide ones, then the other municipalities' (each by unit).
 */
export function offerOrder<T extends { municipalityCode: string | null; unit: string }>(
  points: readonly T[],
  caseMunicipality: string | null,
): T[] {
  const rank = (p: T) =>
    caseMunicipality && p.municipalityCode === caseMunicipality ? 0 : p.municipalityCode ? 2 : 1;
  return [...points].sort((a, b) => rank(a) - rank(b) || a.unit.localeCompare(b.unit));
}

export const CONTACT_POINT_KEY = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
// E-mail and phone: `isContactEmail` / `isContactPhone` of @app/core (the profile check uses them).
