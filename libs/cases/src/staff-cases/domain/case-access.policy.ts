import type { StaffRole } from '@app/core';
import {
  CASE_STATUS_MACHINE,
  type CaseStatus,
  type TransitionActor,
} from '../../workflow/domain/case-status.machine';

/** Who looks at or acts on a case: a staff member, or a Technical Group meeting's decision. */
export type CaseViewer = { kind: 'staff'; id: string; role: StaffRole } | { kind: 'meeting' };

/** What the rules need to know of the case. */
export interface CaseAccessFacts {
  status: CaseStatus;
  assigneeId: string | null;
}

/**
 * DESIGN §6 for the staff case views. Administrators see and handle every case. Legal experts
 * see the list and details of every case, but handle (transitions, messages with the reporter,
 * evidence, the reporter's identity) only the cases assigned to them. Technical Group members
 * see agenda cases through the meetings lib only, never through the case views.
 */
export const CaseAccessPolicy = {
  /** The staff case list and details. */
  mayBrowse(viewer: CaseViewer): boolean {
    return viewer.kind === 'meeting' || viewer.role !== 'technical_group_member';
  },

  /** Transitions, messages with the reporter, evidence files, notes. */
  mayHandle(viewer: CaseViewer, facts: Pick<CaseAccessFacts, 'assigneeId'>): boolean {
    if (viewer.kind === 'meeting') return true;
    if (viewer.role === 'administrator') return true;
    return viewer.role === 'legal_expert' && facts.assigneeId === viewer.id;
  },

  /** Who the reporter is: an audited view, for those who handle the case (never a meeting). */
  maySeeIdentity(viewer: CaseViewer, facts: Pick<CaseAccessFacts, 'assigneeId'>): boolean {
    return viewer.kind === 'staff' && CaseAccessPolicy.mayHandle(viewer, facts);
  },

  /** Naming (or changing) the legal expert of a case. */
  mayAssign(viewer: CaseViewer): boolean {
    return viewer.kind === 'staff' && viewer.role === 'administrator';
  },

  /** The actor of the status machine this viewer is, if any. */
  machineActor(viewer: CaseViewer): TransitionActor | null {
    if (viewer.kind === 'meeting') return 'meeting';
    if (viewer.role === 'administrator' || viewer.role === 'legal_expert') return viewer.role;
    return null;
  },

  /** The statuses this viewer may move the case to now (empty when it may not handle it). */
  allowedTransitions(viewer: CaseViewer, facts: CaseAccessFacts): CaseStatus[] {
    const actor = CaseAccessPolicy.machineActor(viewer);
    if (!actor || !CaseAccessPolicy.mayHandle(viewer, facts)) return [];
    return CASE_STATUS_MACHINE.allowedFrom(facts.status, actor);
  },

  /**
   * Whether a step may be taken: `not_allowed` when the machine has no such step for this
   * actor (409, with the allowed list), `forbidden` when it has but the case is not theirs (403).
   */
  judgeTransition(
    viewer: CaseViewer,
    facts: CaseAccessFacts,
    to: CaseStatus,
  ):
    | { verdict: 'allowed' }
    | { verdict: 'not_allowed'; allowed: CaseStatus[] }
    | { verdict: 'forbidden' } {
    const actor = CaseAccessPolicy.machineActor(viewer);
    if (!actor || !CASE_STATUS_MACHINE.can(facts.status, to, actor)) {
      return {
        verdict: 'not_allowed',
        allowed: CaseAccessPolicy.allowedTransitions(viewer, facts),
      };
    }
    if (!CaseAccessPolicy.mayHandle(viewer, facts)) return { verdict: 'forbidden' };
    return { verdict: 'allowed' };
  },
} as const;
