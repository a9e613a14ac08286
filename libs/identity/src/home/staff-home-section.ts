import type { Locale } from '@app/core';
import type { StaffPrincipal } from '../domain/staff-principal';

/**
 * A part of the staff home page that another context fills (e.g. the Technical Group member's
 * meetings and agenda items): identity knows nothing of meetings, the app wires the sections.
 */
export interface StaffHomeSection {
  /** The template included on the home page; it reads its model as `section`. */
  readonly template: string;
  /** Its model for this staff member, or null when it has nothing for them. */
  model(staff: StaffPrincipal, locale: Locale): Promise<Record<string, unknown> | null>;
}

export const STAFF_HOME_SECTIONS = Symbol('STAFF_HOME_SECTIONS');
