import { randomUUID } from 'node:crypto';
import { CaseMessagesService } from '@app/cases';
import { installationReferencePrefix, isOfferedLocale, translate } from '@app/core';
import { TestServer, startTestServer } from '../support/test-server';
import { SubmittedCaseBody, identifiedReport, rows, submitReport } from './case-fixtures';

function group(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function wrongCode(code: string): string {
  return code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
}

describe('Follow-up with reference and receipt code', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', FOLLOW_UP_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  function followUp(reference: string, receiptCode: string, language = 'en') {
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference, receiptCode },
      headers: { 'accept-language': language },
    });
  }

  it('shows the status in plain words, the public timeline, messages and evidence', async () => {
    const filed = await submitReport(server);
    const res = await followUp(filed.reference.toLowerCase(), group(filed.receiptCode));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      reference: filed.reference,
      status: 'submitted',
      statusLabel: 'Received',
      statusExplanation: 'We received your report. A staff member will look at it soon.',
      submittedAt: filed.submittedAt,
      timeline: [{ at: filed.submittedAt, status: 'submitted', label: 'Received' }],
      messages: [],
      evidence: [],
      decided: false,
      outcomeMessage: null,
      sharedAnswers: [],
      personalDataErased: false,
    });
    // In another language the installation offers (Serbian in Kosovo, Romani in Albania).
    const other = isOfferedLocale('sr') ? 'sr' : 'rom';
    const translated = await followUp(filed.reference, filed.receiptCode, other);
    expect(translated.json().statusLabel).toBe(translate(other, 'case.status.submitted'));
    expect(translated.json().statusLabel).not.toBe('Received');
  });

  it('shows only the public entries of the timeline', async () => {
    const filed = await submitReport(server);
    await rows(
      server,
      `INSERT INTO case_history (case_id, at, actor_kind, actor_id, from_status, to_status, reason, public)
       VALUES ($1, now(), 'staff', $2, 'submitted', 'in_review', 'internal note', false)`,
      [filed.id, randomUUID()],
    );
    const res = await followUp(filed.reference, filed.receiptCode);
    expect(res.json().timeline.map((e: { status: string }) => e.status)).toEqual(['submitted']);
    expect(res.body).not.toContain('internal note');
  });

  it('gives the same answer to an unknown reference and to a wrong code', async () => {
    const filed = await submitReport(server);
    const wrong = await followUp(filed.reference, wrongCode(filed.receiptCode));
    const unknown = await followUp(
      `${installationReferencePrefix()}-2020-99999`,
      filed.receiptCode,
    );
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(comparable(wrong.json())).toEqual(comparable(unknown.json()));
    expect(wrong.json()).toMatchObject({
      code: 'case_access_denied',
      detail:
        'We could not find a case with this reference and receipt code. Check both and try again.',
    });
  });

  it('refuses a malformed reference or code as bad input, without counting an attempt', async () => {
    const filed = await submitReport(server);
    const res = await followUp('CASE-42', '123');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['isCaseReference', 'isReceiptCode']);
    await followUp(filed.reference, '12345');
    const counted = await rows(
      server,
      'SELECT attempts FROM follow_up_client_attempts WHERE reference = $1',
      [filed.reference],
    );
    expect(counted).toEqual([]);
  });

  it('locks the client out of a reference for 15 minutes after 5 wrong codes, then lets the right code in again', async () => {
    const filed = await submitReport(server);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await followUp(filed.reference, wrongCode(filed.receiptCode));
      expect([attempt, res.statusCode]).toEqual([attempt, 404]);
    }
    const locked = await followUp(filed.reference, filed.receiptCode);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      code: 'case_locked',
      detail:
        'Too many wrong codes were tried for this case. For your safety, try again in 15 minutes.',
    });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);

    server.clock.advance(14 * 60_000);
    expect((await followUp(filed.reference, filed.receiptCode)).statusCode).toBe(429);
    server.clock.advance(61_000);
    const open = await followUp(filed.reference, filed.receiptCode);
    expect(open.statusCode).toBe(200);
    const counted = await rows(
      server,
      'SELECT attempts FROM follow_up_client_attempts WHERE reference = $1',
      [filed.reference],
    );
    const [row] = await rows(server, 'SELECT version FROM cases WHERE id = $1', [filed.id]);
    // The client's count is given back, and counting attempts never bumped the case's version.
    expect(counted).toEqual([]);
    expect(row).toEqual({ version: 1 });
  });

  it('resets the count of wrong codes after a right one', async () => {
    const filed = await submitReport(server);
    for (let i = 0; i < 4; i++) await followUp(filed.reference, wrongCode(filed.receiptCode));
    expect((await followUp(filed.reference, filed.receiptCode)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await followUp(filed.reference, wrongCode(filed.receiptCode));
    expect((await followUp(filed.reference, filed.receiptCode)).statusCode).toBe(200);
  });

  describe('messages with the legal expert', () => {
    let filed: SubmittedCaseBody;

    beforeAll(async () => {
      filed = await submitReport(server, identifiedReport());
    });

    it('shows the expert’s message, marks it read and takes the reporter’s answer', async () => {
      const expertId = randomUUID();
      const messages = server.app.get(CaseMessagesService);
      await messages.postFromStaff(
        filed.id,
        expertId,
        'Which school was it, and when did it start?',
      );

      const readMarks = () =>
        rows<{ author_kind: string; read_by_reporter_at: Date | null }>(
          server,
          `SELECT author_kind, read_by_reporter_at FROM case_messages
            WHERE case_id = $1 ORDER BY created_at, author_kind = 'reporter'`,
          [filed.id],
        );
      expect(await readMarks()).toEqual([{ author_kind: 'staff', read_by_reporter_at: null }]);

      const seen = await followUp(filed.reference, filed.receiptCode);
      expect(seen.json().messages).toEqual([
        {
          id: expect.any(String),
          author: 'staff',
          authorLabel: 'Legal expert',
          body: 'Which school was it, and when did it start?',
          createdAt: expect.any(String),
        },
      ]);
      expect(seen.body).not.toContain(expertId);
      const [read] = await readMarks();
      expect(read.read_by_reporter_at).toBeInstanceOf(Date);

      const answer = await server.app.inject({
        method: 'POST',
        url: '/api/v1/follow-up/messages',
        payload: {
          reference: filed.reference,
          receiptCode: filed.receiptCode,
          body: '  The primary school in our village, since September.  ',
        },
      });
      expect(answer.statusCode).toBe(201);
      expect(answer.json()).toEqual({ id: expect.any(String), createdAt: expect.any(String) });
      server.clock.advance(60_000);
      const after = await followUp(filed.reference, filed.receiptCode);
      expect(
        after.json().messages.map((m: { author: string; body: string }) => [m.author, m.body]),
      ).toEqual([
        ['staff', 'Which school was it, and when did it start?'],
        ['reporter', 'The primary school in our village, since September.'],
      ]);
      // Read once, when first shown; the reporter's own message is read by its writer.
      expect(await readMarks()).toEqual([
        { author_kind: 'staff', read_by_reporter_at: read.read_by_reporter_at },
        { author_kind: 'reporter', read_by_reporter_at: expect.any(Date) },
      ]);
    });

    it('tells an identified reporter who agreed to contact that a message waits, without its text', async () => {
      const mail = await rows<{ template: string; params: Record<string, string> }>(
        server,
        `SELECT template, params FROM notification_outbox WHERE case_id = $1 AND template = 'expert_message_reporter'`,
        [filed.id],
      );
      expect(mail).toEqual([
        {
          template: 'expert_message_reporter',
          // Not even the reference: someone else may read the reporter's inbox.
          params: { followUpUrl: `${server.config.app.publicUrl}/follow-up` },
        },
      ]);
    });

    it('sends no email about messages for an anonymous case', async () => {
      const anonymous = await submitReport(server);
      await server.app
        .get(CaseMessagesService)
        .postFromStaff(anonymous.id, randomUUID(), 'A question');
      expect(
        await rows(server, 'SELECT id FROM notification_outbox WHERE case_id = $1', [anonymous.id]),
      ).toEqual([]);
    });

    it('refuses an empty or too long message, and a message with a wrong code', async () => {
      const post = (body: string, receiptCode = filed.receiptCode) =>
        server.app.inject({
          method: 'POST',
          url: '/api/v1/follow-up/messages',
          payload: { reference: filed.reference, receiptCode, body },
        });
      const empty = await post('   ');
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors).toEqual([
        expect.objectContaining({ field: 'body', code: 'isLength' }),
      ]);
      expect((await post('x'.repeat(5001))).statusCode).toBe(400);
      expect((await post('Hello', wrongCode(filed.receiptCode))).statusCode).toBe(404);
    });

    it('never logs message texts or receipt codes', async () => {
      const logs = server.logs.text();
      expect(logs).not.toContain('primary school in our village');
      expect(logs).not.toContain('Which school was it');
      expect(logs).not.toContain(filed.receiptCode);
    });
  });
});

describe('The follow-up rate limit per client', () => {
  it('answers 429 with Retry-After when one client tries too many codes, whatever the reference', async () => {
    const server = await startTestServer({ FOLLOW_UP_RATE_LIMIT: '3' });
    try {
      const attempt = (reference: string) =>
        server.app.inject({
          method: 'POST',
          url: '/api/v1/follow-up',
          payload: { reference, receiptCode: '0000 0000 0000 0000' },
        });
      for (const seq of [1, 2, 3]) {
        expect((await attempt(`${installationReferencePrefix()}-2021-0000${seq}`)).statusCode).toBe(
          404,
        );
      }
      const limited = await attempt(`${installationReferencePrefix()}-2021-00004`);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
