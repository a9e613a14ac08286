import { DataSource } from 'typeorm';
import { FixedClock, installationReferencePrefix } from '@app/core';
import { YearlyStatistics } from '@app/statistics';
import { multipart } from '../cases/case-fixtures';
import { localCode, localCounts } from '../support/country-codes';
import { StaffLogin, TestStaff, createStaff, csrfFromPage, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { STATISTICS_ENV, at, expectNoRecomputeDifference, json, step } from './statistics-fixtures';

const HEADER =
  'original_reference,submitted_at,community,primary_area,grounds,municipality,gender,age_group,reporter_role,perpetrator_kind,incident_date,status,outcome_date,closure_reason,referral_institutions';

/**
 * A CSV of cases written with Kosovo's codes, in the installation's codes (community,
 * municipality and referral institutions; a code that is no Kosovo code stays as written).
 */
function localCsv(csv: string): string {
  return csv
    .split(/(\r?\n)/)
    .map((line) => {
      const cells = line.split(',');
      if (cells.length !== 15 || line.startsWith('original_reference')) return line;
      if (cells[2]) cells[2] = localCode('community', cells[2]);
      if (cells[5]) cells[5] = localCode('municipality', cells[5]);
      cells[14] = cells[14]
        .split(';')
        .filter(Boolean)
        .map((code) => localCode('institution', code))
        .join(';');
      return cells.join(',');
    })
    .join('');
}

/** A reference the installation gives (`PMD-2019-00001`, the profile's prefix). */
const ref = (rest: string) => `${installationReferencePrefix()}-${rest}`;

/** Five cases of 2019 and 2020 from the earlier platform, two of them a minute either side of midnight. */
const CASES_CSV = localCsv(
  [
    HEADER,
    'OLD-2019-001,2019-02-01,roma,education,segregation;discrimination,prizren,female,18_29,victim,school,2019-01-20,resolved,2019-03-03,,ombudsperson',
    'OLD-2019-002,2019-12-31T23:30:00+01:00,ashkali,health,harassment,peje,,,witness,health_facility,,closed,2020-01-10,duplicate,',
    'OLD-2020-001,2020-01-01T00:15:00+01:00,egyptian,housing,discrimination,prizren,male,30_44,victim,municipality,,not_discrimination,2020-02-01,,',
    'OLD-2020-002,2020-05-05,roma,employment,discrimination,gjakove,,,victim,employer,,referred,,,ombudsperson;kosovo_police',
    '"OLD-2020-003",2020-06-06,roma,education,bullying,prizren,,,victim,school,,submitted,,,',
  ].join('\r\n'),
);
const MEETINGS_CSV = 'year,meetings_held\n2019,4\n2020,6\n';

describe('Import of cases from the earlier platform', () => {
  let server: TestServer;
  let admin: TestStaff;
  let adminLogin: StaffLogin;
  let db: DataSource;

  beforeAll(async () => {
    server = await startTestServer(STATISTICS_ENV, {
      clock: new FixedClock(new Date('2026-03-01T10:00:00Z')),
    });
    admin = await createStaff(server, { role: 'administrator' });
    adminLogin = await loginAs(server, admin);
    db = server.app.get(DataSource);
  });
  afterAll(async () => server?.close());

  function upload(files: { field: string; filename: string; text: string }[], login = adminLogin) {
    const body = multipart(
      [],
      files.map((f) => ({
        field: f.field,
        filename: f.filename,
        content: Buffer.from(f.text),
        contentType: 'text/csv',
      })),
    );
    return server.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/import',
      headers: { ...login.headers, ...body.headers },
      payload: body.payload,
    });
  }

  async function figures(): Promise<YearlyStatistics> {
    return json(
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/staff/yearly?from=2019&to=2020',
        headers: adminLogin.headers,
      }),
    );
  }

  async function count(table: string): Promise<number> {
    const [row] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[];
    return row.n;
  }

  it('refuses a file with bad lines as a whole, listing every line with its reason', async () => {
    const bad = localCsv(
      [
        HEADER,
        'OK-1,2019-02-01,roma,education,segregation,prizren,,,victim,school,,resolved,2019-03-03,,',
        'BAD-1,2019-02-30,roma,education,segregation,prizren,,,victim,school,,resolved,2019-03-03,,',
        'BAD-2,2019-02-01,martian,education,segregation,prizren,,,victim,school,,resolved,,,',
        'BAD-3,2019-02-01,roma,education,segregation,prizren,,,victim,school,,closed,2019-01-01,bored,',
      ].join('\n'),
    );
    const response = await upload([
      { field: 'cases', filename: 'cases.csv', text: bad },
      { field: 'meetings', filename: 'meetings.csv', text: 'year,meetings_held\n2019,many\n' },
    ]);
    expect(response.statusCode).toBe(400);
    const problem = response.json() as {
      code: string;
      errors: { field: string; code: string; message: string }[];
    };
    expect(problem.code).toBe('statistics_import_invalid');
    expect(problem.errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'cases:3:submitted_at invalid_date',
      'cases:4:community unknown_code',
      'cases:4:outcome_date outcome_date_required',
      'cases:5:outcome_date before_submission',
      'cases:5:closure_reason unknown_code',
      'meetings:2:meetings_held invalid_number',
    ]);
    expect(problem.errors[0].message).toBe('Line 3: "submitted_at" is not a valid date.');
    // Nothing at all was written, not even the valid first line.
    expect(await count('cases')).toBe(0);
    expect(await count('stat_counters')).toBe(0);
    expect(await count('stat_imported_meetings')).toBe(0);
  });

  it('imports valid cases and meetings in one go; they count in every figure, in their Kosovo years', async () => {
    const response = await upload([
      { field: 'cases', filename: 'cases.csv', text: CASES_CSV },
      { field: 'meetings', filename: 'meetings.csv', text: MEETINGS_CSV },
    ]);
    expect(json(response)).toEqual({ imported: 5, skipped: 0, meetingYears: 2 });
    const data = await figures();
    const [y2019, y2020] = data.years;
    expect(y2019.figures).toMatchObject({
      reported: 2,
      status: { open: 0, resolved: 1, closed: 1 },
      closedByReason: { duplicate: 1 },
      decided: { total: 1, resolved: 1 },
      meetingsHeld: 4,
      // 30 days (OLD-2019-001) and 10 days (OLD-2019-002, 31 December to 10 January).
      medianDaysToOutcome: 20,
    });
    expect(y2019.figures.breakdowns.referral_institution).toEqual(
      localCounts('institution', { ombudsperson: 1 }),
    );
    expect(y2019.figures.breakdowns.gender).toMatchObject({ female: 1, not_stated: 1 });
    expect(y2020.figures).toMatchObject({
      reported: 3,
      status: { open: 1, referred: 1, not_discrimination: 1, resolved: 0, closed: 0 },
      decided: { total: 2, closed: 1, not_discrimination: 1 },
      meetingsHeld: 6,
      medianDaysToOutcome: 31,
    });
    expect(y2020.figures.breakdowns.referral_institution).toEqual(
      localCounts('institution', { kosovo_police: 1, ombudsperson: 1 }),
    );
    expect(y2020.figures.breakdowns.municipality).toMatchObject(
      localCounts('municipality', { prizren: 2, gjakove: 1 }),
    );
    // Imported cases have references of their own and keep the original one.
    const rows = (await db.query(
      `SELECT reference, original_reference, year, status FROM cases ORDER BY submitted_at`,
    )) as { reference: string; original_reference: string; year: number; status: string }[];
    expect(rows.map((r) => [r.reference, r.original_reference, r.year, r.status])).toEqual([
      [ref('2019-00001'), 'OLD-2019-001', 2019, 'resolved'],
      [ref('2019-00002'), 'OLD-2019-002', 2019, 'closed'],
      [ref('2020-00001'), 'OLD-2020-001', 2020, 'not_discrimination'],
      [ref('2020-00002'), 'OLD-2020-002', 2020, 'referred'],
      [ref('2020-00003'), 'OLD-2020-003', 2020, 'submitted'],
    ]);
    await expectNoRecomputeDifference(server);
  });

  it('is idempotent by original reference: importing again skips what is there and changes no figure', async () => {
    const before = await figures();
    const again = await upload([
      { field: 'cases', filename: 'cases.csv', text: CASES_CSV },
      { field: 'meetings', filename: 'meetings.csv', text: MEETINGS_CSV },
    ]);
    expect(json(again)).toEqual({ imported: 0, skipped: 5, meetingYears: 2 });
    expect(await figures()).toEqual(before);

    // JSON: one case already here, one new; a year's meetings corrected.
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/import',
      headers: adminLogin.headers,
      payload: {
        cases: [
          {
            original_reference: 'OLD-2019-001',
            submitted_at: '2019-02-01',
            community: localCode('community', 'roma'),
            primary_area: 'education',
            grounds: ['segregation'],
            municipality: localCode('municipality', 'prizren'),
            reporter_role: 'victim',
            perpetrator_kind: 'school',
            status: 'resolved',
            outcome_date: '2019-03-03',
          },
          {
            original_reference: 'OLD-2019-003',
            submitted_at: '2019-07-07T09:00:00Z',
            community: 'other',
            primary_area: 'health',
            grounds: ['racism'],
            municipality: localCode('municipality', 'peje'),
            reporter_role: 'victim',
            perpetrator_kind: 'health_facility',
            status: 'closed',
            outcome_date: '2019-07-17',
          },
        ],
        meetings: [{ year: 2019, meetings_held: 5 }],
      },
    });
    expect(json(response)).toEqual({ imported: 1, skipped: 1, meetingYears: 1 });
    const after = (await figures()).years[0].figures;
    expect(after).toMatchObject({
      reported: 3,
      closedByReason: { unspecified: 1, duplicate: 1 },
      meetingsHeld: 5,
      medianDaysToOutcome: 10,
    });
    await expectNoRecomputeDifference(server);
  });

  it('lets staff reopen an imported case, and its figures move like any other', async () => {
    const [old] = (await db.query(
      `SELECT id FROM cases WHERE original_reference = 'OLD-2019-002'`,
    )) as { id: string }[];
    at(server, '2026-03-01T10:05:00Z');
    await step(server, admin, old.id, 'in_review', { reason: 'New facts came to light.' });
    const y2019 = (await figures()).years[0].figures;
    expect(y2019.status).toMatchObject({ open: 1, closed: 1 });
    expect(y2019.closedByReason).toMatchObject({ duplicate: 0, unspecified: 1 });
    // The decision of 2020 stays counted in 2020.
    expect((await figures()).years[1].figures.decided).toMatchObject({ closed: 1 });
    await expectNoRecomputeDifference(server);
  });

  it('has an administrator page that imports a file and shows the problems by line', async () => {
    const page = await server.app.inject({
      method: 'GET',
      url: '/staff/statistics/import?lang=en',
      headers: { cookie: adminLogin.cookie },
    });
    expect(page.statusCode).toBe(200);
    const action = /action="(\/staff\/statistics\/import\?_csrf=[^"]+)"/.exec(page.body)?.[1];
    expect(action).toBeDefined();
    const bad = multipart(
      [],
      [
        {
          field: 'cases',
          filename: 'x.csv',
          content: Buffer.from(
            localCsv(
              `${HEADER}\nX-1,tomorrow,roma,education,segregation,prizren,,,victim,school,,submitted,,,\n`,
            ),
          ),
        },
      ],
    );
    const refused = await server.app.inject({
      method: 'POST',
      url: action!.replace(/&amp;/g, '&'),
      headers: { cookie: adminLogin.cookie, 'accept-language': 'en', ...bad.headers },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Nothing was imported');
    expect(refused.body).toContain('Line 2: &quot;submitted_at&quot; is not a valid date.');
    const good = multipart(
      [],
      [
        {
          field: 'cases',
          filename: 'x.csv',
          content: Buffer.from(
            localCsv(
              `${HEADER}\nX-1,2021-01-01,roma,education,segregation,prizren,,,victim,school,,submitted,,,\n`,
            ),
          ),
        },
      ],
    );
    const accepted = await server.app.inject({
      method: 'POST',
      url: action!.replace(/&amp;/g, '&'),
      headers: { cookie: adminLogin.cookie, 'accept-language': 'en', ...good.headers },
      payload: good.payload,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('1 cases imported; 0 had been imported before');
    expect(csrfFromPage(accepted.body)).toBeTruthy();
    await expectNoRecomputeDifference(server);
  });

  it('is for administrators only', async () => {
    const expert = await createStaff(server, { role: 'legal_expert' });
    const login = await loginAs(server, expert);
    const response = await upload(
      [{ field: 'cases', filename: 'cases.csv', text: CASES_CSV }],
      login,
    );
    expect(response.statusCode).toBe(403);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/import',
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
