import type { AppConfig } from '@app/core';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';

/**
 * The stages of a case that run on the clock (DESIGN §7a), in the order a case goes through
 * them. Each has a service target in working days (`CLOCK_*_DAYS`).
 */
export const CLOCK_STAGES = [
  'triage',
  'assignment',
  'assessment',
  'technical_group',
  'institution_answer',
  'closing',
] as const;
export type ClockStage = (typeof CLOCK_STAGES)[number];

export function isClockStage(value: string): value is ClockStage {
  return (CLOCK_STAGES as readonly string[]).includes(value);
}

export type StageTargets = Record<ClockStage, number>;

export function stageTargets(config: AppConfig['clocks']): StageTargets {
  return {
    triage: config.triageDays,
    assignment: config.assignmentDays,
    assessment: config.assessmentDays,
    technical_group: config.technicalGroupDays,
    institution_answer: config.institutionAnswerDays,
    closing: config.closingDays,
  };
}

/**
 * The stage a case enters with a status: a new report waits for triage; triage started, it
 * waits for a legal expert; assigned, for the expert's assessment; before the Technical Group,
 * for its decision; referred, for the institution's answer. Final statuses run no clock. The
 * closing stage starts when the last institution answered, not with a status.
 */
export function stageOfStatus(status: CaseStatus): ClockStage | null {
  switch (status) {
    case 'submitted':
      return 'triage';
    case 'in_review':
      return 'assignment';
    case 'assigned':
      return 'assessment';
    case 'technical_group':
      return 'technical_group';
    case 'referred':
      return 'institution_answer';
    default:
      return null;
  }
}

/** Who is told before and when a stage's due date passes. */
export type StageResponsible = 'administrators' | 'assignee';

/**
 * Triage, assignment and the Technical Group (whose meetings administrators organise) are the
 * administrators'; the assessment, the follow-up of a referral and the closing are the legal
 * expert's (the administrators' while the case has none). Institutions get their own reminder
 * from the referral's response due date (the referral-overdue check), with a new response link.
 */
export function stageResponsible(stage: ClockStage): StageResponsible {
  return stage === 'triage' || stage === 'assignment' || stage === 'technical_group'
    ? 'administrators'
    : 'assignee';
}
