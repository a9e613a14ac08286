import { DataSource } from 'typeorm';
import { ERASED_TEXT } from '@app/cases';
import { installationProfile, isOfferedLocale } from '@app/core';
import { StatisticsRecompute } from '@app/statistics';
import { csrfFrom, identifiedReport, submitReport } from '../cases/case-fixtures';
import { assignCase, staffCall, transition } from '../support/case-workflow';
import { FORM, StaffLogin, createStaff, csrfFromPage, form, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

describe('A reporter withdraws their case and asks for erasure', () => {
  let server: TestServer;
  let db: DataSource;
  let admin: StaffLogin;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', FOLLOW_UP_RATE_LIMIT: '1000' });
    db = server.app.get(DataSource);
    admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
  });
  afterAll(async () => {
    await server.close();
  });

  const api = (url: string, payload: Record<string, unknown>) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { 'accept-language': 'en' },
      payload,
    });
  const reporterHistory = async (caseId: string) =>
    (await db.query(
      `SELECT actor_kind, actor_id, from_status, to_status, reason, public FROM case_history
       WHERE case_id = $1 AND actor_kind = 'reporter' ORDER BY id`,
      [caseId],
    )) as Record<string, unknown>[];
  const expectStatisticsConsistent = async () =>
    expect((await server.app.get(StatisticsRecompute).run({ limit: 10 })).total).toBe(0);

  it('withdraws through the API: closed as withdrawn by the reporter, counted, and a repeat changes nothing', async () => {
    const filed = await submitReport(server, identifiedReport());
    const res = await api('/api/v1/follow-up/withdraw', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      reference: filed.reference,
      status: 'closed',
      closureReason: 'withdrawn',
      personalDataErased: false,
    });
    expect(await reporterHistory(filed.id)).toEqual([
      {
        actor_kind: 'reporter',
        actor_id: null,
        from_status: null,
        to_status: 'submitted',
        reason: null,
        public: true,
      },
      {
        actor_kind: 'reporter',
        actor_id: null,
        from_status: 'submitted',
        to_status: 'closed',
        reason: 'withdrawn',
        public: true,
      },
    ]);
    await expectStatisticsConsistent();

    const again = await api('/api/v1/follow-up/withdraw', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
    });
    expect(again.statusCode).toBe(200);
    expect(await reporterHistory(filed.id)).toHaveLength(2);

    // Staff see it closed as withdrawn; an administrator may reopen it as any closed case.
    const detail = await staffCall<{ status: string; closureReason: string }>(
      server,
      admin,
      'GET',
      `/api/v1/cases/${filed.id}`,
    );
    expect(detail).toMatchObject({ status: 'closed', closureReason: 'withdrawn' });
  });

  it('withdraws and erases at once; the statistics keep the case', async () => {
    const filed = await submitReport(server, identifiedReport());
    await api('/api/v1/follow-up/messages', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
      body: 'Please call me on my second number.',
    });
    const before = await staffCall(
      server,
      admin,
      'GET',
      '/api/v1/statistics/staff/yearly?from=2000',
    );
    const res = await api('/api/v1/follow-up/withdraw', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
      erasePersonalData: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', personalDataErased: true });
    const [row] = (await db.query(
      `SELECT contact_name_enc, contact_email_enc, contact_phone_enc, description FROM cases WHERE id = $1`,
      [filed.id],
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      contact_name_enc: null,
      contact_email_enc: null,
      contact_phone_enc: null,
      description: ERASED_TEXT,
    });
    const messages = (await db.query(`SELECT body FROM case_messages WHERE case_id = $1`, [
      filed.id,
    ])) as { body: string }[];
    expect(messages).toEqual([{ body: ERASED_TEXT }]);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE case_id = $1 AND recipient_kind = 'reporter'`,
      [filed.id],
    )) as { n: number }[];
    expect(n).toBe(0);

    // Reported stays the same; the case moved from submitted to closed (withdrawn).
    const after = await staffCall(
      server,
      admin,
      'GET',
      '/api/v1/statistics/staff/yearly?from=2000',
    );
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    const reported = (figures: unknown) =>
      JSON.stringify(figures)
        .match(/"reported":\d+/g)
        ?.join(',');
    expect(reported(after)).toBe(reported(before));
    await expectStatisticsConsistent();
  });

  it('refuses to withdraw a case with an outcome (409), but erases its data on request', async () => {
    const expertUser = await createStaff(server, { role: 'legal_expert' });
    const expert = await loginAs(server, expertUser);
    const filed = await submitReport(server, identifiedReport());
    const early = await api('/api/v1/follow-up/erase', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'case_still_open' });

    await assignCase(server, admin, filed.id, expertUser.id);
    await transition(server, expert, filed.id, { to: 'resolved' });
    const withdraw = await api('/api/v1/follow-up/withdraw', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
    });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json()).toMatchObject({ code: 'case_not_withdrawable' });

    const erase = await api('/api/v1/follow-up/erase', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
    });
    expect(erase.statusCode).toBe(200);
    expect(erase.json()).toMatchObject({ status: 'resolved', personalDataErased: true });
    await expectStatisticsConsistent();
  });

  it('answers a wrong receipt code like an unknown reference (404), changing nothing', async () => {
    const filed = await submitReport(server, identifiedReport());
    for (const url of ['/api/v1/follow-up/withdraw', '/api/v1/follow-up/erase']) {
      const res = await api(url, { reference: filed.reference, receiptCode: '1234567812345678' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'case_access_denied' });
    }
    const [row] = (await db.query(`SELECT status FROM cases WHERE id = $1`, [filed.id])) as {
      status: string;
    }[];
    expect(row.status).toBe('submitted');
  });

  it('withdraws and erases from the follow-up page: confirmation and CSRF token required', async () => {
    const filed = await submitReport(server, identifiedReport());
    const signIn = await csrfFrom(server, '/follow-up');
    const session = await server.app.inject({
      method: 'POST',
      url: '/follow-up',
      headers: { cookie: signIn.cookie, 'content-type': FORM },
      payload: form({
        reference: filed.reference,
        receiptCode: filed.receiptCode,
        _csrf: signIn.token,
      }),
    });
    expect(session.statusCode).toBe(303);
    const cookie = [
      signIn.cookie,
      ...([] as string[]).concat(session.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
    ].join('; ');
    const page = await server.app.inject({
      method: 'GET',
      url: '/follow-up/case?lang=en',
      headers: { cookie },
    });
    expect(page.body).toContain('action="/follow-up/withdraw"');
    expect(page.body).toContain('Withdraw the report');
    // The token of the signed-in page: one from before sign-in is not the session's.
    const token = csrfFromPage(page.body);

    const post = (fields: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: '/follow-up/withdraw?lang=en',
        headers: { cookie, 'content-type': FORM },
        payload: form(fields),
      });
    expect((await post({ confirm: 'yes' })).statusCode).toBe(403);
    const unconfirmed = await post({ _csrf: token, erase: 'yes' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Tick the box to confirm.');
    expect(unconfirmed.body).toContain('href="#f-confirm"');

    const done = await post({ _csrf: token, confirm: 'yes', erase: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/follow-up/case?done=withdrawn');
    const after = await server.app.inject({
      method: 'GET',
      url: '/follow-up/case?done=withdrawn&lang=en',
      headers: { cookie },
    });
    expect(after.body).toContain('Your report was withdrawn.');
    expect(after.body).toContain('Your personal data has been erased.');
    expect(after.body).not.toContain('action="/follow-up/withdraw"');
    const [row] = (await db.query(
      `SELECT status, closure_reason, personal_data_erased_at FROM cases WHERE id = $1`,
      [filed.id],
    )) as { status: string; closure_reason: string; personal_data_erased_at: Date | null }[];
    expect(row).toMatchObject({ status: 'closed', closure_reason: 'withdrawn' });
    expect(row.personal_data_erased_at).not.toBeNull();
  });

  it('offers erasure on the page of a closed case, in every language', async () => {
    const filed = await submitReport(server, identifiedReport());
    await api('/api/v1/follow-up/withdraw', {
      reference: filed.reference,
      receiptCode: filed.receiptCode,
    });
    const signIn = await csrfFrom(server, '/follow-up');
    const session = await server.app.inject({
      method: 'POST',
      url: '/follow-up',
      headers: { cookie: signIn.cookie, 'content-type': FORM },
      payload: form({
        reference: filed.reference,
        receiptCode: filed.receiptCode,
        _csrf: signIn.token,
      }),
    });
    const cookie = [
      signIn.cookie,
      ...([] as string[]).concat(session.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
    ].join('; ');
    const texts: Record<string, string> = {
      sq: 'Fshi të dhënat e mia',
      sr: 'Obriši moje podatke',
      en: 'Erase my data',
      'sr-Cyrl': 'Обриши моје податке',
      rom: 'Khos mingre podatkura',
    };
    let token = '';
    // A language the profile does not offer shows the page in the default language.
    const fallback = texts[installationProfile().languages.default];
    for (const [lang, button] of Object.entries(texts)) {
      const page = await server.app.inject({
        method: 'GET',
        url: `/follow-up/case?lang=${lang}`,
        headers: { cookie },
      });
      expect(page.body).toContain('action="/follow-up/erase"');
      expect({ lang, has: page.body.includes(isOfferedLocale(lang) ? button : fallback) }).toEqual({
        lang,
        has: true,
      });
      token = csrfFromPage(page.body);
    }
    const erased = await server.app.inject({
      method: 'POST',
      url: '/follow-up/erase',
      headers: { cookie, 'content-type': FORM },
      payload: form({ _csrf: token, confirm: 'yes' }),
    });
    expect(erased.statusCode).toBe(303);
    expect(erased.headers.location).toBe('/follow-up/case?done=erased');
  });
});
