import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { FixedClock, installationProfile, useInstallationProfile } from '@app/core';
import {
  HIDDEN,
  RegionalReport,
  ReportCell,
  YearlyStatistics,
  parseCsv,
  reportCounts,
  reportRows,
} from '@app/statistics';
import { regionalCompareCommand } from '../../apps/server/src/cli/regional-compare.command';
import { regionalReportCommand } from '../../apps/server/src/cli/regional-report.command';
import { multipart } from '../cases/case-fixtures';
import { codeIn, localCode } from '../support/country-codes';
import { StaffLogin, TestStaff, createStaff, csrfFromPage, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { randomDataSet, reportTable2022to2024 } from './disclosure-data';
import { STATISTICS_ENV, json } from './statistics-fixtures';

/** The published schema, read as any other partner would read it: from the file. */
async function schemaValidator() {
  const schema = JSON.parse(
    await readFile(join(__dirname, '../../docs/regional-report/v1/schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const THRESHOLD = 3;

/** The installation under test (the profile of PMD_TEST_COUNTRY, Kosovo by default). */
const HERE = {
  code: installationProfile().country.code,
  name: installationProfile().country.names.en,
};
/** The second installation of the comparison: the other country of the two profiles. */
const OTHER_PROFILE = HERE.code === 'XK' ? 'albania' : 'kosovo';

/** The CSV of a comparison as rows of cells. */
function csvRows(text: string): string[][] {
  return parseCsv(text).map((record) => record.fields);
}

describe('Yearly regional report and the regional comparison', () => {
  let server: TestServer;
  let admin: TestStaff;
  let adminLogin: StaffLogin;
  let expertLogin: StaffLogin;
  let validate: Awaited<ReturnType<typeof schemaValidator>>;
  let dir: string;

  beforeAll(async () => {
    validate = await schemaValidator();
    dir = await mkdtemp(join(tmpdir(), 'pmd-regional-'));
    server = await startTestServer(
      { ...STATISTICS_ENV, STATISTICS_PUBLIC_THRESHOLD: String(THRESHOLD) },
      { clock: new FixedClock(new Date('2026-02-01T10:00:00Z')) },
    );
    admin = await createStaff(server, { role: 'administrator' });
    adminLogin = await loginAs(server, admin);
    expertLogin = await loginAs(server, await createStaff(server, { role: 'legal_expert' }));
    const data = reportTable2022to2024((kind, code) => localCode(kind, code));
    json(
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/statistics/import',
        headers: adminLogin.headers,
        payload: { cases: data.cases, meetings: data.meetings },
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function publicYear(year: number): Promise<YearlyStatistics> {
    return json<YearlyStatistics>(
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/statistics/yearly?from=${year}&to=${year}`,
      }),
    );
  }

  async function download(year: number | string, login = adminLogin) {
    return server.app.inject({
      method: 'GET',
      url: `/staff/statistics/regional-report?year=${year}&lang=en`,
      headers: { cookie: login.cookie },
    });
  }

  describe('the report of one installation', () => {
    it('is a staff download that validates against the published schema', async () => {
      const response = await download(2024);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(
        `filename="regional-report-${HERE.code.toLowerCase()}-2024.json"`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const report = response.json() as RegionalReport;
      expect(validate(report)).toBe(true);
      expect(validate.errors ?? null).toBeNull();
      expect(report).toMatchObject({
        schemaVersion: '1.0',
        country: HERE,
        year: 2024,
        generatedAt: '2026-02-01T10:00:00.000Z',
        publication: { status: 'provisional', publishedAt: null },
        disclosureControl: { threshold: THRESHOLD, hiddenMarker: 'x' },
        casesReported: 17,
        meetings: { body: 'Technical Group', held: 4 },
      });
    });

    it('holds exactly the public page’s figures: the same cells hidden, none below the threshold shown', async () => {
      const report = (await download(2024)).json() as RegionalReport;
      const figures = (await publicYear(2024)).years[0].figures;
      expect(report.casesReported).toBe(figures.reported);
      expect(report.casesByStatus).toEqual(figures.status);
      expect(report.outcomes).toEqual(figures.decided);
      expect(report.closedByReason).toEqual(figures.closedByReason);
      expect(report.communities).toEqual(figures.breakdowns.community);
      expect(report.areasOfLife).toEqual(figures.breakdowns.area);
      expect(report.grounds).toEqual(figures.breakdowns.ground);
      expect(report.gender).toEqual(figures.breakdowns.gender);
      expect(report.ageGroup).toEqual(figures.breakdowns.age_group);
      expect(report.reporterRole).toEqual(figures.breakdowns.reporter_role);
      expect(report.respondentKind).toEqual(figures.breakdowns.perpetrator_kind);
      expect(report.timeliness.medianDaysToOutcome).toBe(figures.medianDaysToOutcome);
      // Small counts are there to protect: the data has them, the report shows none of them.
      const cells = reportCounts(report);
      expect(cells.some(([, v]) => v === HIDDEN)).toBe(true);
      expect(cells.filter(([, v]) => typeof v === 'number' && v > 0 && v < THRESHOLD)).toEqual([]);
    });

    it('sums referrals by kind of institution only from published cells', async () => {
      const report = (await download(2024)).json() as RegionalReport;
      const { referrals } = (await publicYear(2024)).years[0].figures;
      // The Ombudsperson Institution is Kosovo's equality body, the Kosovo Police a police (on
      // Albania: the Commissioner for Protection from Discrimination and the State Police).
      const equalityBody = localCode('institution', 'ombudsperson');
      const police = localCode('institution', 'kosovo_police');
      const expected = (institution: string) =>
        referrals[institution] ? referrals[institution] : undefined;
      expect(report.referrals.equality_body).toEqual(expected(equalityBody));
      expect(report.referrals.police).toEqual(expected(police));
      expect(Object.keys(report.referrals).sort()).toEqual(
        Object.keys(referrals)
          .map((code) => (code === equalityBody ? 'equality_body' : 'police'))
          .sort(),
      );
    });

    it('gives a published year as it was frozen', async () => {
      json(
        await server.app.inject({
          method: 'POST',
          url: '/api/v1/statistics/years/2023/publish',
          headers: adminLogin.headers,
        }),
        201,
      );
      const before = (await download(2023)).json() as RegionalReport;
      expect(before.publication.status).toBe('published');
      // A case of 2023 imported after publication changes the live figures, not the report.
      json(
        await server.app.inject({
          method: 'POST',
          url: '/api/v1/statistics/import',
          headers: adminLogin.headers,
          payload: {
            cases: [
              {
                original_reference: 'LATE-2023',
                submitted_at: '2023-05-05',
                community: localCode('community', 'roma'),
                primary_area: 'housing',
                grounds: ['discrimination'],
                municipality: localCode('municipality', 'prizren'),
                status: 'submitted',
              },
            ],
          },
        }),
      );
      const after = (await download(2023)).json() as RegionalReport;
      expect(after.casesReported).toBe(before.casesReported);
      expect(after.casesReported).toBe(19);
      expect(validate(after)).toBe(true);
    });

    it('is written by `npm run cli -- regional-report --year Y --out file`, the same as the download', async () => {
      const out = join(dir, `${HERE.code.toLowerCase()}-2024.json`);
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        await regionalReportCommand.run(server.app, { year: '2024', out });
      } finally {
        stderr.mockRestore();
      }
      const written = JSON.parse(await readFile(out, 'utf8')) as RegionalReport;
      expect(validate(written)).toBe(true);
      expect(written).toEqual((await download(2024)).json());
      await expect(regionalReportCommand.run(server.app, { year: 'soon' })).rejects.toThrow(
        '--year must be a year',
      );
      await expect(regionalReportCommand.run(server.app, { year: '2031' })).rejects.toThrow(
        'at most 2026',
      );
    });

    it('is for administrators only, and refuses a year that is not one', async () => {
      expect((await download(2024, expertLogin)).statusCode).toBe(403);
      const anonymous = await server.app.inject({
        method: 'GET',
        url: '/staff/statistics/regional-report?year=2024',
      });
      expect([302, 303, 401]).toContain(anonymous.statusCode);
      expect((await download('last')).statusCode).toBe(400);
      const staffPage = await server.app.inject({
        method: 'GET',
        url: '/staff/statistics?lang=en',
        headers: { cookie: adminLogin.cookie },
      });
      expect(staffPage.body).toContain('href="/staff/statistics/regional-report?year=2024"');
      expect(staffPage.body).toContain('href="/staff/statistics/regional"');
      const expertPage = await server.app.inject({
        method: 'GET',
        url: '/staff/statistics?lang=en',
        headers: { cookie: expertLogin.cookie },
      });
      expect(expertPage.statusCode).toBe(200);
      expect(expertPage.body).not.toContain('regional-report');
    });
  });

  describe('the comparison of countries', () => {
    // `kosovo` is this installation's report (Kosovo's, or Albania's on PMD_TEST_COUNTRY=albania),
    // `albania` the second installation's (of the other country).
    let kosovo: RegionalReport;
    let kosovo2023: RegionalReport;
    let albania: RegionalReport;
    let albanianInstallation: TestServer | undefined;
    let other: { code: string; name: string };

    /**
     * A second installation, run with the other country's profile (Albania's beside Kosovo),
     * makes its own report of generated cases (with its own codes) through the same path.
     */
    beforeAll(async () => {
      kosovo = (await download(2024)).json() as RegionalReport;
      kosovo2023 = (await download(2023)).json() as RegionalReport;
      albanianInstallation = await startTestServer(
        {
          ...STATISTICS_ENV,
          STATISTICS_PUBLIC_THRESHOLD: String(THRESHOLD),
          COUNTRY: OTHER_PROFILE,
        },
        { clock: new FixedClock(new Date('2026-01-20T09:00:00Z')) },
      );
      const albanianAdmin = await loginAs(
        albanianInstallation,
        await createStaff(albanianInstallation, { role: 'administrator' }),
      );
      const data = randomDataSet(11, 2022, (kind, code) =>
        codeIn(albanianInstallation!.config.country.profile, kind, code),
      );
      json(
        await albanianInstallation.app.inject({
          method: 'POST',
          url: '/api/v1/statistics/import',
          headers: albanianAdmin.headers,
          payload: { cases: data.cases, meetings: data.meetings },
        }),
      );
      const response = await albanianInstallation.app.inject({
        method: 'GET',
        url: '/staff/statistics/regional-report?year=2024',
        headers: { cookie: albanianAdmin.cookie },
      });
      const profile = albanianInstallation.config.country.profile;
      other = { code: profile.country.code, name: profile.country.names.en };
      expect(other.code).not.toBe(HERE.code);
      expect(response.headers['content-disposition']).toContain(
        `filename="regional-report-${other.code.toLowerCase()}-2024.json"`,
      );
      albania = response.json() as RegionalReport;
      expect(albania.country).toEqual(other);
      expect(validate(albania)).toBe(true);
      // One process, two installations: the pure helpers follow the last one started.
      useInstallationProfile(server.config.country.profile);
    });
    afterAll(async () => albanianInstallation?.close());

    async function comparePage(
      files: { filename: string; content: string }[],
      format = 'html',
      login = adminLogin,
    ) {
      const page = await server.app.inject({
        method: 'GET',
        url: '/staff/statistics/regional?lang=en',
        headers: { cookie: login.cookie },
      });
      const action = /action="(\/staff\/statistics\/regional\?_csrf=[^"]+)"/.exec(page.body)?.[1];
      const body = multipart(
        [['format', format]],
        files.map((f) => ({
          field: 'reports',
          filename: f.filename,
          contentType: 'application/json',
          content: Buffer.from(f.content),
        })),
      );
      return server.app.inject({
        method: 'POST',
        url: (action ?? '/staff/statistics/regional').replace(/&amp;/g, '&'),
        headers: { cookie: login.cookie, 'accept-language': 'en', ...body.headers },
        payload: body.payload,
      });
    }

    const FILES = () => [
      { filename: 'kosovo-2024.json', content: JSON.stringify(kosovo) },
      { filename: 'kosovo-2023.json', content: JSON.stringify(kosovo2023) },
      { filename: 'albania-2024.json', content: JSON.stringify(albania) },
    ];

    /** Every row of the table: each country's cell is its report's, the total their sum or hidden. */
    function expectSumsCellByCell(rows: string[][]): void {
      const [header, ...body] = rows;
      expect(header).toEqual(['year', 'section', 'code', 'label', HERE.code, other.code, 'Region']);
      const reports: Record<string, Record<string, RegionalReport>> = {
        '2024': { XK: kosovo, AL: albania },
        '2023': { XK: kosovo2023 },
      };
      const value = (report: RegionalReport | undefined, section: string, code: string) => {
        const row =
          report && reportRows(report).find((r) => r.section === section && r.code === code);
        return row?.value === undefined || row.value === null ? '' : String(row.value);
      };
      let hiddenTotals = 0;
      for (const [year, section, code, , xk, al, total] of body) {
        expect(xk).toBe(value(reports[year].XK, section, code));
        expect(al).toBe(value(reports[year].AL, section, code));
        if (section === 'median_days_to_outcome') {
          expect(total).toBe('');
        } else if (xk === HIDDEN || al === HIDDEN) {
          // A total with a hidden part is hidden: total − the other country's cell would reveal it.
          expect(total).toBe(HIDDEN);
          hiddenTotals++;
        } else {
          expect(total).toBe(String(Number(xk || 0) + Number(al || 0)));
        }
      }
      expect(hiddenTotals).toBeGreaterThan(0);
      // The second installation made no report for 2023: its column is empty, the total this one's.
      const reported2023 = body.find((r) => r[0] === '2023' && r[1] === 'reported')!;
      expect(reported2023[5]).toBe('');
      expect(reported2023[6]).toBe(reported2023[4]);
    }

    it('shows the comparative table on the page: per country, regional total, per year', async () => {
      const response = await comparePage(FILES());
      expect(response.statusCode).toBe(200);
      expect(csrfFromPage(response.body)).toBeTruthy();
      expect(response.body).toContain('2023: figures by country');
      expect(response.body).toContain('2024: figures by country');
      expect(response.body).toContain(`${other.name} (${other.code})`);
      const reported = /<tr data-cell="reported:all">.*?<\/tr>/s.exec(
        response.body.slice(response.body.indexOf('data-year="2024"')),
      )![0];
      const cells = [...reported.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells).toEqual([
        String(kosovo.casesReported),
        String(albania.casesReported),
        typeof albania.casesReported === 'number'
          ? String((kosovo.casesReported as number) + albania.casesReported)
          : HIDDEN,
      ]);
      const rows = await server.app
        .get(DataSource)
        .query(`SELECT details FROM audit_log WHERE subject_type = 'regional_comparison'`);
      expect(rows).toEqual([
        {
          details: { format: 'html', countries: `${HERE.code},${other.code}`, years: '2023,2024' },
        },
      ]);
    });

    it('downloads the table as CSV where every total equals the sum of the countries’ cells, or is hidden', async () => {
      const response = await comparePage(FILES(), 'csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(
        'filename="regional-comparison-2023-2024.csv"',
      );
      expectSumsCellByCell(csvRows(response.body));
    });

    it('downloads the same table as XLSX', async () => {
      const response = await comparePage(FILES(), 'xlsx');
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Regional comparison')!;
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        const values = row.values as unknown[];
        // Cells from 1; an empty cell at the end of a row is not in its values at all.
        rows.push(
          Array.from({ length: 7 }, (_, i) => {
            const v = values[i + 1];
            return v === null || v === undefined ? '' : String(v);
          }),
        );
      });
      expectSumsCellByCell(rows);
    });

    it('refuses a file that is not a valid report, naming the file and the problem, and compares nothing', async () => {
      const leaky = { ...albania, casesReported: 2 as ReportCell };
      const missing: Partial<RegionalReport> = { ...albania };
      delete missing.grounds;
      const refused = await comparePage([
        { filename: 'kosovo-2024.json', content: JSON.stringify(kosovo) },
        { filename: 'leaky.json', content: JSON.stringify(leaky) },
        { filename: 'missing.json', content: JSON.stringify({ ...missing, year: 2022 }) },
        { filename: 'notes.json', content: 'these are my notes' },
      ]);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('The file leaky.json is not a valid regional report');
      expect(refused.body).toContain(
        'leaky.json: the count at /casesReported is below the report’s threshold but not hidden.',
      );
      expect(refused.body).toContain('missing.json: &quot;grounds&quot; is missing at /.');
      expect(refused.body).toContain('notes.json: the file is not JSON.');
      expect(refused.body).not.toContain('figures by country');
      expect(refused.body).toContain('href="#reports"');
      const duplicate = await comparePage([
        { filename: 'a.json', content: JSON.stringify(kosovo) },
        { filename: 'b.json', content: JSON.stringify(kosovo) },
      ]);
      expect(duplicate.statusCode).toBe(400);
      expect(duplicate.body).toContain('b.json: another file has the same country and year.');
      const none = await comparePage([]);
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('Choose at least one report.');
      const tooLarge = await comparePage([
        { filename: 'big.json', content: `{"pad":"${'x'.repeat(300 * 1024)}"}` },
      ]);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.body).toContain('The file big.json is larger than 256 KB.');
    });

    it('is for administrators only', async () => {
      const page = await server.app.inject({
        method: 'GET',
        url: '/staff/statistics/regional',
        headers: { cookie: expertLogin.cookie },
      });
      expect(page.statusCode).toBe(403);
    });

    it('is run by `npm run cli -- regional-compare --in … --format csv|xlsx|html`', async () => {
      const paths: string[] = [];
      for (const f of FILES()) {
        const path = join(dir, f.filename);
        await writeFile(path, f.content);
        paths.push(path);
      }
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const csv = join(dir, 'comparison.csv');
        await regionalCompareCommand.run(server.app, { in: paths, format: 'csv', out: csv });
        expectSumsCellByCell(csvRows(await readFile(csv, 'utf8')));
        const html = join(dir, 'comparison.html');
        await regionalCompareCommand.run(server.app, { in: paths, format: 'html', out: html });
        const page = await readFile(html, 'utf8');
        expect(page).toContain('<html lang="en">');
        expect(page).toContain('<caption>2024: figures by country</caption>');
        const bad = join(dir, 'bad.json');
        await writeFile(bad, JSON.stringify({ ...albania, schemaVersion: '2.0' }));
        await expect(
          regionalCompareCommand.run(server.app, { in: [paths[0], bad], format: 'csv' }),
        ).rejects.toThrow('bad.json: the value at /schemaVersion does not fit the format.');
        await expect(
          regionalCompareCommand.run(server.app, { in: paths[0], format: 'pdf' }),
        ).rejects.toThrow('--format must be one of html, csv, xlsx');
      } finally {
        stderr.mockRestore();
      }
    });
  });
});
