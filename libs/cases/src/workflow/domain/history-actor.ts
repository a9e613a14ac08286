/** Who caused an entry of a case's history. */
export const HISTORY_ACTOR_KINDS = [
  'reporter',
  'staff',
  'system',
  'meeting',
  'institution',
] as const;
export type HistoryActorKind = (typeof HISTORY_ACTOR_KINDS)[number];

/**
 * What a history entry records. Only status changes reach the reporter's timeline; the others
 * keep the status (from = to) and are for staff.
 */
export const HISTORY_EVENTS = [
  'status_changed',
  'reassigned',
  'referral_answered',
  'referral_overdue',
] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];
