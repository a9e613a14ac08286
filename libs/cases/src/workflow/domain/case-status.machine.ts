import { StateMachine } from '@app/core';

/** Every status a case can have (DESIGN §4). */
export const CASE_STATUSES = [
  'submitted',
  'in_review',
  'assigned',
  'technical_group',
  'referred',
  'resolved',
  'not_discrimination',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Who takes a step: staff roles, a Technical Group meeting decision, or the reporter (who may
 * only withdraw the case, i.e. close it, while staff could still close it).
 */
export type TransitionActor = 'administrator' | 'legal_expert' | 'meeting' | 'reporter';

/** Where a reopened case starts again. */
const REOPENED_TO = 'in_review' satisfies CaseStatus;

export const CLOSURE_REASONS = [
  'withdrawn',
  'duplicate',
  'outside_mandate',
  'insufficient_information',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * The case workflow as data. Intake creates cases in `submitted` (by the public, outside
 * this table). `technical_group → assigned` is the meeting's "request more information";
 * a postponement keeps the case in `technical_group` and is not a transition.
 */
export const CASE_STATUS_MACHINE = new StateMachine<CaseStatus, TransitionActor>(
  CASE_STATUSES,
  'submitted',
  [
    { from: ['submitted'], to: 'in_review', by: ['administrator'] },
    { from: ['in_review'], to: 'assigned', by: ['administrator'] },
    { from: ['assigned'], to: 'technical_group', by: ['legal_expert', 'administrator'] },
    { from: ['technical_group'], to: 'assigned', by: ['meeting'] },
    {
      from: ['assigned', 'technical_group'],
      to: 'referred',
      by: ['legal_expert', 'administrator', 'meeting'],
    },
    {
      from: ['assigned', 'technical_group', 'referred'],
      to: 'resolved',
      by: ['legal_expert', 'administrator', 'meeting'],
    },
    {
      from: ['assigned', 'technical_group', 'referred'],
      to: 'not_discrimination',
      by: ['legal_expert', 'administrator', 'meeting'],
    },
    {
      from: ['submitted', 'in_review', 'assigned'],
      to: 'closed',
      by: ['administrator', 'reporter'],
    },
    { from: ['resolved', 'not_discrimination', 'closed'], to: REOPENED_TO, by: ['administrator'] },
  ],
);

/**
 * The states of `machine` in which a case has an outcome: every way out of them is a reopening
 * (a step to `reopenedTo`). Derived from the table so that a new status or step cannot leave a
 * copy of the list behind.
 */
export function finalStatesOf<S extends string>(
  machine: StateMachine<S, string>,
  reopenedTo: S,
): S[] {
  return machine.states.filter(
    (state) =>
      state !== machine.initial &&
      state !== reopenedTo &&
      machine.allowedFrom(state).every((to) => to === reopenedTo),
  );
}

/** Statuses in which a case has an outcome (resolved, not discrimination, closed); reopening starts from them. */
export const FINAL_STATUSES: readonly CaseStatus[] = finalStatesOf(
  CASE_STATUS_MACHINE,
  REOPENED_TO,
);

/** Whether a case in `status` has an outcome. */
export function isFinalStatus(status: string): status is CaseStatus {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/**
 * The decisions a reporter is told about in the legal expert's own words (the outcome message
 * on the follow-up page, with the routes if they disagree): the final statuses, and a referral
 * to an institution, which is the platform's decision on the case while the institution acts.
 */
export const DECIDED_STATUSES: readonly CaseStatus[] = ['referred', ...FINAL_STATUSES];

/** Whether a case in `status` carries a decision explained to the reporter. */
export function isDecidedStatus(status: string): status is CaseStatus {
  return (DECIDED_STATUSES as readonly string[]).includes(status);
}

/** What a step needs besides the actor, checked before it is taken. */
export interface TransitionRequirements {
  reason: boolean;
  assignee: boolean;
  closureReason: boolean;
  referral: boolean;
  /** The legal expert's message to the reporter about the decision. */
  outcomeMessage: boolean;
}

/**
 * What the step from `from` to `to` needs when `by` takes it. The outcome message is asked of
 * staff; a reporter's withdrawal needs none, and a Technical Group decision (recorded in the
 * meetings context, whose form does not ask for it yet) may carry one.
 */
export function requirementsOf(
  from: CaseStatus,
  to: CaseStatus,
  by: TransitionActor = 'legal_expert',
): TransitionRequirements {
  const reopening = FINAL_STATUSES.includes(from) && to === REOPENED_TO;
  return {
    // Reopening and a "not discrimination" finding must be explained; the latter with legal reasoning.
    reason: reopening || to === 'not_discrimination' || to === 'closed',
    assignee: to === 'assigned' && from === 'in_review',
    closureReason: to === 'closed',
    referral: to === 'referred',
    outcomeMessage: isDecidedStatus(to) && (by === 'administrator' || by === 'legal_expert'),
  };
}
