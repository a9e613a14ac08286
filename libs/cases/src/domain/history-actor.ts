/** Who caused an entry of a case's history. */
export const HISTORY_ACTOR_KINDS = ['reporter', 'staff', 'system', 'meeting'] as const;
export type HistoryActorKind = (typeof HISTORY_ACTOR_KINDS)[number];
