import { CASE_STATUSES } from '../../workflow/domain/case-status.machine';
import { CLOCK_STAGES, stageOfStatus, stageResponsible } from './clock-stages';

describe('clock stages', () => {
  it('starts a stage with every open status and none with a final one', () => {
    const started = CASE_STATUSES.map((status) => [status, stageOfStatus(status)]);
    expect(Object.fromEntries(started)).toEqual({
      submitted: 'triage',
      in_review: 'assignment',
      assigned: 'assessment',
      technical_group: 'technical_group',
      referred: 'institution_answer',
      resolved: null,
      not_discrimination: null,
      closed: null,
    });
  });

  it('names someone responsible for every stage', () => {
    expect(CLOCK_STAGES.map(stageResponsible)).toEqual([
      'administrators',
      'administrators',
      'assignee',
      'administrators',
      'assignee',
      'assignee',
    ]);
  });
});
