/**
 * Actions the audit log knows by name (the filter of the audit page offers them, and their
 * labels are translated). Other contexts record their own actions, e.g. `transition`; a new
 * action needs only a label in the identity messages to show nicely.
 */
export const KNOWN_AUDIT_ACTIONS = [
  'login_succeeded',
  'login_failed',
  'logout',
  'totp_enrolled',
  'invitation_accepted',
  'password_reset_completed',
  'user_invited',
  'user_deactivated',
  'user_reactivated',
  'organisation_registered',
  'organisation_deactivated',
  'organisation_reactivated',
  'contact_point_created',
  'contact_point_updated',
  'contact_point_ended',
  'password_reset_requested',
  'identity_viewed',
  'export',
  'transition',
] as const;

/** Shape of an action name: lower snake case, like the codes of the API. */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;

/** Why a sign-in failed, in the details of `login_failed` (never the address typed). */
export type LoginFailureReason =
  'unknown_account' | 'inactive' | 'not_accepted' | 'locked' | 'password' | 'totp' | 'totp_reused';

/** Values allowed in the details of an entry: ids, codes, counts, flags. Never a reporter's data. */
export type AuditDetails = Record<string, string | number | boolean | null>;
