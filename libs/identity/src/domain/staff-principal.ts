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
