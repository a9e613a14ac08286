import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { FixedClock } from '@app/core';
import { YearlyStatistics } from '@app/statistics';
import { localCode, localCounts, localName } from '../support/country-codes';
import { StaffLogin, TestStaff, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import { STATISTICS_ENV, json } from './statistics-fixtures';

/** A case imported from the old records; community and municipality by Kosovo's codes. */
function importedCase(ref: string, community: string, municipality: string, submittedAt: string) {
  return {
    original_reference: ref,
    submitted_at: submittedAt,
    community: localCode('community', community),
    primary_area: 'education',
    grounds: ['segregation'],
    municipality: localCode('municipality', municipality),
    reporter_role: 'victim',
    perpetrator_kind: 'school',
    status: 'resolved',
    outcome_date: '2024-12-20',
  };
}

describe('Statistics exports and the public threshold', () => {
  let server: TestServer;
  let admin: TestStaff;
  let adminLogin: StaffLogin;
  let member: TestStaff;

  beforeAll(async () => {
    server = await startTestServer(
      { ...STATISTICS_ENV, STATISTICS_PUBLIC_THRESHOLD: '5' },
      { clock: new FixedClock(new Date('2026-02-01T10:00:00Z')) },
    );
    admin = await createStaff(server, { role: 'administrator' });
    member = await createStaff(server, {
      role: 'technical_group_member',
      institutionCode: localCode('institution', 'ombudsperson'),
    });
    adminLogin = await loginAs(server, admin);
    const cases = [
      ...Array.from({ length: 6 }, (_, i) =>
        importedCase(`R-${i}`, 'roma', 'prizren', `2024-0${i + 1}-10`),
      ),
      ...Array.from({ length: 2 }, (_, i) =>
        importedCase(`A-${i}`, 'ashkali', 'peje', `2025-0${i + 1}-10`),
      ),
      importedCase('E-1', 'egyptian', 'peje', '2024-11-11'),
    ].map((c) => (c.submitted_at.startsWith('2025') ? { ...c, outcome_date: '2025-06-01' } : c));
    json(
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/statistics/import',
        headers: adminLogin.headers,
        payload: { cases },
      }),
    );
  });
  afterAll(async () => server?.close());

  const FILTER = 'from=2024&to=2025&community=roma&area=education';

  async function exportAs(format: string, login: StaffLogin, query = FILTER) {
    return server.app.inject({
      method: 'GET',
      url: `/api/v1/statistics/export?format=${format}&${query}`,
      headers: { ...login.headers, 'accept-language': 'en' },
    });
  }

  it('exports JSON with exactly the figures of the staff view under the same filters', async () => {
    const onScreen = json<YearlyStatistics>(
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/statistics/staff/yearly?${FILTER}`,
        headers: adminLogin.headers,
      }),
    );
    const response = await exportAs('json', adminLogin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="statistics-2024-2025-roma-education.json"',
    );
    expect(response.json()).toEqual(onScreen);
    expect(onScreen.years.map((y) => y.figures.reported)).toEqual([6, 0]);
  });

  it('exports CSV: one row per figure and year, labelled, honouring the filters', async () => {
    const response = await exportAs('csv', adminLogin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = response.body;
    expect(text.startsWith('\ufeffyear,section,code,section_label,label,value\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('2024,reported,all,Cases reported,,6');
    expect(lines).toContain('2025,reported,all,Cases reported,,0');
    expect(lines).toContain('all,reported,all,Cases reported,,6');
    expect(lines).toContain('2024,community,roma,Community,Roma,6');
    const ashkali = localCode('community', 'ashkali');
    expect(lines).toContain(
      `2024,community,${ashkali},Community,${localName('community', ashkali)},0`,
    );
    const prizren = localCode('municipality', 'prizren');
    expect(lines).toContain(
      `2024,municipality,${prizren},Municipality,${localName('municipality', prizren)},6`,
    );
    expect(lines).toContain('2024,status,resolved,Status today,Resolved,6');
  });

  it('exports XLSX with one sheet per table, headers frozen, widths and number formats', async () => {
    const response = await exportAs(
      'xlsx',
      adminLogin,
      `from=2024&to=2025&municipality=${localCode('municipality', 'peje')}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 2)).toEqual(['Overview', 'Median days to outcome']);
    for (const name of ['Community', 'Municipality', 'Status today', 'All figures']) {
      expect(names).toContain(name);
    }
    expect(new Set(names).size).toBe(names.length);

    const headerOf = (sheet: ExcelJS.Worksheet) =>
      (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const overview = workbook.getWorksheet('Overview')!;
    expect(headerOf(overview)).toEqual(['Figure', '2024', '2025', 'All years']);
    expect(overview.getRow(1).font?.bold).toBe(true);
    expect(overview.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    // Peje: the Egyptian case of 2024, the two Ashkali cases of 2025, three in all.
    expect((overview.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'Cases reported',
      1,
      2,
      3,
    ]);
    expect(overview.getCell('B2').numFmt).toBe('#,##0');
    expect(overview.getColumn(1).width).toBeGreaterThanOrEqual('Cases reported'.length);

    const community = workbook.getWorksheet('Community')!;
    expect(headerOf(community)).toEqual(['Category', 'Code', '2024', '2025', 'All years']);
    expect(community.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    const rows = new Map<string, ExcelJS.CellValue[]>();
    community.eachRow((row, number) => {
      if (number > 1)
        rows.set(String(row.getCell(2).value), (row.values as ExcelJS.CellValue[]).slice(1));
    });
    // 2024, 2025 and all years (one row where the profile has one community for both).
    const expected = new Map<string, number[]>();
    for (const [code, counts] of [
      ['ashkali', [0, 2, 2]],
      ['egyptian', [1, 0, 1]],
    ] as const) {
      const local = localCode('community', code);
      const sum = expected.get(local) ?? [0, 0, 0];
      expected.set(
        local,
        sum.map((n, i) => n + counts[i]),
      );
    }
    for (const [code, counts] of expected) {
      expect(rows.get(code)).toEqual([localName('community', code), code, ...counts]);
    }

    const median = workbook.getWorksheet('Median days to outcome')!;
    expect(median.getCell('B2').numFmt).toBe('0.0');

    const flat = workbook.getWorksheet('All figures')!;
    expect(headerOf(flat)).toEqual(['year', 'section', 'code', 'section_label', 'label', 'value']);
    expect(flat.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const flatRows: ExcelJS.CellValue[][] = [];
    flat.eachRow((row) => flatRows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    expect(flatRows).toContainEqual(['all', 'reported', 'all', 'Cases reported', undefined, 3]);
  });

  it('writes every export to the audit log with its format and filters', async () => {
    const memberLogin = await loginAs(server, member);
    expect(
      (
        await exportAs(
          'csv',
          memberLogin,
          `from=2024&to=2024&municipality=${localCode('municipality', 'prizren')}`,
        )
      ).statusCode,
    ).toBe(200);
    const rows = (await server.app
      .get(DataSource)
      .query(
        `SELECT actor_id, action, subject_type, details FROM audit_log WHERE action = 'export' ORDER BY id`,
      )) as {
      actor_id: string;
      subject_type: string;
      details: Record<string, unknown>;
    }[];
    expect(rows.map((r) => [r.actor_id, r.subject_type, r.details.format])).toEqual([
      [admin.id, 'statistics', 'json'],
      [admin.id, 'statistics', 'csv'],
      [admin.id, 'statistics', 'xlsx'],
      [member.id, 'statistics', 'csv'],
    ]);
    expect(rows[3].details).toEqual({
      format: 'csv',
      from: 2024,
      to: 2024,
      community: null,
      area: null,
      municipality: localCode('municipality', 'prizren'),
    });
  });

  it('refuses exports to the public and unknown formats or filters', async () => {
    const anonymous = await server.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/export?format=csv',
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await exportAs('pdf', adminLogin)).statusCode).toBe(400);
    const unknown = await exportAs('csv', adminLogin, 'community=martian');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'community', code: 'isKnownCode' }] });
    const backwards = await exportAs('csv', adminLogin, 'from=2025&to=2024');
    expect(backwards.statusCode).toBe(400);
  });

  it('hides public counts below the configured threshold, with companions so none can be worked out', async () => {
    const data = json<YearlyStatistics>(
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/yearly?from=2024&to=2025',
      }),
    );
    expect(data.suppressionThreshold).toBe(5);
    const [y2024, y2025] = data.years;
    expect(y2024.figures.reported).toBe(7);
    // Roma 6 hidden too: otherwise 7 − 6 would give the Egyptian case away.
    expect(y2024.figures.breakdowns.community).toEqual(
      localCounts('community', { roma: 'x', ashkali: 0, egyptian: 'x', other: 0 }),
    );
    expect(y2024.figures.status.resolved).toBe(7);
    expect(y2025.figures.reported).toBe('x');
    expect(y2025.figures.status.resolved).toBe('x');
    expect(y2025.figures.decided.total).toBe('x');
    expect(data.allYears.breakdowns.community).toMatchObject(
      localCounts('community', { roma: 'x', ashkali: 'x', egyptian: 'x' }),
    );
    const page = await server.app.inject({
      method: 'GET',
      url: '/statistics?from=2024&to=2025&lang=en',
    });
    expect(page.body).toContain('every count from 1 to 4 is hidden and shows as &quot;x&quot;');
  });
});
