import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { submitReport } from '../cases/case-fixtures';
import { createStaff } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/**
 * History and audit are append-only in the database itself: the statements below run on the
 * application's own connection (its database role) and must fail there. The audit log has the
 * same guard, proven in test/identity/audit.e2e-spec.ts.
 */
describe('Append-only tables refuse changes from the application’s own connection', () => {
  let server: TestServer;
  let db: DataSource;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.app.get(DataSource);
    caseId = (await submitReport(server)).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const count = async (table: string) =>
    ((await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

  it.each([
    ['UPDATE', `UPDATE case_history SET to_status = 'resolved'`],
    ['DELETE', `DELETE FROM case_history`],
    ['TRUNCATE', `TRUNCATE case_history`],
    ['TRUNCATE (cascading)', `TRUNCATE case_history CASCADE`],
  ])('case_history refuses %s', async (_what, sql) => {
    const before = await count('case_history');
    expect(before).toBeGreaterThan(0);
    await expect(db.query(sql)).rejects.toThrow(/case_history is append-only/);
    expect(await count('case_history')).toBe(before);
  });

  it('case_history refuses changes inside a transaction too, and the transaction rolls back', async () => {
    await expect(
      db.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO case_history (case_id, at, actor_kind, to_status) VALUES ($1, now(), 'system', 'in_review')`,
          [caseId],
        );
        await manager.query(`DELETE FROM case_history WHERE case_id = $1`, [caseId]);
      }),
    ).rejects.toThrow(/append-only/);
    const entries = (await db.query(`SELECT to_status FROM case_history WHERE case_id = $1`, [
      caseId,
    ])) as { to_status: string }[];
    expect(entries).toEqual([{ to_status: 'submitted' }]);
  });

  it('staff notes are never rewritten: UPDATE is refused (a correction is a new note)', async () => {
    const author = await createStaff(server, { role: 'legal_expert' });
    const noteId = randomUUID();
    await db.query(
      `INSERT INTO case_notes (id, case_id, author_id, body) VALUES ($1, $2, $3, 'First note')`,
      [noteId, caseId, author.id],
    );
    await expect(
      db.query(`UPDATE case_notes SET body = 'Rewritten' WHERE id = $1`, [noteId]),
    ).rejects.toThrow(/case_notes is append-only/);
    const [note] = (await db.query(`SELECT body FROM case_notes WHERE id = $1`, [noteId])) as {
      body: string;
    }[];
    expect(note.body).toBe('First note');
  });
});
