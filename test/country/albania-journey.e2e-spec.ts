import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadCountryProfile } from '@app/core';
import { csrfFrom, identifiedReport, multipart, rows, submitReport } from '../cases/case-fixtures';
import {
  Group,
  addItem,
  call,
  caseStatus,
  createGroup,
  dueDate,
  expectStatus,
  holdMeeting,
  planMeeting,
} from '../meetings/meeting-fixtures';
import { addContactPoint, withOutcomeMessage } from '../support/case-workflow';
import { FORM, createOrganisation, form } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

const ALBANIA = loadCountryProfile('albania');
const COMMISSIONER = 'commissioner_protection_discrimination';

/** A date-time written in a time zone, as `Intl` gives it (`2026-12-06 23:30`). */
function wallTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * `COUNTRY=albania`: an installation with Albania's profile runs the whole journey on its own
 * reference data (an Albanian municipality, the Commissioner for Protection from
 * Discrimination), languages (sq, rom, en), time zone (Europe/Tirane) and reference prefix.
 */
describe('An Albanian installation: report to regional report', () => {
  let server: TestServer;
  let group: Group;
  let caseId: string;
  let reference: string;
  let referralLink: string;

  beforeAll(async () => {
    server = await startTestServer({ COUNTRY: 'albania', INTAKE_RATE_LIMIT: '10000' });
    group = await createGroup(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('holds Albania’s reference data: 61 municipalities offered, Kosovo’s kept inactive', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/taxonomy?lang=sq' });
    expectStatus(res, 200);
    const kinds = (res.json() as { kinds: Record<string, { code: string; label: string }[]> })
      .kinds;
    expect(kinds.municipality).toHaveLength(61);
    expect(kinds.municipality.map((m) => m.code)).toContain('korce');
    expect(kinds.community.map((c) => c.code)).toEqual(['roma', 'egyptian', 'other']);
    expect(kinds.institution.map((i) => i.code)).toEqual(ALBANIA.institutions.map((i) => i.code));
    const [kosovo] = await rows<{ active: boolean }>(
      server,
      `SELECT active FROM taxonomy_items WHERE kind = 'municipality' AND code = 'prizren'`,
    );
    expect(kosovo).toEqual({ active: false });
  });

  it('takes a report from Korçë and gives it a reference with Albania’s prefix', async () => {
    const submitted = await submitReport(
      server,
      identifiedReport({ municipality: 'korce', community: 'egyptian' }),
    );
    caseId = submitted.id;
    reference = submitted.reference;
    expect(reference).toMatch(new RegExp(`^${ALBANIA.referencePrefix}-\\d{4}-\\d{5}$`));
    expect(reference.startsWith('PMDAL-')).toBe(true);
    // A Kosovo municipality is no longer offered.
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: identifiedReport({ municipality: 'prizren' }),
    });
    expect(refused.statusCode).toBe(400);
  });

  it('finds the case by its reference as staff type it', async () => {
    const res = await call(
      server,
      group.as.admin,
      'GET',
      `/api/v1/cases?q=${encodeURIComponent(reference.toLowerCase().slice(0, 10))}`,
    );
    expectStatus(res, 200);
    expect(JSON.stringify(res.json())).toContain(reference);
  });

  it('is triaged, assigned, put before the Technical Group and referred to the Commissioner', async () => {
    for (const step of [{ to: 'in_review' }, { to: 'assigned', assigneeId: group.expert.id }]) {
      expectStatus(
        await call(server, group.as.admin, 'POST', `/api/v1/cases/${caseId}/transitions`, step),
        200,
      );
    }
    const meetingId = await planMeeting(server, group);
    await addItem(server, group.as.expert, meetingId, caseId, {
      proposedInstitutionCodes: [COMMISSIONER],
    });
    expect(await caseStatus(server, caseId)).toBe('technical_group');
    await holdMeeting(server, group, meetingId);
    const decided = await call(
      server,
      group.as.admin,
      'POST',
      `/api/v1/meetings/${meetingId}/decisions`,
      {
        caseId,
        kind: 'refer',
        text: 'Referohet te Komisioneri për Mbrojtjen nga Diskriminimi.',
        referrals: [
          {
            institutionCode: COMMISSIONER,
            recommendation: 'Të shqyrtohet ankesa dhe të merren masa brenda afatit.',
            summary: 'A school moved the Egyptian pupils of one grade to a separate class.',
            responseDueDate: dueDate(server),
            contactPointId: await addContactPoint(server, {
              institutionCode: COMMISSIONER,
              unit: 'Komisioneri, sektori i ankesave (test)',
              email: 'ankesa.kmd@example.org',
            }),
          },
        ],
      },
    );
    expectStatus(decided, 201);
    expect(await caseStatus(server, caseId)).toBe('referred');
    const [mail] = await rows<{ params: { responseUrl: string } }>(
      server,
      `SELECT params FROM notification_outbox WHERE template = 'referral_sent' AND case_id = $1`,
      [caseId],
    );
    referralLink = new URL(mail.params.responseUrl).pathname;
  });

  it('takes the Commissioner’s answer through the response link', async () => {
    const page = await csrfFrom(server, `${referralLink}?lang=en`);
    const body = multipart([
      ['outcome', 'complied'],
      ['text', 'The pupils are back in their classes; the school director was warned.'],
    ]);
    const sent = await server.app.inject({
      method: 'POST',
      url: `${referralLink}?_csrf=${encodeURIComponent(page.token)}&lang=en`,
      payload: body.payload,
      headers: { ...body.headers, cookie: page.cookie },
    });
    expect(sent.statusCode).toBe(303);
    const [referral] = await rows<{ institution_code: string; answer_outcome: string }>(
      server,
      'SELECT institution_code, answer_outcome FROM case_referrals WHERE case_id = $1',
      [caseId],
    );
    expect(referral).toEqual({ institution_code: COMMISSIONER, answer_outcome: 'complied' });
  });

  it('records the outcome', async () => {
    expectStatus(
      await call(
        server,
        group.as.expert,
        'POST',
        `/api/v1/cases/${caseId}/transitions`,
        withOutcomeMessage({ to: 'resolved' }),
      ),
      200,
    );
    expect(await caseStatus(server, caseId)).toBe('resolved');
  });

  it('counts the case in the year’s statistics, by Albanian municipality and institution', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tirane', year: 'numeric' }).format(
        server.clock.now(),
      ),
    );
    const res = await call(
      server,
      group.as.admin,
      'GET',
      `/api/v1/statistics/staff/yearly?from=${year}&to=${year}`,
    );
    expectStatus(res, 200);
    const [figures] = (
      res.json() as {
        years: {
          figures: {
            reported: number;
            status: { resolved: number };
            meetingsHeld: number;
            breakdowns: Record<string, Record<string, number>>;
            referrals: Record<string, { sent: number; complied: number }>;
          };
        }[];
      }
    ).years;
    expect(figures.figures).toMatchObject({
      reported: 1,
      status: { resolved: 1 },
      meetingsHeld: 1,
    });
    expect(figures.figures.breakdowns.municipality.korce).toBe(1);
    expect(figures.figures.breakdowns.community.egyptian).toBe(1);
    expect(figures.figures.referrals[COMMISSIONER]).toMatchObject({ sent: 1, complied: 1 });
  });

  it('writes the regional report for the year, valid against the published schema', async () => {
    const schema = JSON.parse(
      await readFile(join(__dirname, '../../docs/regional-report/v1/schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const year = Number(reference.split('-')[1]);
    const res = await server.app.inject({
      method: 'GET',
      url: `/staff/statistics/regional-report?year=${year}&lang=en`,
      headers: { cookie: group.as.admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`regional-report-al-${year}.json`);
    const report = res.json() as { country: unknown };
    expect(validate(report)).toBe(true);
    expect(report.country).toEqual({ code: 'AL', name: 'Albania' });
  });

  describe('pages', () => {
    it('offers Albanian, Romani and English only', async () => {
      const page = await server.app.inject({ method: 'GET', url: '/?lang=en' });
      expect(page.statusCode).toBe(200);
      const offered = [...page.body.matchAll(/href="\/\?lang=([a-zA-Z-]+)"/g)].map((m) => m[1]);
      expect(offered).toEqual(['sq', 'rom', 'en']);
    });

    it('answers a Serbian request in Albanian, the default language', async () => {
      for (const request of [
        { url: '/?lang=sr', headers: {} },
        { url: '/', headers: { 'accept-language': 'sr-Latn-RS,sr;q=0.9' } },
        { url: '/', headers: { cookie: 'lang=sr-Cyrl' } },
      ]) {
        const page = await server.app.inject({ method: 'GET', ...request });
        expect(page.statusCode).toBe(200);
        expect(page.body).toMatch(/<html[^>]* lang="sq"/);
      }
      // Romani and English are offered: asked for, they are given.
      const rom = await server.app.inject({
        method: 'GET',
        url: '/',
        headers: { 'accept-language': 'sr, rom;q=0.8' },
      });
      expect(rom.body).toMatch(/<html[^>]* lang="rom"/);
    });

    it('shows Albania’s help and appeal contacts, not Kosovo’s', async () => {
      for (const url of ['/help?lang=en', '/privacy?lang=en', '/contact?lang=en']) {
        expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      }
      const help = await server.app.inject({ method: 'GET', url: '/help?lang=en' });
      expect(help.body).toContain('https://www.kmd.al');
      expect(help.body).toContain('People&#39;s Advocate');
      expect(help.body).toContain('129');
      expect(help.body).not.toContain('oik-rks.org');
      expect(help.body).not.toContain('Kosovo Police');
    });

    it('names neither Kosovo’s office nor Albanian words on its Romani pages', async () => {
      for (const path of ['/', '/help', '/privacy', '/contact', '/report']) {
        for (const lang of ['sq', 'rom', 'en']) {
          const page = await server.app.inject({ method: 'GET', url: `${path}?lang=${lang}` });
          expect(page.statusCode).toBe(200);
          expect(page.body).not.toMatch(/Qeverisje|Good Governance|Upravljanje|Kryeministr/);
          expect(page.body).not.toMatch(/Kosov/);
          if (lang === 'rom') {
            // The profile's Albanian names of the country, institutions and contacts.
            expect(page.body).not.toMatch(
              /Shqipëri|Komisioneri|Avokati i Popullit|Policia e Shtetit/,
            );
          }
        }
      }
      const contact = await server.app.inject({ method: 'GET', url: '/contact?lang=rom' });
      expect(contact.body).toContain('Državno policija');
      expect(contact.body).toContain('112');
    });

    it('refuses a language not offered as a reporter’s or a staff member’s language', async () => {
      const refused = await server.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: identifiedReport({ municipality: 'korce', preferredLanguage: 'sr' }),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('preferredLanguage');
      const invite = (locale: string) =>
        call(server, group.as.admin, 'POST', '/api/v1/staff-users', {
          name: 'Arta Hoxha',
          email: `arta.${locale}@example.org`,
          role: 'legal_expert',
          locale,
        });
      const serbian = await invite('sr');
      expect(serbian.statusCode).toBe(400);
      expect(serbian.body).toContain('"field":"locale"');
      expect((await invite('rom')).statusCode).toBe(201);
      // A community mediator's language too.
      const organisation = await createOrganisation(server);
      const inviteMediator = (locale: string) =>
        server.app.inject({
          method: 'POST',
          url: `/staff/organisations/${organisation.id}/mediators?lang=en`,
          headers: { cookie: group.as.admin.cookie, 'content-type': FORM },
          payload: form({
            name: 'Besa Mediatore',
            email: `besa.${locale}@partner.example.org`,
            locale,
            _csrf: group.as.admin.csrf,
          }),
        });
      const serbianMediator = await inviteMediator('sr');
      expect(serbianMediator.statusCode).toBe(400);
      const mediators = () =>
        rows(server, `SELECT email FROM staff_users WHERE organisation_id = $1 ORDER BY email`, [
          organisation.id,
        ]);
      expect(await mediators()).toEqual([]);
      expect((await inviteMediator('rom')).statusCode).toBe(303);
      expect(await mediators()).toEqual([{ email: 'besa.rom@partner.example.org' }]);
    });

    it('shows times in Europe/Tirane and the country’s name in the meeting form', async () => {
      const meetingId = await planMeeting(
        server,
        group,
        new Date(server.clock.now().getTime() + 7 * 86_400_000),
      );
      const res = await call(server, group.as.admin, 'GET', `/api/v1/meetings/${meetingId}`);
      expectStatus(res, 200);
      const scheduledAt = new Date((res.json() as { scheduledAt: string }).scheduledAt);
      const page = await server.app.inject({
        method: 'GET',
        url: '/staff/meetings?lang=en',
        headers: { cookie: group.as.admin.cookie },
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('(local time, Albania)');
      const [date, time] = wallTime(scheduledAt, 'Europe/Tirane').split(' ');
      const [y, m, d] = date.split('-');
      expect(page.body).toMatch(new RegExp(`(${date}|${d}\\.${m}\\.${y})[^<]{0,3}${time}`));
    });
  });
});
