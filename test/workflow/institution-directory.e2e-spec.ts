import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectorySeeder, InstitutionDirectoryService } from '@app/cases';
import { CountryProfile, Locale, csvLine, installationProfile, isOfferedLocale } from '@app/core';
import { DataSource } from 'typeorm';
import { directoryCommand } from '../../apps/server/src/cli/directory.command';
import { multipart } from '../cases/case-fixtures';
import {
  addItem,
  caseStatus,
  createGroup,
  dueDate,
  holdMeeting,
  assignedCase as meetingCase,
  planMeeting,
} from '../meetings/meeting-fixtures';
import { addContactPoint } from '../support/case-workflow';
import { localCode, localName } from '../support/country-codes';
import { SmtpSink } from '../support/smtp-sink';
import { FORM, StaffLogin, createStaff, csrfFromPage, loginAs } from '../support/staff';
import { mailTestEnv, startTestWorker } from '../support/test-worker';
import type { TestServer } from '../support/test-server';
import { until } from '../support/wait';
import {
  Team,
  api,
  assignedCase,
  daysFromNow,
  makeTeam,
  outboxOf,
  referral,
  rows,
  startWorkflowServer,
} from './workflow-fixtures';

/**
 * Written with Kosovo's institutions and municipalities; on another profile its equivalents
 * (test/support/country-codes.ts), named as its profile names them.
 */
const OMBUDSPERSON = localCode('institution', 'ombudsperson');
const EDUCATION = localCode('institution', 'ministry_education');
const HEALTH = localCode('institution', 'ministry_health');
const POLICE = localCode('institution', 'kosovo_police');
const PRIZREN = localCode('municipality', 'prizren');
const GJAKOVE = localCode('municipality', 'gjakove');

/** An administrator's language besides the default and English: Serbian where offered, else Romani. */
const SECOND: { language: Locale; notInDirectory: string; notUtf8: string } = isOfferedLocale('sr')
  ? {
      language: 'sr',
      notInDirectory:
        'Ova adresa nije u imeniku: potvrdite da ste je proverili ili izaberite kontakt tačku.',
      notUtf8: 'Red 1: datoteka nije u UTF-8.',
    }
  : {
      language: 'rom',
      notInDirectory:
        'Akaja adresa naj ko imeniko: potvrdin kaj dikhljan la, vaj alosar jekh kontakti.',
      notUtf8: 'Redo 1: o fajli naj ano UTF-8.',
    };

const PRIZREN_EDUCATION = {
  institutionCode: EDUCATION,
  municipalityCode: PRIZREN,
  unit: 'Department of Education, Prizren',
  email: 'education.prizren@example.org',
  phone: '+383 29 000 111',
  activeFrom: '2020-01-01',
  activeTo: '',
  key: '',
};

/**
 * Five different institutions for five referrals of one case, none of them the police and none
 * that needs a municipality: Kosovo's education ministry, Ombudsperson, courts, health ministry
 * and labour inspectorate, or the installation's equivalents (another where two coincide).
 */
function fiveInstitutions(): string[] {
  const usable = installationProfile()
    .institutions.filter((i) => i.kind !== 'municipality')
    .map((i) => i.code);
  const taken = new Set<string>([POLICE]);
  return ['ministry_education', 'ombudsperson', 'courts', 'ministry_health', 'labour_inspectorate']
    .map((code) => localCode('institution', code))
    .map((code) => {
      const pick =
        !taken.has(code) && usable.includes(code) ? code : usable.find((c) => !taken.has(c))!;
      taken.add(pick);
      return pick;
    });
}

/** A text as the pages write it (HTML-escaped). */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface Problem {
  detail: string;
  errors?: { field: string; code: string; message: string }[];
}

