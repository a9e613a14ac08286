import type { Locale } from '@app/core';

/** Who may help a reporter file a case. */
export const HELPER_KINDS = ['mediator', 'organisation'] as const;
export type HelperKind = (typeof HELPER_KINDS)[number];

/** A validated report, ready to be stored. Optional answers are null, never undefined. */
export interface CaseSubmission {
  community: string;
  primaryArea: string;
  grounds: string[];
  municipality: string;
  incidentDate: string;
  description: string;
  perpetratorKind: string;
  reporterRole: string;
  gender: string | null;
  ageGroup: string | null;
  /** Null: the language of the request. */
  preferredLanguage: Locale | null;
  anonymous: boolean;
  contact: ContactDetails | null;
  consentToContact: boolean;
  consentToShareIdentity: boolean;
  helper: { kind: HelperKind; name: string } | null;
}

/** Personal data: encrypted before it is stored, never logged. */
export interface ContactDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * The earliest incident a report may be about. Earlier dates are typing mistakes (a year of
 * 0001 or 1026): the platform takes reports of discrimination a person can still act on, and
 * the Law on Protection from Discrimination dates from 2004; 1990 leaves room for older
 * harm that a person wants recorded.
 */
export const EARLIEST_INCIDENT_DATE = '1990-01-01';
