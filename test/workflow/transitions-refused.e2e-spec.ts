import { OUTCOME_MESSAGE } from '../support/case-workflow';
import type { TestServer } from '../support/test-server';
import {
  Team,
  assignedCase,
  auditOf,
  daysFromNow,
  historyOf,
  makeTeam,
  newCase,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
  step,
  transition,
} from './workflow-fixtures';

interface Problem {
  status: number;
  code: string;
  detail: string;
  allowedTransitions?: string[];
  currentVersion?: number;
  errors?: { field: string; code: string; message: string }[];
}

describe('Refused transitions', () => {
  let server: TestServer;
  let team: Team;

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
  });
  afterAll(async () => {
    await server.close();
  });

  async function snapshot(caseId: string) {
    const [row] = await rows<{ status: string; version: number }>(
      server,
      'SELECT status, version FROM cases WHERE id = $1',
      [caseId],
    );
    return {
      row,
      history: (await historyOf(server, caseId)).length,
      audit: (await auditOf(server, caseId)).length,
      outbox: (await outboxOf(server, caseId)).length,
      referrals: (await rows(server, 'SELECT id FROM case_referrals WHERE case_id = $1', [caseId]))
        .length,
    };
  }

  it('answers 409 with the transitions allowed from the current status', async () => {
    const created = await newCase(server);
    const before = await snapshot(created.id);
    const res = await transition(server, team.as.admin, created.id, { to: 'resolved' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as Problem;
    expect(problem).toMatchObject({
      code: 'transition_not_allowed',
      allowedTransitions: ['in_review', 'closed'],
    });
    expect(problem.detail).toContain('resolved');
    expect(await snapshot(created.id)).toEqual(before);

    // A legal expert may take no step on a new case at all.
    const expert = await transition(server, team.as.expert, created.id, { to: 'in_review' });
    expect(expert.statusCode).toBe(409);
    expect((expert.json() as Problem).allowedTransitions).toEqual([]);
  });

  it('answers 403 when a legal expert acts on a case assigned to someone else', async () => {
    const created = await assignedCase(server, team);
    const res = await transition(server, team.as.otherExpert, created.id, {
      to: 'technical_group',
    });
    expect(res.statusCode).toBe(403);
    expect((res.json() as Problem).code).toBe('case_action_forbidden');
  });

  it('answers 400 naming every missing requirement, and writes nothing', async () => {
    const created = await newCase(server);
    const before = await snapshot(created.id);
    const closing = await transition(server, team.as.admin, created.id, { to: 'closed' });
    expect(closing.statusCode).toBe(400);
    expect((closing.json() as Problem).errors?.map((e) => e.field).sort()).toEqual([
      'closureReason',
      'outcomeMessage',
      'reason',
    ]);
    expect(await snapshot(created.id)).toEqual(before);

    await step(server, team.as.admin, created.id, { to: 'in_review' });
    const noExpert = await transition(server, team.as.admin, created.id, { to: 'assigned' });
    expect((noExpert.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'assigneeId', code: 'isDefined' }),
    ]);
    const notAnExpert = await transition(server, team.as.admin, created.id, {
      to: 'assigned',
      assigneeId: team.member.id,
    });
    expect(notAnExpert.statusCode).toBe(400);
    expect((notAnExpert.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'assigneeId', code: 'isActiveLegalExpert' }),
    ]);

    await step(server, team.as.admin, created.id, { to: 'assigned', assigneeId: team.expert.id });
    const middle = await snapshot(created.id);
    const noReferral = await transition(server, team.as.expert, created.id, { to: 'referred' });
    expect((noReferral.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'referrals' }),
      expect.objectContaining({ field: 'outcomeMessage' }),
    ]);
    const badReferrals = await transition(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [
        referral(server, { institutionCode: 'no_such_institution', recommendation: 'short' }),
        referral(server, {
          institutionCode: 'municipality',
          responseDueDate: daysFromNow(server, 0),
        }),
        referral(server, { contactEmail: 'not-an-email', municipalityCode: 'gjakove' }),
      ],
      outcomeMessage: OUTCOME_MESSAGE,
    });
    expect(badReferrals.statusCode).toBe(400);
    expect((badReferrals.json() as Problem).errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
      'referrals.0.institutionCode:isKnownCode',
      'referrals.0.recommendation:isLength',
      'referrals.1.municipalityCode:isDefined',
      'referrals.1.responseDueDate:isAfterToday',
      'referrals.2.municipalityCode:onlyForMunicipality',
      'referrals.2.contactEmail:isEmail',
    ]);
    const noReasoning = await transition(server, team.as.expert, created.id, {
      to: 'not_discrimination',
    });
    expect((noReasoning.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'reason' }),
      expect.objectContaining({ field: 'outcomeMessage' }),
    ]);
    expect(await snapshot(created.id)).toEqual(middle);

    await step(server, team.as.expert, created.id, { to: 'resolved' });
    const reopen = await transition(server, team.as.admin, created.id, { to: 'in_review' });
    expect(reopen.statusCode).toBe(400);
    expect((reopen.json() as Problem).errors).toEqual([
      expect.objectContaining({ field: 'reason' }),
    ]);
  });

  it('refuses an unknown target status and unknown fields (400)', async () => {
    const created = await newCase(server);
    const unknown = await transition(server, team.as.admin, created.id, { to: 'archived' });
    expect(unknown.statusCode).toBe(400);
    const extra = await transition(server, team.as.admin, created.id, {
      to: 'in_review',
      colour: 'red',
    });
    expect(extra.statusCode).toBe(400);
  });

  it('answers 404 for an unknown case, and for an id that is not one', async () => {
    const unknown = await transition(
      server,
      team.as.admin,
      '6f0c4a52-0d6b-4a8e-9a51-111111111111',
      {
        to: 'in_review',
      },
    );
    expect(unknown.statusCode).toBe(404);
    expect((unknown.json() as Problem).code).toBe('case_not_found');
    const malformed = await transition(server, team.as.admin, 'PMD-2026-00001', {
      to: 'in_review',
    });
    expect(malformed.statusCode).toBe(404);
  });

  it('answers 409 case_version_conflict to a stale version', async () => {
    const created = await newCase(server);
    await step(server, team.as.admin, created.id, { to: 'in_review', expectedVersion: 1 });
    const stale = await transition(server, team.as.admin, created.id, {
      to: 'closed',
      expectedVersion: 1,
      closureReason: 'withdrawn',
      reason: 'Withdrawn by phone.',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'case_version_conflict', currentVersion: 2 });
  });

  it('lets one of two concurrent transitions win; the other gets 409', async () => {
    const closing = {
      to: 'closed',
      closureReason: 'duplicate',
      reason: 'Duplicate.',
      outcomeMessage: OUTCOME_MESSAGE,
    };
    const races: [Record<string, unknown>, Record<string, unknown>, string][] = [
      // The same step twice: the second finds the case already moved.
      [{ to: 'in_review' }, { to: 'in_review' }, 'transition_not_allowed'],
      // Two different steps from the version both read: the second is stale.
      [
        { to: 'in_review', expectedVersion: 1 },
        { ...closing, expectedVersion: 1 },
        'case_version_conflict',
      ],
    ];
    for (const [first, second, code] of races) {
      const created = await newCase(server);
      const answers = await Promise.all([
        transition(server, team.as.admin, created.id, first),
        transition(server, team.as.admin, created.id, second),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.statusCode === 409);
      expect((loser?.json() as Problem).code).toBe(code);
      const [row] = await rows<{ version: number }>(
        server,
        'SELECT version FROM cases WHERE id = $1',
        [created.id],
      );
      expect(row.version).toBe(2);
      expect(await historyOf(server, created.id)).toHaveLength(2);
      expect(await auditOf(server, created.id, 'transition')).toHaveLength(1);
    }
  });
});