describe('The institution directory', () => {
  let server: TestServer;
  let team: Team;

  let serbianAdmin: StaffLogin;

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
    // The administrator and the legal expert switch to English once (the choice sticks).
    for (const login of [team.as.admin, team.as.expert]) {
      await server.app.inject({
        method: 'GET',
        url: '/staff?lang=en',
        headers: { cookie: login.cookie },
      });
    }
    serbianAdmin = await loginAs(
      server,
      await createStaff(server, { role: 'administrator', locale: SECOND.language }),
    );
  });
  afterAll(async () => {
    await server.close();
  });

  /** Pages in English, whatever the account's language. */
  const english = (url: string) =>
    url.includes('lang=') ? url : `${url}${url.includes('?') ? '&' : '?'}lang=en`;

  function page(url: string, login: StaffLogin = team.as.admin) {
    return server.app.inject({
      method: 'GET',
      url: english(url),
      headers: { cookie: login.cookie, 'accept-language': 'en' },
    });
  }

  function post(url: string, fields: [string, string][], login: StaffLogin = team.as.admin) {
    return server.app.inject({
      method: 'POST',
      url: english(url),
      headers: { cookie: login.cookie, 'content-type': FORM, 'accept-language': 'en' },
      payload: new URLSearchParams([...fields, ['_csrf', login.csrf]]).toString(),
    });
  }

  async function pointCount(): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(
      server,
      'SELECT count(*)::int AS n FROM institution_contact_points',
    );
    return n;
  }

  async function auditOfPoint(id: string) {
    return rows<{ actor_id: string | null; action: string; details: Record<string, unknown> }>(
      server,
      `SELECT actor_id, action, details FROM audit_log
       WHERE subject_type = 'contact_point' AND subject_id = $1 ORDER BY at, id`,
      [id],
    );
  }

  async function importCsv(csv: string | Buffer, login: StaffLogin = team.as.admin, lang = 'en') {
    const body = multipart(
      [],
      [
        {
          field: 'directory',
          filename: 'directory.csv',
          content: typeof csv === 'string' ? Buffer.from(csv) : csv,
          contentType: 'text/csv',
        },
      ],
    );
    return server.app.inject({
      method: 'POST',
      url: `/staff/directory/import?_csrf=${encodeURIComponent(login.csrf)}${lang ? `&lang=${lang}` : ''}`,
      headers: {
        ...body.headers,
        cookie: login.cookie,
        'accept-language': lang || SECOND.language,
      },
      payload: body.payload,
    });
  }

  function importApi(csv: string) {
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/directory/import',
      headers: { ...team.as.admin.headers, 'accept-language': 'en' },
      payload: { csv },
    });
  }

  const HEADER = 'key,institution,municipality,unit,email,phone,active_from,active_to';

  describe('seeded from the country profile', () => {
    it('fills an empty directory with the profile’s contact points once, audited without an actor', async () => {
      expect(await pointCount()).toBe(0);
      const installed = server.app.get(CountryProfile).data;
      const profile = new CountryProfile({
        ...installed,
        institutions: installed.institutions.map((institution) =>
          institution.code === OMBUDSPERSON
            ? {
                ...institution,
                contactPoints: [
                  {
                    unit: 'Ombudsperson, Prizren office',
                    municipality: PRIZREN,
                    email: 'prizren@ombudsperson.example.org',
                  },
                  { email: 'info@ombudsperson.example.org', phone: '+383 38 000 000' },
                ],
              }
            : institution,
        ),
      });
      const seeder = new DirectorySeeder(profile, server.app.get(InstitutionDirectoryService));
      await seeder.onApplicationBootstrap();
      const seeded = await rows<Record<string, unknown>>(
        server,
        `SELECT key, institution_code, municipality_code, unit, email, phone, active_to
         FROM institution_contact_points ORDER BY key`,
      );
      expect(seeded).toEqual([
        {
          key: `${OMBUDSPERSON}.2`,
          institution_code: OMBUDSPERSON,
          municipality_code: null,
          // No unit in the profile: the institution's English name.
          unit: localName('institution', OMBUDSPERSON, 'en'),
          email: 'info@ombudsperson.example.org',
          phone: '+383 38 000 000',
          active_to: null,
        },
        {
          key: `${OMBUDSPERSON}.${PRIZREN}.1`,
          institution_code: OMBUDSPERSON,
          municipality_code: PRIZREN,
          unit: 'Ombudsperson, Prizren office',
          email: 'prizren@ombudsperson.example.org',
          phone: null,
          active_to: null,
        },
      ]);
      const audit = await rows<{ actor_id: string | null; details: Record<string, unknown> }>(
        server,
        `SELECT actor_id, details FROM audit_log WHERE action = 'contact_point_created'`,
      );
      expect(audit.map((a) => [a.actor_id, a.details.source])).toEqual([
        [null, 'country_profile'],
        [null, 'country_profile'],
      ]);
      // A directory that holds anything is the administrators': the profile is not read again.
      await seeder.onApplicationBootstrap();
      expect(await pointCount()).toBe(2);
    });
  });

  describe('kept by administrators', () => {
    let id: string;

    it('adds a contact point, shows it with labels, and audits who added it (never its address)', async () => {
      const before = await pointCount();
      const added = await post('/staff/directory', Object.entries(PRIZREN_EDUCATION));
      expect(added.statusCode).toBe(303);
      expect(added.headers.location).toBe('/staff/directory?done=created');
      expect(await pointCount()).toBe(before + 1);
      const [row] = await rows<Record<string, unknown>>(
        server,
        `SELECT id, key, institution_code, municipality_code, unit, email, phone,
           to_char(active_from, 'YYYY-MM-DD') AS active_from, active_to
         FROM institution_contact_points WHERE email = $1`,
        [PRIZREN_EDUCATION.email],
      );
      id = row.id as string;
      expect(row).toMatchObject({
        key: expect.stringMatching(new RegExp(`^${EDUCATION}\\.${PRIZREN}\\.[0-9a-f]{6}$`)),
        institution_code: EDUCATION,
        municipality_code: PRIZREN,
        unit: 'Department of Education, Prizren',
        phone: '+383 29 000 111',
        active_from: '2020-01-01',
        active_to: null,
      });
      expect(await auditOfPoint(id)).toEqual([
        {
          actor_id: team.admin.id,
          action: 'contact_point_created',
          details: {
            key: row.key,
            institutionCode: EDUCATION,
            municipalityCode: PRIZREN,
            source: 'page',
          },
        },
      ]);

      const list = await page('/staff/directory?done=created');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('The contact point was added.');
      expect(list.body).toContain('href="/staff/directory" aria-current="page"');
      expect(list.body).toContain(html(localName('institution', EDUCATION)));
      expect(list.body).toContain('<td>Department of Education, Prizren</td>');
      expect(list.body).not.toContain(`>${EDUCATION}<`);
      // Filters by institution and by municipality.
      const police = await page(`/staff/directory?institution=${POLICE}&municipality=`);
      expect(police.body).not.toContain('<td>Department of Education, Prizren</td>');
      const prizren = await page(`/staff/directory?institution=&municipality=${PRIZREN}`);
      expect(prizren.body).toContain('<td>Department of Education, Prizren</td>');
    });

    it('refuses a bad contact point whole: 400 with every problem named, nothing stored or audited', async () => {
      const before = await pointCount();
      const [{ n: audits }] = await rows<{ n: number }>(
        server,
        'SELECT count(*)::int AS n FROM audit_log',
      );
      const refused = await post('/staff/directory', [
        ...Object.entries({
          ...PRIZREN_EDUCATION,
          institutionCode: 'no_such_institution',
          email: 'not an address',
          activeFrom: '2026-05-01',
          activeTo: '2026-04-01',
        }),
      ]);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('class="error-summary"');
      expect(refused.body).toContain('Enter a valid email address.');
      expect(refused.body).toContain('value="not an address"');
      expect(await pointCount()).toBe(before);
      const [{ n: after }] = await rows<{ n: number }>(
        server,
        'SELECT count(*)::int AS n FROM audit_log',
      );
      expect(after).toBe(audits);
      const unknown = await post('/staff/directory', [
        ...Object.entries({ ...PRIZREN_EDUCATION, institutionCode: 'no_such_institution' }),
      ]);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('href="#institutionCode"');
      const window = await post('/staff/directory', [
        ...Object.entries({
          ...PRIZREN_EDUCATION,
          activeFrom: '2026-05-01',
          activeTo: '2026-04-01',
        }),
      ]);
      expect(window.statusCode).toBe(400);
      expect(window.body).toContain('The last day cannot come before the first.');
    });

    it('edits a contact point; the audit names the fields changed', async () => {
      const form = await page(`/staff/directory/${id}`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('value="education.prizren@example.org"');
      const saved = await post(`/staff/directory/${id}`, [
        ...Object.entries({ ...PRIZREN_EDUCATION, email: 'arsimi.prizren@example.org' }),
      ]);
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/staff/directory?done=updated');
      const audit = await auditOfPoint(id);
      expect(audit.map((a) => [a.action, a.actor_id, a.details.changed])).toEqual([
        ['contact_point_created', team.admin.id, undefined],
        ['contact_point_updated', team.admin.id, 'email'],
      ]);
      expect(JSON.stringify(audit)).not.toContain('@example.org');
      // The audit page shows who changed the directory, in words.
      const auditPage = await page('/staff/audit?subjectType=contact_point');
      expect(auditPage.statusCode).toBe(200);
      expect(auditPage.body).toContain('Directory contact point changed');
      expect(auditPage.body).toContain('Directory contact point added');
      expect(auditPage.body).toContain(team.admin.name);
      // Its details in words: the institution and municipality by name, the source, the fields.
      for (const text of [
        'Source: the directory page, Changed: e-mail',
        html(
          `Institution: ${localName('institution', EDUCATION)}, Municipality: ${localName('municipality', PRIZREN)}`,
        ),
      ]) {
        expect(auditPage.body).toContain(text);
      }
      expect(auditPage.body).toContain('Source: country profile');
      expect(auditPage.body).not.toMatch(/institutionCode|municipalityCode|source: page/);
      expect(auditPage.body).not.toContain('arsimi.prizren@example.org');
      // The filter offers the directory's actions by name.
      for (const [action, label] of [
        ['contact_point_created', 'Directory contact point added'],
        ['contact_point_updated', 'Directory contact point changed'],
      ]) {
        expect(auditPage.body).toContain(`<option value="${action}">${label}</option>`);
      }
      const updates = await page('/staff/audit?action=contact_point_updated');
      expect(updates.body).toContain('Changed: e-mail');
      expect(updates.body).not.toContain('Source: country profile');
    });

    it('two administrators adding the same new key at once: one is added, the other is told the key is taken', async () => {
      const point = {
        ...PRIZREN_EDUCATION,
        key: 'race.add',
        unit: 'Race desk',
        activeTo: '2020-12-31',
      };
      const answers = await Promise.all(
        [0, 1, 2].map(() =>
          server.app.inject({
            method: 'POST',
            url: '/api/v1/directory/contact-points',
            headers: { ...team.as.admin.headers, 'accept-language': 'en' },
            payload: point,
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
      for (const refused of answers.filter((a) => a.statusCode === 400)) {
        expect(refused.json()).toMatchObject({
          code: 'contact_point_key_taken',
          errors: [{ field: 'key', message: 'Another contact point already has this key.' }],
        });
      }
      const [{ n }] = await rows<{ n: number }>(
        server,
        `SELECT count(*)::int AS n FROM institution_contact_points WHERE key = 'race.add'`,
      );
      expect(n).toBe(1);
    });

    it('takes back on its form what the profile seeded and the export wrote (one e-mail and phone rule)', async () => {
      const seeded = await server.app.get(InstitutionDirectoryService).ensure(
        [
          {
            key: 'profile.phone',
            institutionCode: OMBUDSPERSON,
            municipalityCode: null,
            unit: 'Ombudsperson, Peja office',
            email: 'peja@ombudsperson.example.org',
            phone: '(038) 200 100',
            activeFrom: '2020-01-01',
            activeTo: '2020-12-31',
          },
        ],
        'country_profile',
      );
      expect(seeded.created).toBe(1);
      const pointId = await server.app.get(InstitutionDirectoryService).idOfKey('profile.phone');
      const form = await page(`/staff/directory/${pointId}`);
      expect(form.body).toContain('value="(038) 200 100"');
      const saved = await post(`/staff/directory/${pointId}`, [
        ['key', 'profile.phone'],
        ['institutionCode', OMBUDSPERSON],
        ['municipalityCode', ''],
        ['unit', 'Ombudsperson, Peja office (edited)'],
        ['email', 'peja@ombudsperson.example.org'],
        ['phone', '(038) 200 100'],
        ['activeFrom', '2020-01-01'],
        ['activeTo', '2020-12-31'],
      ]);
      expect(saved.statusCode).toBe(303);
      const refused = await post(`/staff/directory/${pointId}`, [
        ['key', 'profile.phone'],
        ['institutionCode', OMBUDSPERSON],
        ['unit', 'Ombudsperson, Peja office'],
        ['email', 'peja@ombudsperson.example.org, other@example.org'],
        ['phone', 'call us'],
        ['activeFrom', '2020-01-01'],
      ]);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Enter a valid email address.');
      expect(refused.body).toContain('Write a valid phone number');
    });

    it('is for administrators only', async () => {
      for (const login of [team.as.expert, team.as.member]) {
        expect((await page('/staff/directory', login)).statusCode).toBe(403);
        expect((await page('/staff/directory/export.csv', login)).statusCode).toBe(403);
        expect(
          (await post('/staff/directory', Object.entries(PRIZREN_EDUCATION), login)).statusCode,
        ).toBe(403);
        expect((await post(`/staff/directory/${id}/end`, [], login)).statusCode).toBe(403);
      }
      expect((await page('/staff/directory/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
        404,
      );
    });
  });

  describe('picked by referrals', () => {
    it('sends the referral e-mail to the contact point and shows staff where it went', async () => {
      const pointId = await addContactPoint(server, {
        unit: 'Department of Education, Gjakovë',
        municipalityCode: 'gjakove', // addContactPoint takes Kosovo's codes
        email: 'education.gjakove@example.org',
      });
      const created = await assignedCase(server, team);
      const sent = await api(
        server,
        team.as.expert,
        'POST',
        `/api/v1/cases/${created.id}/transitions`,
        {
          to: 'referred',
          referrals: [
            referral(server, {
              contactEmail: null,
              oneOffConfirmed: null,
              contactPointId: pointId,
            }),
          ],
          outcomeMessage: 'We asked the ministry to act and will tell you what it answers.',
        },
      );
      expect(sent.statusCode).toBe(200);
      const [stored] = await rows<Record<string, unknown>>(
        server,
        'SELECT recipient, contact_point_id, one_off_confirmed_by FROM case_referrals WHERE case_id = $1',
        [created.id],
      );
      expect(stored).toEqual({
        recipient: 'directory',
        contact_point_id: pointId,
        one_off_confirmed_by: null,
      });
      const mail = (await outboxOf(server, created.id)).find((m) => m.template === 'referral_sent');
      expect(mail?.recipient).toBe('education.gjakove@example.org');

      // Delivered by the worker through real SMTP to the contact point's address.
      const sink = await SmtpSink.start();
      const worker = await startTestWorker(
        mailTestEnv({
          DATABASE_URL: server.config.database.url,
          REDIS_KEY_PREFIX: server.config.redis.keyPrefix,
          SMTP_URL: sink.url,
        }),
      );
      try {
        await until(
          () =>
            sink.mails.some(
              (m) =>
                m.to.includes('education.gjakove@example.org') &&
                m.text.includes(created.reference),
            ),
          'the referral e-mail to the contact point',
        );
      } finally {
        await worker.close();
        await sink.stop();
      }

      const detail = await api(server, team.as.expert, 'GET', `/api/v1/cases/${created.id}`);
      expect(detail.json().referrals[0]).toMatchObject({
        recipient: 'directory',
        contactPointId: pointId,
        contactPoint: `Department of Education, Gjakovë, ${localName('municipality', GJAKOVE, 'en')}`,
        contactEmail: 'education.gjakove@example.org',
        oneOffConfirmedBy: null,
      });
      const shown = await page(`/staff/cases/${created.id}`, team.as.expert);
      expect(shown.body).toContain('Department of Education, Gjakovë');
      expect(shown.body).toContain('(education.gjakove@example.org)');
    });

    it('refuses a referral with neither a contact point nor a confirmed one-off address, in the caller’s language, writing nothing', async () => {
      const created = await assignedCase(server, team);
      const ended = await addContactPoint(server, {
        activeFrom: '2020-01-01',
        activeTo: '2020-12-31',
      });
      const police = await addContactPoint(server, { institutionCode: 'kosovo_police' });
      // Each caller reads the refusal in their account's language.
      const attempt = (referrals: unknown[], login: StaffLogin = team.as.expert) =>
        server.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${created.id}/transitions`,
          headers: login.headers,
          payload: {
            to: 'referred',
            referrals,
            outcomeMessage: 'We asked the ministry to act and will tell you what it answers.',
          },
        });
      const noRecipient = { contactEmail: null, oneOffConfirmed: null };
      const [education, ombudsperson, courts, health, inspectorate] = fiveInstitutions();
      const refused = await attempt([
        referral(server, { institutionCode: education, ...noRecipient }),
        referral(server, { institutionCode: ombudsperson, oneOffConfirmed: false }),
        referral(server, { institutionCode: courts, ...noRecipient, contactPointId: ended }),
        referral(server, {
          institutionCode: health,
          ...noRecipient,
          contactPointId: police,
        }),
        referral(server, {
          institutionCode: inspectorate,
          contactEmailRepeat: 'contact@ministry-educaton.test',
        }),
      ]);
      expect(refused.statusCode).toBe(400);
      const problem = refused.json() as Problem;
      expect(problem.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
        'referrals.0.contactPointId:recipientRequired',
        'referrals.1.oneOffConfirmed:oneOffNotConfirmed',
        'referrals.2.contactPointId:contactPointNotActive',
        'referrals.3.contactPointId:contactPointOtherInstitution',
        'referrals.4.contactEmailRepeat:oneOffRepeatDiffers',
      ]);
      expect(problem.errors?.[4].message).toBe(
        'Type the same address again in the second field: both must be the same.',
      );
      expect(problem.errors?.[1].message).toBe(
        'This address is not in the directory: confirm that you checked it, or choose a contact point.',
      );
      const serbian = await attempt([referral(server, { oneOffConfirmed: false })], serbianAdmin);
      expect(serbian.statusCode).toBe(400);
      expect((serbian.json() as Problem).errors?.[0].message).toBe(SECOND.notInDirectory);
      expect(
        await rows(server, 'SELECT id FROM case_referrals WHERE case_id = $1', [created.id]),
      ).toEqual([]);
      const [{ status }] = await rows<{ status: string }>(
        server,
        'SELECT status FROM cases WHERE id = $1',
        [created.id],
      );
      expect(status).toBe('assigned');
    });

    it('checks the contact point as it is when the referral commits: an end committing meanwhile refuses it', async () => {
      const created = await assignedCase(server, team);
      const pointId = await addContactPoint(server, { email: 'ending.desk@example.org' });
      // An administrator's change to the contact point is under way (its row locked, not yet
      // committed): it ends the contact point from today.
      const runner = server.app.get(DataSource).createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(
          `UPDATE institution_contact_points SET active_to = $2::date WHERE id = $1`,
          [pointId, daysFromNow(server, -1)],
        );
        const sent = server.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${created.id}/transitions`,
          headers: { ...team.as.expert.headers, 'accept-language': 'en' },
          payload: {
            to: 'referred',
            referrals: [referral(server, { contactEmail: null, contactPointId: pointId })],
            outcomeMessage: 'We asked the ministry to act and will tell you what it answers.',
          },
        });
        // The referral waits for the change (its read of the contact point is FOR SHARE)...
        await untilWaitingOnLock(server, 'the referral to wait for the contact point change');
        await runner.commitTransaction();
        // ...and then judges the contact point as changed: no longer offered.
        const answer = await sent;
        expect(answer.statusCode).toBe(400);
        expect((answer.json() as Problem).errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
          'referrals.0.contactPointId:contactPointNotActive',
        ]);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect(
        await rows(server, 'SELECT id FROM case_referrals WHERE case_id = $1', [created.id]),
      ).toEqual([]);
    });

    it('takes a one-off address on the case page only once confirmed, showing the address again', async () => {
      const created = await assignedCase(server, team);
      const url = `/staff/cases/${created.id}?lang=en`;
      const opened = await page(url, team.as.expert);
      expect(opened.body).toContain('This address is not in the directory; I have checked it');
      const fields: [string, string][] = [
        ['to', 'referred'],
        ['expectedVersion', '3'],
        ['institutionCode', OMBUDSPERSON],
        ['municipalityCode', ''],
        ['recommendation', 'Look into the separate class at the school.'],
        ['summary', 'A school moved the Roma pupils of one grade to a separate class.'],
        ['responseDueDate', daysFromNow(server, 14)],
        ['contactPointId', ''],
        ['contactEmail', 'desk.ombudsperson@example.org'],
        ['outcomeMessage', 'We asked the Ombudsperson to act and will tell you what it answers.'],
      ];
      const withCsrf = (extra: [string, string][]) =>
        server.app.inject({
          method: 'POST',
          url: `/staff/cases/${created.id}/transitions?lang=en`,
          headers: { cookie: team.as.expert.cookie, 'content-type': FORM },
          payload: new URLSearchParams([
            ...fields,
            ...extra,
            ['_csrf', csrfFromPage(opened.body)],
          ]).toString(),
        });
      const unconfirmed = await withCsrf([]);
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.body).toContain('href="#f-t-referred-oneOffConfirmed-0"');
      expect(unconfirmed.body).toContain('href="#f-t-referred-contactEmailRepeat-0"');
      expect(unconfirmed.body).toContain('Type the address again');
      expect(unconfirmed.body).toContain(
        'Address typed: desk.ombudsperson@example.org. Confirm that you checked it.',
      );
      expect(unconfirmed.body).toContain('value="desk.ombudsperson@example.org"');
      expect(
        await rows(server, 'SELECT id FROM case_referrals WHERE case_id = $1', [created.id]),
      ).toEqual([]);

      // Ticked, but typed differently the second time: refused beside the second field.
      const mistyped = await withCsrf([
        ['contactEmailRepeat', 'desk.ombudsprson@example.org'],
        ['oneOffConfirmed', '0'],
      ]);
      expect(mistyped.statusCode).toBe(400);
      expect(mistyped.body).toContain('href="#f-t-referred-contactEmailRepeat-0"');
      expect(mistyped.body).toContain(
        'Type the same address again in the second field: both must be the same.',
      );
      expect(mistyped.body).not.toContain('href="#f-t-referred-oneOffConfirmed-0"');
      expect(
        await rows(server, 'SELECT id FROM case_referrals WHERE case_id = $1', [created.id]),
      ).toEqual([]);

      const confirmed = await withCsrf([
        ['contactEmailRepeat', 'desk.ombudsperson@example.org'],
        ['oneOffConfirmed', '0'],
      ]);
      expect(confirmed.statusCode).toBe(303);
      const [stored] = await rows<Record<string, unknown>>(
        server,
        'SELECT recipient, contact_point_id, one_off_confirmed_by FROM case_referrals WHERE case_id = $1',
        [created.id],
      );
      expect(stored).toEqual({
        recipient: 'one_off',
        contact_point_id: null,
        one_off_confirmed_by: team.expert.id,
      });
      const shown = await page(url, team.as.expert);
      expect(shown.body).toContain(
        `One-off address desk.ombudsperson@example.org, confirmed by ${team.expert.name}`,
      );
    });

    it('is picked in a Technical Group decision on the meeting page (the case’s municipality first)', async () => {
      const group = await createGroup(server);
      const other = await addContactPoint(server, {
        municipalityCode: 'gjakove',
        unit: 'Education office Gjakovë (meeting test)',
      });
      const local = await addContactPoint(server, {
        municipalityCode: 'prizren',
        unit: 'Education office Prizren (meeting test)',
        email: 'education.office.prizren@example.org',
      });
      // The case is from Prizren.
      const created = await meetingCase(server, group);
      const meetingId = await planMeeting(server, group);
      await addItem(server, group.as.expert, meetingId, created.id);
      await holdMeeting(server, group, meetingId);
      const opened = await page(`/staff/meetings/${meetingId}`, group.as.admin);
      expect(opened.statusCode).toBe(200);
      const localAt = opened.body.indexOf(`<option value="${local}">`);
      const otherAt = opened.body.indexOf(`<option value="${other}">`);
      expect(localAt).toBeGreaterThan(0);
      expect(otherAt).toBeGreaterThan(localAt);
      const decide = (recipient: [string, string][]) =>
        server.app.inject({
          method: 'POST',
          url: `/staff/meetings/${meetingId}/decisions?lang=en`,
          headers: { cookie: group.as.admin.cookie, 'content-type': FORM },
          payload: new URLSearchParams([
            ['caseId', created.id],
            ['kind', 'refer'],
            ['text', 'The Group refers the case to the Ministry of Education.'],
            ['institutionCode', EDUCATION],
            ['recommendation', 'Return the pupils to a mixed class within 30 days.'],
            ['summary', 'A school moved the Roma pupils of one grade to a separate class.'],
            ['responseDueDate', dueDate(server)],
            ...recipient,
            ['_csrf', csrfFromPage(opened.body)],
          ]).toString(),
        });
      const unconfirmed = await decide([
        ['contactPointId', ''],
        ['contactEmail', 'someone@example.org'],
        ['contactEmailRepeat', 'someone@example.org'],
      ]);
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.body).toContain(
        'This address is not in the directory: confirm that you checked it, or choose a contact point.',
      );
      expect(unconfirmed.body).toContain('Address typed: someone@example.org.');
      // Beside its field too, as on the case page: the confirmation box names its problem, and
      // the one-off part of the form stays open.
      const block = `decide-${created.id}`;
      expect(unconfirmed.body).toContain(
        `<span class="field-error" id="${block}-oneOffConfirmed-error">This address is not in the directory: confirm that you checked it, or choose a contact point.</span>`,
      );
      expect(unconfirmed.body).toMatch(
        new RegExp(
          `id="${block}-oneOffConfirmed" name="oneOffConfirmed" value="0" aria-invalid="true" aria-describedby="${block}-oneOffConfirmed-error"`,
        ),
      );
      expect(unconfirmed.body).toContain('<details class="one-off" open>');
      // Only the refused form's block shows it, and only there.
      expect(unconfirmed.body.match(/class="field-error"/g)).toHaveLength(1);
      // An address that is not one is named beside the address field.
      const malformed = await decide([
        ['contactPointId', ''],
        ['contactEmail', 'not-an-address'],
        ['oneOffConfirmed', '0'],
      ]);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.body).toMatch(
        new RegExp(`<span class="field-error" id="${block}-email-error">[^<]+</span>`),
      );
      expect(malformed.body).toContain(
        `name="contactEmail" maxlength="320" autocomplete="off" value="not-an-address" aria-invalid="true" aria-describedby="${block}-email-error"`,
      );
      expect(await caseStatus(server, created.id)).toBe('technical_group');
      // The meeting page asks for the address a second time too.
      const mistyped = await decide([
        ['contactPointId', ''],
        ['contactEmail', 'someone@example.org'],
        ['contactEmailRepeat', 'someone@exmple.org'],
        ['oneOffConfirmed', '0'],
      ]);
      expect(mistyped.statusCode).toBe(400);
      expect(mistyped.body).toContain('Type the address again');
      expect(mistyped.body).toContain(
        'Type the same address again in the second field: both must be the same.',
      );
      // Beside the second field, as on the case page.
      expect(mistyped.body).toMatch(
        new RegExp(`<span class="field-error" id="${block}-emailRepeat-error">[^<]+</span>`),
      );
      expect(await caseStatus(server, created.id)).toBe('technical_group');
      const decided = await decide([
        ['contactPointId', local],
        ['contactEmail', ''],
      ]);
      expect(decided.statusCode).toBe(303);
      const [stored] = await rows<Record<string, unknown>>(
        server,
        'SELECT recipient, contact_point_id FROM case_referrals WHERE case_id = $1',
        [created.id],
      );
      expect(stored).toEqual({ recipient: 'directory', contact_point_id: local });
      const mail = (await outboxOf(server, created.id)).find((m) => m.template === 'referral_sent');
      expect(mail?.recipient).toBe('education.office.prizren@example.org');
    });

    it('holds in the database: a recipient is named, and a used contact point cannot be deleted', async () => {
      const pointId = await addContactPoint(server);
      const created = await assignedCase(server, team);
      await api(server, team.as.expert, 'POST', `/api/v1/cases/${created.id}/transitions`, {
        to: 'referred',
        referrals: [referral(server, { contactEmail: null, contactPointId: pointId })],
        outcomeMessage: 'We asked the ministry to act and will tell you what it answers.',
      });
      await expect(
        rows(server, `UPDATE case_referrals SET contact_point_id = NULL WHERE case_id = $1`, [
          created.id,
        ]),
      ).rejects.toThrow(/case_referrals_recipient_check/);
      await expect(
        rows(server, `DELETE FROM institution_contact_points WHERE id = $1`, [pointId]),
      ).rejects.toThrow(/case_referrals_contact_point_id_fkey/);
    });

    it('no longer offers an ended contact point; the end is audited', async () => {
      const pointId = await addContactPoint(server, { unit: 'Old education office (test)' });
      const created = await assignedCase(server, team);
      const before = await page(`/staff/cases/${created.id}`, team.as.expert);
      expect(before.body).toContain(`<option value="${pointId}">Old education office (test)`);
      const ended = await post(`/staff/directory/${pointId}/end`, []);
      expect(ended.statusCode).toBe(303);
      expect(ended.headers.location).toBe('/staff/directory?done=ended');
      const after = await page(`/staff/cases/${created.id}`, team.as.expert);
      expect(after.body).not.toContain('Old education office (test)');
      expect((await auditOfPoint(pointId)).map((a) => [a.action, a.actor_id])).toEqual([
        ['contact_point_created', null],
        ['contact_point_ended', team.admin.id],
      ]);
      // The row stays.
      expect(
        await rows(server, 'SELECT id FROM institution_contact_points WHERE id = $1', [pointId]),
      ).toHaveLength(1);
    });

    it('ends a contact point while an edit or import of it is under way: one waits for the other, no deadlock', async () => {
      const pointId = await addContactPoint(server, { unit: 'Desk ended during an edit (test)' });
      // Another administrator's edit (or import) is under way: it holds the directory's writer
      // lock and will next lock this contact point's row, as update() and import do.
      const runner = server.app.get(DataSource).createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`LOCK TABLE institution_contact_points IN SHARE ROW EXCLUSIVE MODE`);
        const ending = server.app.inject({
          method: 'POST',
          url: `/api/v1/directory/contact-points/${pointId}/end`,
          headers: { ...team.as.admin.headers, 'accept-language': 'en' },
        });
        await untilWaitingOnLock(server, 'the end to wait for the edit under way');
        // The edit goes on to the row and commits; the end follows it.
        await runner.query(`SELECT id FROM institution_contact_points WHERE id = $1 FOR UPDATE`, [
          pointId,
        ]);
        await runner.query(`UPDATE institution_contact_points SET phone = $2 WHERE id = $1`, [
          pointId,
          '+383 38 000 222',
        ]);
        await runner.commitTransaction();
        const answer = await ending;
        expect(answer.statusCode).toBe(200);
        expect(answer.json()).toMatchObject({ id: pointId, active: false });
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect(
        await rows(
          server,
          `SELECT phone, active_to IS NOT NULL AS ended FROM institution_contact_points WHERE id = $1`,
          [pointId],
        ),
      ).toEqual([{ phone: '+383 38 000 222', ended: true }]);
    });
  });

  describe('exported and imported as CSV', () => {
    it('exports the reference data with its labels in every language', async () => {
      const csv = await page('/staff/directory/reference-data.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('reference-data.csv');
      const lines = csv.body.split('\r\n');
      // The four languages the platform writes; a name the profile does not give is its name in
      // the profile's default language (Albania's profile has no Serbian names).
      expect(lines[0]).toBe('kind,code,label_sq,label_sr,label_en,label_rom,active,sort_order');
      const labels = ['sq', 'sr', 'en', 'rom'].map((l) =>
        localName('institution', OMBUDSPERSON, l),
      );
      const row = csvLine(['institution', OMBUDSPERSON, ...labels]).replace(/\r\n$/, '');
      expect(lines.find((l) => l.startsWith(`institution,${OMBUDSPERSON},`))).toMatch(
        new RegExp(`^${row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},true,\\d+$`),
      );
      // Every institution and municipality of the profile is there, active.
      for (const [kind, list] of [
        ['institution', installationProfile().institutions],
        ['municipality', installationProfile().municipalities],
      ] as const) {
        for (const { code } of list) {
          expect(lines.find((l) => l.startsWith(`${kind},${code},`))).toMatch(/,true,\d+$/);
        }
      }
    });

    it('round-trips the directory: re-import updates by key, never duplicates', async () => {
      const exported = await page('/staff/directory/export.csv');
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toContain('institution-directory.csv');
      const lines = exported.body.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('key,institution,municipality,unit,email,phone,active_from,active_to');
      const count = await pointCount();
      expect(lines).toHaveLength(count + 1);

      // The same file again changes nothing.
      const again = await importCsv(exported.body);
      expect(again.statusCode).toBe(200);
      expect(again.body).toContain(`Import done: 0 added, 0 changed, ${count} unchanged.`);
      expect(await pointCount()).toBe(count);

      // A changed unit, and a new contact point whose unit looks like a formula (kept as text).
      const changed = lines
        .map((line) =>
          line.replace('Department of Education, Prizren', 'Education Directorate, Prizren'),
        )
        .concat([
          `police.prizren,${POLICE},${PRIZREN},"=Police station, Prizren",police.prizren@example.org,,2026-01-01,`,
        ])
        .join('\r\n');
      const imported = await importCsv(changed);
      expect(imported.statusCode).toBe(200);
      expect(imported.body).toContain('Import done: 1 added, 1 changed,');
      expect(await pointCount()).toBe(count + 1);
      const [police] = await rows<{ id: string; unit: string }>(
        server,
        `SELECT id, unit FROM institution_contact_points WHERE key = 'police.prizren'`,
      );
      expect(police.unit).toBe('=Police station, Prizren');
      expect(await auditOfPoint(police.id)).toEqual([
        {
          actor_id: team.admin.id,
          action: 'contact_point_created',
          details: {
            key: 'police.prizren',
            institutionCode: POLICE,
            municipalityCode: PRIZREN,
            source: 'import',
          },
        },
      ]);
      // Exported again, the formula-like text is defused for spreadsheets, and reads back the same.
      const second = await page('/staff/directory/export.csv');
      expect(second.body).toContain(`"'=Police station, Prizren"`);
      const third = await importCsv(second.body);
      expect(third.body).toContain(`Import done: 0 added, 0 changed, ${count + 1} unchanged.`);
    });

    it('refuses a bad CSV whole, naming each bad line; nothing is written', async () => {
      const count = await pointCount();
      const [{ n: audits }] = await rows<{ n: number }>(
        server,
        'SELECT count(*)::int AS n FROM audit_log',
      );
      const bad = [
        'key,institution,municipality,unit,email,phone,active_from,active_to',
        `good.one,${OMBUDSPERSON},,Ombudsperson desk,desk@example.org,,2026-01-01,`,
        `bad.email,${OMBUDSPERSON},,Ombudsperson desk,not-an-address,,2026-01-01,`,
        'bad.codes,no_such_institution,atlantis,Desk,desk2@example.org,,2026-02-30,',
        `good.one,${OMBUDSPERSON},,Again,desk3@example.org,,2026-01-01,2025-01-01`,
      ].join('\r\n');
      const refused = await importCsv(bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('The import has 6 problems. Nothing was imported');
      for (const text of [
        'Line 3: the e-mail is not a valid address.',
        'Line 4: the institution is not in the reference data.',
        'Line 4: the municipality is not in the reference data.',
        'Line 4: active_from must be a date YYYY-MM-DD.',
        'Line 5: this key is also on a line above.',
        'Line 5: active_to comes before active_from.',
      ]) {
        expect(refused.body).toContain(text);
      }
      expect(await pointCount()).toBe(count);
      const [{ n: after }] = await rows<{ n: number }>(
        server,
        'SELECT count(*)::int AS n FROM audit_log',
      );
      expect(after).toBe(audits);

      // The JSON API says the same, in the caller's language.
      const api = await server.app.inject({
        method: 'POST',
        url: '/api/v1/directory/import',
        headers: { ...team.as.admin.headers, 'accept-language': 'en' },
        payload: { csv: bad },
      });
      expect(api.statusCode).toBe(400);
      const problem = api.json() as Problem & { problems: { line: number; code: string }[] };
      expect(problem.problems.map((p) => `${p.line}:${p.code}`)).toEqual([
        '3:email_invalid',
        '4:institution_unknown',
        '4:municipality_unknown',
        '4:active_from_invalid',
        '5:key_repeated',
        '5:window_invalid',
      ]);
      const wrongHeader = await importCsv('name,email\r\nx,y@example.org\r\n');
      expect(wrongHeader.statusCode).toBe(400);
      expect(wrongHeader.body).toContain('Line 1: the first line must be');
    });

    it('refuses a file larger than its limit with 413, and more rows than its cap with their own 413', async () => {
      const count = await pointCount();
      const line = `big.key,${OMBUDSPERSON},,Ombudsperson desk,desk@example.org,,2026-01-01,\r\n`;
      const huge = `${HEADER}\r\n${line.repeat(Math.ceil((1024 * 1024) / line.length) + 10)}`;
      const tooLarge = await importCsv(huge);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.body).toContain('The directory CSV file is larger than 1 MB');
      const tooLargeApi = await importApi(huge);
      // (A JSON body this large is refused by the body limit before the import reads it.)
      expect(tooLargeApi.statusCode).toBe(413);

      const many = [HEADER];
      for (let i = 0; i < 5001; i++) {
        many.push(`m.${i},${OMBUDSPERSON},,Desk ${i},d${i}@example.org,,2026-01-01,`);
      }
      const tooMany = await importCsv(many.join('\r\n'));
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.body).toContain(
        'The file holds 5001 contact points; one import takes at most 5000.',
      );
      const tooManyApi = await importApi(many.join('\r\n'));
      expect(tooManyApi.statusCode).toBe(413);
      expect(tooManyApi.json()).toMatchObject({ code: 'directory_import_too_many_rows' });
      expect(await pointCount()).toBe(count);
    });

    it('lists the first 100 problems of a bad file and says how many more there are', async () => {
      const bad = [HEADER];
      for (let i = 0; i < 150; i++)
        bad.push(`bad.${i},${OMBUDSPERSON},,Desk,not-an-address,,2026-01-01,`);
      const refused = await importCsv(bad.join('\r\n'));
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('The import has 150 problems.');
      expect(refused.body).toContain('Line 101: the e-mail is not a valid address.');
      expect(refused.body).not.toContain('Line 102: the e-mail');
      expect(refused.body).toContain('… and 50 more problems');
      const viaApi = await importApi(bad.join('\r\n'));
      expect(viaApi.statusCode).toBe(400);
      const problem = viaApi.json() as { problems: unknown[]; more: number; errors: unknown[] };
      expect(problem.problems).toHaveLength(100);
      expect(problem.errors).toHaveLength(100);
      expect(problem.more).toBe(50);
    });

    it('refuses a file not in UTF-8 (a spreadsheet’s cp1252) with the encoding problem, in the caller’s language', async () => {
      const count = await pointCount();
      const cp1252 = Buffer.from(
        `${HEADER}\r\ncp.one,${OMBUDSPERSON},,Zyra e Avokatit të Popullit,desk@example.org,,2026-01-01,\r\n`,
        'latin1',
      );
      const refused = await importCsv(cp1252);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Line 1: the file is not in UTF-8.');
      const serbian = await importCsv(cp1252, serbianAdmin, '');
      expect(serbian.statusCode).toBe(400);
      expect(serbian.body).toContain(SECOND.notUtf8);
      expect(await pointCount()).toBe(count);
    });

    it('two imports adding the same new key at once: one adds it, the other finds it; never a 500', async () => {
      const csv = `${HEADER}\r\nrace.import,${OMBUDSPERSON},,Race desk,race@example.org,,2020-01-01,2020-12-31\r\n`;
      const answers = await Promise.all([importApi(csv), importApi(csv), importApi(csv)]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      const results = answers.map((a) => a.json() as { created: number; unchanged: number });
      expect(results.map((r) => r.created).sort()).toEqual([0, 0, 1]);
      const [{ n }] = await rows<{ n: number }>(
        server,
        `SELECT count(*)::int AS n FROM institution_contact_points WHERE key = 'race.import'`,
      );
      expect(n).toBe(1);
    });

    it('imports more rows than one lookup takes (the keys are read in chunks)', async () => {
      const count = await pointCount();
      const many = [HEADER];
      for (let i = 0; i < 1100; i++) {
        many.push(
          `chunk.${i},${OMBUDSPERSON},,Old desk ${i},old${i}@example.org,,2019-01-01,2019-12-31`,
        );
      }
      const first = await importApi(many.join('\r\n'));
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ created: 1100, updated: 0, unchanged: 0 });
      const again = await importApi(many.join('\r\n'));
      expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 1100 });
      expect(await pointCount()).toBe(count + 1100);
    });

    it('exports and imports from the command line too', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pmd-directory-'));
      const out = join(dir, 'directory.csv');
      const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        await directoryCommand.run(server.app, { export: out });
        const exported = readFileSync(out, 'utf8');
        expect(exported.split('\r\n').filter(Boolean)).toHaveLength((await pointCount()) + 1);
        await directoryCommand.run(server.app, { 'export-reference-data': join(dir, 'ref.csv') });
        expect(readFileSync(join(dir, 'ref.csv'), 'utf8')).toContain(`municipality,${PRIZREN},`);
        const count = await pointCount();
        writeFileSync(
          join(dir, 'bad.csv'),
          `${exported}cli.bad,${OMBUDSPERSON},,Desk,not-an-address,,2026-01-01,\r\n`,
        );
        await expect(
          directoryCommand.run(server.app, { import: join(dir, 'bad.csv') }),
        ).rejects.toThrow('Nothing was imported: 1 problems');
        expect(await pointCount()).toBe(count);
        writeFileSync(
          join(dir, 'good.csv'),
          `${exported}cli.good,${OMBUDSPERSON},,CLI desk (test),cli.desk@example.org,,2026-01-01,\r\n`,
        );
        await directoryCommand.run(server.app, { import: join(dir, 'good.csv') });
        expect(await pointCount()).toBe(count + 1);
      } finally {
        quiet.mockRestore();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('imports through the JSON API as well', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/v1/directory/import',
        headers: team.as.admin.headers,
        payload: {
          csv: `key,institution,municipality,unit,email,phone,active_from,active_to\r\napi.health,${HEALTH},,Ministry of Health (test),health@example.org,,2026-01-01,\r\n`,
        },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const listed = await api(
        server,
        team.as.admin,
        'GET',
        `/api/v1/directory/contact-points?institution=${HEALTH}`,
      );
      expect(listed.json()).toEqual([
        expect.objectContaining({
          key: 'api.health',
          institution: localName('institution', HEALTH, 'en'),
          active: true,
        }),
      ]);
    });
  });
});

/** Until a statement of the test database waits for a lock another transaction holds. */
async function untilWaitingOnLock(server: TestServer, what: string): Promise<void> {
  await until(async () => {
    const [{ n }] = await rows<{ n: number }>(
      server,
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return n > 0;
  }, what);
}
