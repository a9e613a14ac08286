import {
  CaseIntakeService,
  CaseSubmissionValidator,
  CaseWorkflowService,
  seedDemoWorkflow,
} from '@app/cases';
import { Clock } from '@app/core';
import { StaffAccounts, StaffDirectory, StaffPrincipal, seedDemoStaff } from '@app/identity';
import { DataSource } from 'typeorm';
import { IDENTITY } from '../cases/case-fixtures';
import { localCode } from '../support/country-codes';
import type { TestServer } from '../support/test-server';
import {
  Team,
  api,
  assignedCase,
  auditOf,
  historyOf,
  makeTeam,
  newCase,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
  step,
} from './workflow-fixtures';
import { addContactPoint } from '../support/case-workflow';

describe('The case workflow', () => {
  let server: TestServer;
  let team: Team;

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('takes a case the whole way: submitted → in_review → assigned → technical_group → referred → resolved', async () => {
    const created = await newCase(server);
    const { admin, expert } = team;
    expect((await step(server, team.as.admin, created.id, { to: 'in_review' })).version).toBe(2);
    await step(server, team.as.admin, created.id, { to: 'assigned', assigneeId: expert.id });
    await step(server, team.as.expert, created.id, { to: 'technical_group' });
    const referred = await step(server, team.as.expert, created.id, {
      to: 'referred',
      referrals: [
        referral(server),
        referral(server, {
          institutionCode: localCode('institution', 'municipality'),
          municipalityCode: localCode('municipality', 'gjakove'),
          contactEmail: null,
          contactPointId: await addContactPoint(server, {
            institutionCode: 'municipality',
            municipalityCode: 'gjakove',
            unit: 'Municipality of Gjakovë, civil registry (test)',
            email: 'civil.registry.gjakove@example.org',
          }),
        }),
      ],
    });
    expect(referred.referralIds).toHaveLength(2);
    const resolved = await step(server, team.as.expert, created.id, {
      to: 'resolved',
      reason: 'The school moved the child back.',
    });
    expect(resolved.version).toBe(6);

    const detail = await api(server, team.as.admin, 'GET', `/api/v1/cases/${created.id}`);
    expect(detail.json()).toMatchObject({
      status: 'resolved',
      version: 6,
      assignee: { id: expert.id, name: expert.name },
      allowedTransitions: ['in_review'],
    });
    // The identity is never part of the details.
    expect(detail.body).not.toContain(IDENTITY.email);
    expect(detail.body).not.toContain(IDENTITY.name);

    expect(await historyOf(server, created.id)).toEqual([
      expect.objectContaining({
        actor_kind: 'reporter',
        from_status: null,
        to_status: 'submitted',
      }),
      expect.objectContaining({
        actor_id: admin.id,
        from_status: 'submitted',
        to_status: 'in_review',
        public: true,
      }),
      expect.objectContaining({
        actor_id: admin.id,
        from_status: 'in_review',
        to_status: 'assigned',
      }),
      expect.objectContaining({
        actor_id: expert.id,
        from_status: 'assigned',
        to_status: 'technical_group',
      }),
      expect.objectContaining({
        actor_id: expert.id,
        from_status: 'technical_group',
        to_status: 'referred',
      }),
      expect.objectContaining({
        actor_kind: 'staff',
        actor_id: expert.id,
        from_status: 'referred',
        to_status: 'resolved',
        reason: 'The school moved the child back.',
        event: 'status_changed',
      }),
    ]);

    const audit = await auditOf(server, created.id, 'transition');
    expect(audit.map((a) => [a.actor_id, a.details.from, a.details.to])).toEqual([
      [admin.id, 'submitted', 'in_review'],
      [admin.id, 'in_review', 'assigned'],
      [expert.id, 'assigned', 'technical_group'],
      [expert.id, 'technical_group', 'referred'],
      [expert.id, 'referred', 'resolved'],
    ]);

    const outbox = await outboxOf(server, created.id);
    const statusMails = outbox.filter((m) => m.template === 'status_changed_reporter');
    // One neutral email per step (the status is read on the follow-up page, not in the email).
    expect(statusMails.map((m) => [m.recipient, Object.keys(m.params)])).toEqual(
      Array(5).fill([IDENTITY.email, ['followUpUrl']]),
    );
    const assigned = outbox.filter((m) => m.template === 'case_assigned');
    expect(assigned).toEqual([
      expect.objectContaining({
        recipient: expert.email,
        locale: 'sr',
        params: {
          reference: created.reference,
          caseUrl: expect.stringContaining(`/staff/cases/${created.id}`),
        },
      }),
    ]);
    const sent = outbox
      .filter((m) => m.template === 'referral_sent')
      .sort((a, b) => b.recipient.localeCompare(a.recipient));
    expect(sent).toEqual([
      expect.objectContaining({
        recipient: 'contact@ministry-education.test',
        params: expect.objectContaining({
          reference: created.reference,
          responseUrl: expect.stringMatching(/\/referrals\/respond\/[A-Za-z0-9_-]{43}$/),
        }),
      }),
      // The second referral went to the directory's contact point, at its address.
      expect.objectContaining({
        recipient: 'civil.registry.gjakove@example.org',
        params: expect.objectContaining({ reference: created.reference }),
      }),
    ]);
    const newCaseAlerts = outbox.filter((m) => m.template === 'case_submitted_staff');
    expect(newCaseAlerts.map((m) => m.recipient)).toContain(admin.email);
    // Emails name the case by reference only.
    for (const mail of outbox) expect(JSON.stringify(mail.params)).not.toContain(IDENTITY.name);

    // Referrals still waiting are closed with the case's outcome.
    const referrals = await rows<{ status: string; municipality_code: string | null }>(
      server,
      `SELECT status, municipality_code FROM case_referrals WHERE case_id = $1 ORDER BY institution_code`,
      [created.id],
    );
    expect(referrals).toEqual([
      { status: 'closed', municipality_code: null },
      { status: 'closed', municipality_code: localCode('municipality', 'gjakove') },
    ]);

    const timeline = await api(
      server,
      team.as.expert,
      'GET',
      `/api/v1/cases/${created.id}/history`,
    );
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json()).toHaveLength(6);
  });

  it('finds "not discrimination" with legal reasoning', async () => {
    const created = await assignedCase(server, team);
    await step(server, team.as.expert, created.id, {
      to: 'not_discrimination',
      reason: 'The refusal was based on missing documents required of every applicant.',
    });
    const [last] = (await historyOf(server, created.id)).slice(-1);
    expect(last).toMatchObject({
      from_status: 'assigned',
      to_status: 'not_discrimination',
      reason: 'The refusal was based on missing documents required of every applicant.',
    });
  });

  it('closes a case with its reason, and reopens it (reason required), clearing the closure reason', async () => {
    const created = await newCase(server);
    await step(server, team.as.admin, created.id, {
      to: 'closed',
      closureReason: 'duplicate',
      reason: 'Same report as an earlier one.',
    });
    const [closed] = await rows<{ status: string; closure_reason: string | null }>(
      server,
      'SELECT status, closure_reason FROM cases WHERE id = $1',
      [created.id],
    );
    expect(closed).toEqual({ status: 'closed', closure_reason: 'duplicate' });

    await step(server, team.as.admin, created.id, {
      to: 'in_review',
      reason: 'It was not a duplicate after all.',
    });
    await step(server, team.as.admin, created.id, {
      to: 'assigned',
      assigneeId: team.otherExpert.id,
    });
    const [reopened] = await rows<{
      status: string;
      closure_reason: string | null;
      assignee_id: string;
    }>(server, 'SELECT status, closure_reason, assignee_id FROM cases WHERE id = $1', [created.id]);
    expect(reopened).toEqual({
      status: 'assigned',
      closure_reason: null,
      assignee_id: team.otherExpert.id,
    });
    const history = await historyOf(server, created.id);
    expect(history.map((h) => `${h.from_status}→${h.to_status}`)).toEqual([
      'null→submitted',
      'submitted→closed',
      'closed→in_review',
      'in_review→assigned',
    ]);
    expect(history[2].reason).toBe('It was not a duplicate after all.');
    const mails = await outboxOf(server, created.id);
    // One email for each of the three steps, none saying which.
    expect(mails.filter((m) => m.template === 'status_changed_reporter')).toHaveLength(3);
  });

  it('records a Technical Group decision as the meeting, inside the caller’s transaction', async () => {
    const created = await assignedCase(server, team);
    await step(server, team.as.expert, created.id, { to: 'technical_group' });
    const workflow = server.app.get(CaseWorkflowService);
    const recordedBy: StaffPrincipal = {
      id: team.admin.id,
      name: team.admin.name,
      role: 'administrator',
      locale: 'sq',
      institutionCode: null,
    };
    const meetingId = '11111111-2222-4333-8444-555555555555';
    // A failure later in the caller's transaction undoes the decision too.
    await expect(
      server.app.get(DataSource).transaction(async (manager) => {
        await workflow.transition(
          { caseId: created.id, to: 'assigned', actor: { kind: 'meeting', meetingId, recordedBy } },
          manager,
        );
        throw new Error('meeting rolled back');
      }),
    ).rejects.toThrow('meeting rolled back');
    expect((await historyOf(server, created.id)).slice(-1)[0].to_status).toBe('technical_group');

    const result = await server.app.get(DataSource).transaction((manager) =>
      workflow.transition(
        {
          caseId: created.id,
          to: 'referred',
          actor: { kind: 'meeting', meetingId, recordedBy },
          referrals: [referral(server)],
        },
        manager,
      ),
    );
    expect(result).toMatchObject({
      from: 'technical_group',
      to: 'referred',
      referralIds: [expect.any(String)],
    });
    const [last] = (await historyOf(server, created.id)).slice(-1);
    expect(last).toMatchObject({
      actor_kind: 'meeting',
      actor_id: meetingId,
      to_status: 'referred',
    });
    const [audit] = (await auditOf(server, created.id, 'transition')).slice(-1);
    expect(audit).toMatchObject({
      actor_id: team.admin.id,
      details: expect.objectContaining({ meetingId }),
    });
  });

  it('reassigns a case being handled to another legal expert (staff-only history entry, email)', async () => {
    const created = await assignedCase(server, team);
    const res = await api(server, team.as.admin, 'POST', `/api/v1/cases/${created.id}/assignment`, {
      assigneeId: team.otherExpert.id,
    });
    expect(res.statusCode).toBe(200);
    const [last] = (await historyOf(server, created.id)).slice(-1);
    expect(last).toMatchObject({
      event: 'reassigned',
      public: false,
      from_status: 'assigned',
      to_status: 'assigned',
    });
    const mails = (await outboxOf(server, created.id)).filter(
      (m) => m.template === 'case_assigned',
    );
    expect(mails.map((m) => [m.recipient, m.locale])).toEqual([
      [team.expert.email, 'sr'],
      [team.otherExpert.email, 'en'],
    ]);
    // The first expert no longer handles it.
    const refused = await api(
      server,
      team.as.expert,
      'POST',
      `/api/v1/cases/${created.id}/transitions`,
      {
        to: 'technical_group',
      },
    );
    expect(refused.statusCode).toBe(403);
  });

  it('tells the assigned legal expert about a message from the reporter', async () => {
    const created = await assignedCase(server, team);
    const posted = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up/messages',
      payload: {
        reference: created.reference,
        receiptCode: created.receiptCode,
        body: 'Any news?',
      },
    });
    expect(posted.statusCode).toBe(201);
    const mails = (await outboxOf(server, created.id)).filter(
      (m) => m.template === 'reporter_message_staff',
    );
    expect(mails.map((m) => [m.recipient, m.locale])).toEqual([[team.expert.email, 'sr']]);
    expect(JSON.stringify(mails[0].params)).not.toContain('Any news?');
  });

  it('seeds a demo case in every stage of the workflow, once', async () => {
    await seedDemoStaff(server.app.get(StaffAccounts));
    const seed = () =>
      seedDemoWorkflow(
        server.app.get(DataSource),
        server.app.get(CaseSubmissionValidator),
        server.app.get(CaseIntakeService),
        server.app.get(CaseWorkflowService),
        server.app.get(StaffDirectory),
        server.app.get(Clock),
      );
    const first = await seed();
    expect(first.filter((line) => line.endsWith('(created)'))).toHaveLength(7);
    const again = await seed();
    expect(again.filter((line) => line.endsWith('(created)'))).toHaveLength(0);
    const stages = await rows<{ status: string }>(
      server,
      `SELECT status FROM cases WHERE description LIKE '[Demo stage]%' ORDER BY status`,
    );
    expect(stages.map((s) => s.status)).toEqual([
      'assigned',
      'closed',
      'in_review',
      'not_discrimination',
      'referred',
      'resolved',
      'technical_group',
    ]);
  });
});
