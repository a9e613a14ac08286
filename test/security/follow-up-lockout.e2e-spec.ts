import type { LightMyRequestResponse } from 'fastify';
import { installationReferencePrefix } from '@app/core';
import { rows, submitReport } from '../cases/case-fixtures';
import { createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

function wrongCode(code: string): string {
  return code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
}

/** The problem without what differs from request to request. */
function comparable(res: LightMyRequestResponse): Record<string, unknown> {
  return { ...(res.json() as Record<string, unknown>), requestId: undefined, instance: undefined };
}

/**
 * Issue 14, item 4: five wrong codes used to lock a reference for everyone, the reporter with
 * the right code included. Now one client's wrong codes lock out that client only; many clients
 * slow each other down instead of shutting the owner out; staff see the attack; and a reference
 * no case has answers exactly like one that exists. The client is varied with fastify's
 * `remoteAddress`, which does not depend on TRUST_PROXY.
 */
describe('Receipt-code guessing cannot lock a reporter out of their case', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      INTAKE_RATE_LIMIT: '1000',
      FOLLOW_UP_RATE_LIMIT: '1000',
      FOLLOW_UP_REFERENCE_FAILURES: '8',
      FOLLOW_UP_BACKOFF_MAX_SECONDS: '60',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  function followUp(reference: string, receiptCode: string, remoteAddress: string) {
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference, receiptCode },
      headers: { 'accept-language': 'en' },
      remoteAddress,
    });
  }

  it('lets the right code in from another address after five wrong codes from one, and keeps refusing that one', async () => {
    const filed = await submitReport(server);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await followUp(filed.reference, wrongCode(filed.receiptCode), '10.0.0.1');
      expect([attempt, res.statusCode]).toEqual([attempt, 404]);
    }
    const owner = await followUp(filed.reference, filed.receiptCode, '10.0.0.2');
    expect(owner.statusCode).toBe(200);
    expect(owner.json()).toMatchObject({ reference: filed.reference });

    for (const code of [wrongCode(filed.receiptCode), filed.receiptCode]) {
      const refused = await followUp(filed.reference, code, '10.0.0.1');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'case_locked' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    }
    server.clock.advance(10 * 60_000);
    expect((await followUp(filed.reference, filed.receiptCode, '10.0.0.1')).statusCode).toBe(429);
    // The owner is never concerned, before or after.
    expect((await followUp(filed.reference, filed.receiptCode, '10.0.0.2')).statusCode).toBe(200);
  });

  it('judges at most five of twenty parallel wrong codes from one address', async () => {
    const filed = await submitReport(server);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        followUp(filed.reference, wrongCode(filed.receiptCode), '10.0.4.1'),
      ),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await followUp(filed.reference, filed.receiptCode, '10.0.4.1')).statusCode).toBe(429);
    expect((await followUp(filed.reference, filed.receiptCode, '10.0.4.2')).statusCode).toBe(200);
  });

  it('answers a locked reference and an unknown one alike, attempt by attempt', async () => {
    const filed = await submitReport(server);
    const unknown = `${installationReferencePrefix()}-2020-99999`;
    const code = wrongCode(filed.receiptCode);
    for (let attempt = 1; attempt <= 7; attempt++) {
      const known = await followUp(filed.reference, code, '10.0.1.1');
      const none = await followUp(unknown, code, '10.0.1.1');
      expect([attempt, known.statusCode]).toEqual([attempt, none.statusCode]);
      expect(comparable(known)).toEqual(comparable(none));
      const retry = [known, none].map((r) => Number(r.headers['retry-after'] ?? 0));
      expect(Math.abs(retry[0] - retry[1])).toBeLessThanOrEqual(1);
      expect(known.statusCode).toBe(attempt <= 5 ? 404 : 429);
    }
    // The unknown reference was counted the same way, with no case behind it.
    const counted = await rows(
      server,
      `SELECT reference, attempts, locked_until IS NOT NULL AS locked
       FROM follow_up_client_attempts WHERE reference = ANY($1) ORDER BY reference`,
      [[filed.reference, unknown]],
    );
    expect(counted.map((r) => ({ ...r, reference: r.reference === unknown }))).toEqual([
      { reference: true, attempts: 5, locked: true },
      { reference: false, attempts: 5, locked: true },
    ]);
  });

  it('slows addresses that already failed on a hammered reference, lets the owner in, and flags it for staff', async () => {
    const filed = await submitReport(server);
    const quiet = await submitReport(server);
    const code = wrongCode(filed.receiptCode);
    // Sixteen addresses, one wrong code each: none of them is made to wait for its first.
    for (let i = 1; i <= 16; i++) {
      const res = await followUp(filed.reference, code, `10.0.2.${i}`);
      expect([i, res.statusCode]).toEqual([i, 404]);
    }
    // An address that failed already now waits for the reference's delay.
    const slowed = await followUp(filed.reference, code, '10.0.2.1');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ code: 'rate_limited' });
    const wait = Number(slowed.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await followUp(filed.reference, code, '10.0.2.2')).statusCode).toBe(429);

    // The owner, from an address with no failure of its own, gets in at once.
    expect((await followUp(filed.reference, filed.receiptCode, '10.0.3.1')).statusCode).toBe(200);
    // The owner who mistyped once waits, and then gets in: slowed, never shut out.
    expect((await followUp(filed.reference, code, '10.0.3.2')).statusCode).toBe(404);
    const mistyped = await followUp(filed.reference, filed.receiptCode, '10.0.3.2');
    expect(mistyped.statusCode).toBe(429);
    server.clock.advance(Number(mistyped.headers['retry-after']) * 1000);
    expect((await followUp(filed.reference, filed.receiptCode, '10.0.3.2')).statusCode).toBe(200);

    // Staff see it: in the API, on the case list and on the case page; the log names it.
    const admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
    const detail = await server.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${filed.id}`,
      headers: admin.headers,
    });
    expect(detail.json().receiptCodeAttack).toEqual({
      lastAt: expect.any(String),
      wrongCodes: 17,
    });
    const other = await server.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${quiet.id}`,
      headers: admin.headers,
    });
    expect(other.json().receiptCodeAttack).toBeNull();

    const list = await server.app.inject({
      method: 'GET',
      url: '/staff/cases?lang=en',
      headers: { cookie: admin.cookie },
    });
    const rowOf = (reference: string) =>
      new RegExp(`<tr>\\s*<th scope="row"><a [^>]*>${reference}</a>(.*?)</th>`, 's').exec(
        list.body,
      )?.[1];
    expect(rowOf(filed.reference)).toContain('Wrong codes from many addresses');
    expect(rowOf(quiet.reference)).not.toContain('Wrong codes from many addresses');
    const page = await server.app.inject({
      method: 'GET',
      url: `/staff/cases/${filed.id}?lang=en`,
      headers: { cookie: admin.cookie },
    });
    expect(page.body).toContain('Many wrong receipt codes were tried for this reference');
    expect(page.body).toContain('17 in all');
    expect(server.logs.text()).toContain('receipt codes tried for a reference from many clients');
  });
});
