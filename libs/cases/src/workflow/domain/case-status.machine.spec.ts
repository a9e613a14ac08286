import { StateMachine } from '@app/core';
import {
  CASE_STATUSES,
  CASE_STATUS_MACHINE,
  CaseStatus,
  FINAL_STATUSES,
  TransitionActor,
  finalStatesOf,
  isFinalStatus,
  requirementsOf,
} from './case-status.machine';

/** The design's table (DESIGN §4), written independently of the machine to check it. */
const EXPECTED: Record<string, TransitionActor[]> = {
  'submitted->in_review': ['administrator'],
  'in_review->assigned': ['administrator'],
  'assigned->technical_group': ['legal_expert', 'administrator'],
  'technical_group->assigned': ['meeting'],
  'assigned->referred': ['legal_expert', 'administrator', 'meeting'],
  'technical_group->referred': ['legal_expert', 'administrator', 'meeting'],
  'assigned->resolved': ['legal_expert', 'administrator', 'meeting'],
  'technical_group->resolved': ['legal_expert', 'administrator', 'meeting'],
  'referred->resolved': ['legal_expert', 'administrator', 'meeting'],
  'assigned->not_discrimination': ['legal_expert', 'administrator', 'meeting'],
  'technical_group->not_discrimination': ['legal_expert', 'administrator', 'meeting'],
  'referred->not_discrimination': ['legal_expert', 'administrator', 'meeting'],
  'submitted->closed': ['administrator', 'reporter'],
  'in_review->closed': ['administrator', 'reporter'],
  'assigned->closed': ['administrator', 'reporter'],
  'resolved->in_review': ['administrator'],
  'not_discrimination->in_review': ['administrator'],
  'closed->in_review': ['administrator'],
};
const ACTORS: TransitionActor[] = ['administrator', 'legal_expert', 'meeting', 'reporter'];

const pairs = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.map((to) => [from, to] as [CaseStatus, CaseStatus]),
);

describe('The case status machine', () => {
  it.each(pairs)('%s → %s is allowed exactly for the actors of the design', (from, to) => {
    const expected = EXPECTED[`${from}->${to}`] ?? [];
    for (const actor of ACTORS) {
      expect([actor, CASE_STATUS_MACHINE.can(from, to, actor)]).toEqual([
        actor,
        expected.includes(actor),
      ]);
    }
  });

  it('lets nobody leave a status to itself', () => {
    for (const status of CASE_STATUSES)
      expect(CASE_STATUS_MACHINE.exists(status, status)).toBe(false);
  });

  it('lists what a legal expert may do with an assigned case', () => {
    expect(CASE_STATUS_MACHINE.allowedFrom('assigned', 'legal_expert')).toEqual([
      'technical_group',
      'referred',
      'resolved',
      'not_discrimination',
    ]);
  });

  it('names what each step needs', () => {
    expect(requirementsOf('in_review', 'assigned')).toMatchObject({
      assignee: true,
      reason: false,
    });
    expect(requirementsOf('closed', 'in_review')).toMatchObject({ reason: true });
    expect(requirementsOf('submitted', 'in_review')).toMatchObject({ reason: false });
    expect(requirementsOf('assigned', 'closed')).toMatchObject({
      closureReason: true,
      reason: true,
    });
    expect(requirementsOf('assigned', 'not_discrimination')).toMatchObject({ reason: true });
    expect(requirementsOf('technical_group', 'referred')).toMatchObject({ referral: true });
  });

  it('asks staff for a message to the reporter on every decision, the referral included', () => {
    const decided = CASE_STATUSES.filter((to) => requirementsOf('assigned', to).outcomeMessage);
    expect(decided).toEqual(['referred', 'resolved', 'not_discrimination', 'closed']);
    expect(requirementsOf('assigned', 'resolved', 'administrator').outcomeMessage).toBe(true);
    expect(requirementsOf('in_review', 'closed', 'reporter').outcomeMessage).toBe(false);
    expect(requirementsOf('technical_group', 'resolved', 'meeting').outcomeMessage).toBe(false);
  });

  it('derives the final statuses from the table: those whose only way out is a reopening', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['closed', 'not_discrimination', 'resolved']);
    expect(CASE_STATUSES.filter(isFinalStatus)).toEqual([...FINAL_STATUSES]);
    expect(isFinalStatus('referred')).toBe(false);
  });

  it('follows the table when it changes: a status with a way forward is not final', () => {
    const machine = new StateMachine(
      ['open', 'review', 'done', 'parked', 'gone'] as const,
      'open',
      [
        { from: ['open'], to: 'review', by: ['a'] },
        { from: ['review'], to: 'done', by: ['a'] },
        { from: ['review'], to: 'parked', by: ['a'] },
        { from: ['parked'], to: 'done', by: ['a'] },
        { from: ['parked', 'done'], to: 'review', by: ['a'] },
        { from: ['done'], to: 'gone', by: ['a'] },
      ],
    );
    expect(finalStatesOf(machine, 'review')).toEqual(['gone']);
  });

  it('lets the reporter only withdraw: close the case while staff could still close it', () => {
    const steps = pairs.filter(([from, to]) => CASE_STATUS_MACHINE.can(from, to, 'reporter'));
    expect(steps).toEqual([
      ['submitted', 'closed'],
      ['in_review', 'closed'],
      ['assigned', 'closed'],
    ]);
  });
});
