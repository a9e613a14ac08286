import { CaseNotFoundError, CaseWorkflowService } from '@app/cases';
import { IDENTITY, multipart, png, submitReport, validReport } from '../cases/case-fixtures';
import type { TestServer } from '../support/test-server';
import {
  Team,
  api,
  assignedCase,
  auditOf,
  makeTeam,
  startWorkflowServer,
  step,
} from './workflow-fixtures';
import { localCode } from '../support/country-codes';

const NOBODY = '0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

describe('Who may see and do what with a case (DESIGN §6)', () => {
  let server: TestServer;
  let team: Team;
  let mine: { id: string; reference: string; receiptCode: string };
  let evidenceId: string;

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
    mine = await assignedCase(server, team);
    const upload = multipart([], [{ filename: 'photo.png', content: png() }]);
    const added = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${mine.reference}/evidence`,
      payload: upload.payload,
      headers: { ...upload.headers, 'x-receipt-code': mine.receiptCode },
    });
    expect(added.statusCode).toBe(201);
    evidenceId = (added.json() as { added: { id: string }[] }).added[0].id;
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows the identity to the legal expert of the case, and audits each view', async () => {
    const detail = await api(server, team.as.expert, 'GET', `/api/v1/cases/${mine.id}`);
    expect(detail.json()).toMatchObject({
      permissions: { handle: true, viewIdentity: true, assign: false },
      hasContact: true,
    });
    expect(detail.body).not.toContain(IDENTITY.email);

    const shown = await api(server, team.as.expert, 'POST', `/api/v1/cases/${mine.id}/identity`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.json()).toMatchObject({
      name: IDENTITY.name,
      email: IDENTITY.email,
      phone: IDENTITY.phone,
    });
    const audited = await auditOf(server, mine.id, 'identity_viewed');
    expect(audited).toEqual([
      expect.objectContaining({
        actor_id: team.expert.id,
        details: expect.objectContaining({ reference: mine.reference }),
      }),
    ]);
    // The audit entry never holds the identity itself.
    expect(JSON.stringify(audited)).not.toContain(IDENTITY.email);
  });

  it('lets another legal expert read the case but not who reported it, nor act on it', async () => {
    const as = team.as.otherExpert;
    const detail = await api(server, as, 'GET', `/api/v1/cases/${mine.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      permissions: { handle: false, viewIdentity: false },
      allowedTransitions: [],
      evidence: [],
    });
    expect((await api(server, as, 'GET', `/api/v1/cases/${mine.id}/history`)).statusCode).toBe(200);
    expect((await api(server, as, 'GET', `/api/v1/cases/${mine.id}/notes`)).statusCode).toBe(200);
    const refused = [
      await api(server, as, 'POST', `/api/v1/cases/${mine.id}/identity`),
      await api(server, as, 'GET', `/api/v1/cases/${mine.id}/messages`),
      await api(server, as, 'POST', `/api/v1/cases/${mine.id}/messages`, { body: 'Hello' }),
      await api(server, as, 'POST', `/api/v1/cases/${mine.id}/notes`, { body: 'A note' }),
      await api(server, as, 'GET', `/api/v1/cases/${mine.id}/evidence/${evidenceId}`),
      await api(server, as, 'POST', `/api/v1/cases/${mine.id}/assignment`, {
        assigneeId: team.otherExpert.id,
      }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await auditOf(server, mine.id, 'identity_viewed')).toHaveLength(1);
  });

  it('answers 404 rather than 403 for a case that does not exist', async () => {
    for (const login of [team.as.admin, team.as.otherExpert]) {
      const answers = [
        await api(server, login, 'GET', `/api/v1/cases/${NOBODY}`),
        await api(server, login, 'POST', `/api/v1/cases/${NOBODY}/identity`),
        await api(server, login, 'GET', `/api/v1/cases/${NOBODY}/evidence/${evidenceId}`),
        await api(server, login, 'POST', `/api/v1/cases/${NOBODY}/notes`, { body: 'x' }),
      ];
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404]);
    }
    // Evidence of one case is not reachable through another.
    const other = await submitReport(server, validReport());
    const crossed = await api(
      server,
      team.as.admin,
      'GET',
      `/api/v1/cases/${other.id}/evidence/${evidenceId}`,
    );
    expect(crossed.statusCode).toBe(404);
  });

  it('lets administrators see any identity (audited) and download evidence as an attachment', async () => {
    const shown = await api(server, team.as.admin, 'POST', `/api/v1/cases/${mine.id}/identity`);
    expect(shown.statusCode).toBe(200);
    const audited = await auditOf(server, mine.id, 'identity_viewed');
    expect(audited.map((a) => a.actor_id)).toEqual([team.expert.id, team.admin.id]);
    const file = await api(
      server,
      team.as.admin,
      'GET',
      `/api/v1/cases/${mine.id}/evidence/${evidenceId}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="photo.png"/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses Technical Group members the staff case API (403), and the services treat them as not knowing the case (404)', async () => {
    const as = team.as.member;
    const answers = [
      await api(server, as, 'GET', '/api/v1/cases'),
      await api(server, as, 'GET', `/api/v1/cases/${mine.id}`),
      await api(server, as, 'POST', `/api/v1/cases/${mine.id}/identity`),
      await api(server, as, 'POST', `/api/v1/cases/${mine.id}/transitions`, {
        to: 'technical_group',
      }),
      await server.app.inject({
        method: 'GET',
        url: `/staff/cases/${mine.id}`,
        headers: as.headers,
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403]);
    const principal = {
      id: team.member.id,
      name: team.member.name,
      role: 'technical_group_member' as const,
      locale: 'en' as const,
      institutionCode: localCode('institution', 'ombudsperson'),
    };
    await expect(
      server.app.get(CaseWorkflowService).transition({
        caseId: mine.id,
        to: 'technical_group',
        actor: { kind: 'staff', principal },
      }),
    ).rejects.toBeInstanceOf(CaseNotFoundError);
  });

  it('records an identity view of an anonymous case too, with nothing to show', async () => {
    const anonymous = await submitReport(server, validReport());
    await step(server, team.as.admin, anonymous.id, { to: 'in_review' });
    const shown = await api(
      server,
      team.as.admin,
      'POST',
      `/api/v1/cases/${anonymous.id}/identity`,
    );
    expect(shown.json()).toMatchObject({ anonymous: true, name: null, email: null, phone: null });
    expect(await auditOf(server, anonymous.id, 'identity_viewed')).toHaveLength(1);
  });
});
