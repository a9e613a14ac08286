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

/** Statuses in which a case has an outcome; reopening starts from them. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['resolved', 'not_discrimination', 'closed'];

/** Who takes a step: staff roles, or a Technical Group meeting decision. */
export type TransitionActor = 'administrator' | 'legal_expert' | 'meeting';

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
    { from: ['submitted', 'in_review', 'assigned'], to: 'closed', by: ['administrator'] },
    { from: ['resolved', 'not_discrimination', 'closed'], to: 'in_review', by: ['administrator'] },
  ],
);

/** What a step needs besides the actor, checked before it is taken. */
export interface TransitionRequirements {
  reason: boolean;
  assignee: boolean;
  closureReason: boolean;
  referral: boolean;
}

export function requirementsOf(from: CaseStatus, to: CaseStatus): TransitionRequirements {
  const reopening = FINAL_STATUSES.includes(from) && to === 'in_review';
  return {
    // Reopening and a "not discrimination" finding must be explained; the latter with legal reasoning.
    reason: reopening || to === 'not_discrimination' || to === 'closed',
    assignee: to === 'assigned' && from === 'in_review',
    closureReason: to === 'closed',
    referral: to === 'referred',
  };
}
