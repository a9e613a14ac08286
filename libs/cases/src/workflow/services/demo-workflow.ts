import { DataSource } from 'typeorm';
import { Clock, equivalentCode, installationDate } from '@app/core';
import type { StaffDirectory, StaffPrincipal } from '@app/identity';
import type { CaseStatus } from '../domain/case-status.machine';
import { addDays } from '../../referrals/domain/referral-rules';
import { CaseIntakeService } from '../../intake/services/case-intake.service';
import { CaseSubmissionValidator } from '../../intake/services/case-submission.validator';
import { CaseWorkflowService, TransitionCommand, WorkflowActor } from './case-workflow.service';
import { InstitutionDirectoryService } from '../../directory/services/institution-directory.service';

/** Marks the demo cases of each stage, so seeding again finds them. */
const STAGE_MARK = '[Demo stage]';

type Step = Omit<TransitionCommand, 'caseId' | 'actor'> & { by: 'admin' | 'expert' };

/** The steps that bring a new case to each status, as staff would take them. */
function pathTo(
  stage: CaseStatus,
  expertId: string,
  today: string,
  contactPointId: string | null,
): Step[] {
  const review: Step = { to: 'in_review', by: 'admin' };
  const assign: Step = { to: 'assigned', by: 'admin', assigneeId: expertId };
  const meeting: Step = { to: 'technical_group', by: 'expert' };
  const refer: Step = {
    to: 'referred',
    by: 'expert',
    referrals: [
      {
        institutionCode: equivalentCode('institution', 'ministry_education'),
        recommendation: 'Return the pupils to mixed classes and report the measures taken.',
        summary:
          'A primary school moved the Roma pupils of two grades to a separate class in a side building.',
        responseDueDate: addDays(today, 30),
        // The demo directory's contact point (seeded first); a confirmed one-off address else.
        ...(contactPointId
          ? { contactPointId }
          : {
              contactEmail: 'institution.demo@example.org',
              contactEmailRepeat: 'institution.demo@example.org',
              oneOffConfirmed: true,
            }),
      },
    ],
    outcomeMessage:
      'We asked the Ministry of Education to act: the pupils should go back to mixed classes. We will tell you what it answers.',
  };
  switch (stage) {
    case 'in_review':
      return [review];
    case 'assigned':
      return [review, assign];
    case 'technical_group':
      return [review, assign, meeting];
    case 'referred':
      return [review, assign, meeting, refer];
    case 'resolved':
      return [
        review,
        assign,
        meeting,
        refer,
        {
          to: 'resolved',
          by: 'expert',
          reason: 'The school complied.',
          outcomeMessage:
            'The school moved the pupils back to mixed classes. If it happens again, write to us here.',
        },
      ];
    case 'not_discrimination':
      return [
        review,
        assign,
        {
          to: 'not_discrimination',
          by: 'expert',
          reason:
            'The rule applied to every applicant alike; no less favourable treatment was found.',
          outcomeMessage:
            'We found that the rule was applied to everyone in the same way, so it was not discrimination.',
        },
      ];
    case 'closed':
      return [
        {
          to: 'closed',
          by: 'admin',
          closureReason: 'duplicate',
          reason: 'Same report as an earlier demo case.',
          outcomeMessage:
            'You sent the same report twice. We follow it under the reference of the first one.',
        },
      ];
    default:
      return [];
  }
}

const STAGES: CaseStatus[] = [
  'in_review',
  'assigned',
  'technical_group',
  'referred',
  'resolved',
  'not_discrimination',
  'closed',
];

/**
 * Demo cases in every stage of the workflow (development only), taken through the real
 * workflow by the first demo administrator and legal expert. Safe to run again: a stage whose
 * demo case exists is skipped. Needs the demo staff (seeded first).
 */
export async function seedDemoWorkflow(
  dataSource: DataSource,
  validator: CaseSubmissionValidator,
  intake: CaseIntakeService,
  workflow: CaseWorkflowService,
  staff: StaffDirectory,
  clock: Clock,
  directory?: InstitutionDirectoryService,
): Promise<string[]> {
  const [admin] = await staff.activeAdministrators();
  const [expert] = await staff.activeByRole('legal_expert');
  if (!admin || !expert) return ['Demo workflow skipped: no active administrator and legal expert'];
  const actors: Record<Step['by'], WorkflowActor> = {
    admin: { kind: 'staff', principal: admin as StaffPrincipal },
    expert: { kind: 'staff', principal: expert as StaffPrincipal },
  };
  const today = installationDate(clock.now());
  const contactPointId = directory
    ? await directory.idOfKey('demo.ministry_education.gjakove')
    : null;
  const lines: string[] = [];
  for (const stage of STAGES) {
    const mark = `${STAGE_MARK} ${stage}:`;
    const [existing] = (await dataSource.query(
      `SELECT reference FROM cases WHERE description LIKE $1 LIMIT 1`,
      [`${mark}%`],
    )) as { reference: string }[];
    if (existing) {
      lines.push(`Demo case in ${stage}: ${existing.reference}`);
      continue;
    }
    const submission = await validator.validate({
      community: 'roma',
      primaryArea: 'education',
      grounds: ['segregation'],
      municipality: equivalentCode('municipality', 'gjakove'),
      incidentDate: addDays(today, -10),
      description: `${mark} Pupils from our neighbourhood in Gjakovë were seated apart from the others.`,
      perpetratorKind: 'school',
      reporterRole: 'witness',
      anonymous: true,
    });
    const { result } = await intake.submit(submission, { locale: 'sq' });
    for (const { by, ...command } of pathTo(stage, expert.id, today, contactPointId)) {
      await workflow.transition({ ...command, caseId: result.id, actor: actors[by] });
    }
    lines.push(`Demo case in ${stage}: ${result.reference} (created)`);
  }
  return lines;
}
