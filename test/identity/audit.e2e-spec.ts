import { DataSource } from 'typeorm';
import { installationTimeZone } from '@app/core';
import { AuditLog } from '@app/identity';
import { StaffLogin, TestStaff, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

describe('The audit log', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: TestStaff;
  let adminLogin: StaffLogin;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    admin = await createStaff(server, { role: 'administrator', name: 'Audit Admin' });
    adminLogin = await loginAs(server, admin);
  });
  afterAll(async () => {
    await server.close();
  });

  async function api(query: string, login = adminLogin) {
    return server.app.inject({
      method: 'GET',
      url: `/api/v1/audit${query}`,
      headers: { cookie: login.cookie, 'accept-language': 'en' },
    });
  }

  it('records sign-ins with actor, role, subject and address', async () => {
    const response = await api(`?action=login_succeeded&actorId=${admin.id}`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({ page: 1, pageSize: 50, total: 1 });
    expect(page.items[0]).toMatchObject({
      actorId: admin.id,
      actorName: 'Audit Admin',
      actorRole: 'administrator',
      action: 'login_succeeded',
      subjectType: 'staff_user',
      subjectId: admin.id,
      ip: '127.0.0.1',
    });
  });

  it('records from other contexts inside their transaction: a rolled-back change leaves no entry', async () => {
    const audit = server.app.get(AuditLog);
    await db.transaction((manager) =>
      audit.record(manager, {
        action: 'transition',
        actor: { id: admin.id, role: 'administrator' },
        subjectType: 'case',
        subjectId: 'PMD-2025-00001',
        details: { from: 'submitted', to: 'in_review' },
      }),
    );
    await expect(
      db.transaction(async (manager) => {
        await audit.record(manager, {
          action: 'transition',
          subjectType: 'case',
          subjectId: 'PMD-2025-00002',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const found = (await api('?subjectType=case')).json();
    expect(found.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(['PMD-2025-00001']);
    expect(found.items[0].details).toEqual({ from: 'submitted', to: 'in_review' });
    await expect(audit.record(null, { action: 'Not Snake Case' })).rejects.toThrow();
  });

  it('filters by date range in the installation’s days and pages newest first', async () => {
    const audit = server.app.get(AuditLog);
    for (let i = 0; i < 5; i++) {
      await audit.record(null, { action: 'export', subjectType: 'statistics', subjectId: `${i}` });
    }
    const first = (await api('?action=export&pageSize=2')).json();
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(['4', '3']);
    const third = (await api('?action=export&pageSize=2&page=3')).json();
    expect(third.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(['0']);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: installationTimeZone() }).format(
      server.clock.now(),
    );
    expect((await api(`?action=export&from=${today}&to=${today}`)).json().total).toBe(5);
    expect((await api(`?action=export&to=2000-01-01`)).json().total).toBe(0);
    expect((await api('?from=yesterday')).statusCode).toBe(400);
  });

  it('shows administrators the audit page with filters, and nobody else', async () => {
    const page = await server.app.inject({
      method: 'GET',
      url: `/staff/audit?action=login_succeeded&lang=en`,
      headers: { cookie: adminLogin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Audit log');
    expect(page.body).toContain('Signed in');
    expect(page.body).toContain('<option value="login_succeeded" selected>');
    const expert = await createStaff(server, { role: 'legal_expert' });
    const expertLogin = await loginAs(server, expert);
    expect((await api('', expertLogin)).statusCode).toBe(403);
    const expertPage = await server.app.inject({
      method: 'GET',
      url: '/staff/audit',
      headers: { cookie: expertLogin.cookie },
    });
    expect(expertPage.statusCode).toBe(403);
  });

  it('shows subjects and details in words, not codes', async () => {
    const page = await server.app.inject({
      method: 'GET',
      url: `/staff/audit?subjectType=case&lang=en`,
      headers: { cookie: adminLogin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="case" selected>Case</option>');
    expect(page.body).toContain('<option value="staff_user">Staff account</option>');
    // The transition recorded above (submitted → in review), by its statuses' names.
    expect(page.body).toContain('from: Received');
    expect(page.body).toContain('to: Being reviewed');
    expect(page.body).not.toContain('from: submitted');
  });

  it('is append-only in the database, even for the application’s own connection', async () => {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(n).toBeGreaterThan(0);
    await expect(db.query(`UPDATE audit_log SET action = 'logout'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [{ after }] = await db.query(`SELECT count(*)::int AS after FROM audit_log`);
    expect(after).toBe(n);
  });
});
