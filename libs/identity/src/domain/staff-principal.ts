import type { Locale, StaffRole } from '@app/core';

/** The signed-in staff member of a request, as the access guard attaches it. */
export interface StaffPrincipal {
  id: string;
  name: string;
  role: StaffRole;
  locale: Locale;
  /** Taxonomy `institution` code of a Technical Group member (for recusal); null otherwise. */
  institutionCode: string | null;
}

/** A staff member as other contexts need them to notify or assign (includes the email). */
export interface StaffMember extends StaffPrincipal {
  email: string;
  /** The languages they can write to reporters in. */
  workingLocales: Locale[];
}

/**
 * A signed-in community mediator of a partner organisation. Not a member of staff: no staff
 * route lets them in, and the services of staff never see them (they only ever get a
 * StaffPrincipal); their own pages take this principal.
 */
export interface MediatorPrincipal {
  id: string;
  name: string;
  role: 'mediator';
  locale: Locale;
  organisationId: string;
  organisationName: string;
}

/** Whoever is signed in to the back office: a member of staff or a mediator. */
export type AccountPrincipal = StaffPrincipal | MediatorPrincipal;
