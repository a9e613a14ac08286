import type { CaseStatus } from '@app/cases';

/**
 * What the Group decides on an agenda item. `postpone` keeps the case in `technical_group` for
 * a later meeting; every other kind moves the case.
 */
export const DECISION_KINDS = [
  'refer',
  'resolved',
  'not_discrimination',
  'postpone',
  'more_information',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** What the legal expert may propose (postponing is the Group's call, not a proposal). */
export const PROPOSED_DECISIONS = [
  'refer',
  'resolved',
  'not_discrimination',
  'more_information',
] as const satisfies readonly DecisionKind[];
export type ProposedDecision = (typeof PROPOSED_DECISIONS)[number];

/** The case status a decision leads to; null when the case stays where it is. */
export function caseStatusAfter(kind: DecisionKind): CaseStatus | null {
  switch (kind) {
    case 'refer':
      return 'referred';
    case 'resolved':
      return 'resolved';
    case 'not_discrimination':
      return 'not_discrimination';
    case 'more_information':
      return 'assigned';
    case 'postpone':
      return null;
  }
}

/**
 * Whether the decision needs a quorum. A postponement decides nothing about the case, and it is
 * exactly what a meeting without quorum for an item can still do.
 */
export function needsQuorum(kind: DecisionKind): boolean {
  return kind !== 'postpone';
}
