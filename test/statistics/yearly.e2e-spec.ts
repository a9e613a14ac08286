import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { FixedClock } from '@app/core';
import {
  MeetingAgenda,
  MeetingAttendanceService,
  MeetingDecisions,
  MeetingsService,
} from '@app/meetings';
import { StatisticsRecompute, StatisticsService, YearlyStatistics } from '@app/statistics';
import { localCode, localCounts, localName } from '../support/country-codes';
import { TestStaff, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';
import {
  STATISTICS_ENV,
  answerReferral,
  at,
  expectNoRecomputeDifference,
  json,
  principal,
  report,
  step,
} from './statistics-fixtures';
import { ONE_OFF_RECIPIENT } from '../support/case-workflow';

/**
 * Several years of cases with known figures: every outcome, a reopened case, a reassignment, a
 * referral answered on time and one late, a Technical Group meeting that postpones a case, and
 * two reports a minute either side of midnight of 31 December in Kosovo time (Albania's is the
 * same). The figures the API gives must be exactly the ones worked out by hand below, and the
 * recompute must agree. Codes are Kosovo's, taken through localCode on another profile.
 */
describe('Yearly statistics over several years', () => {
  let server: TestServer;
  let admin: TestStaff;
  let expert1: TestStaff;
  let expert2: TestStaff;
  let member: TestStaff;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(STATISTICS_ENV, {
      clock: new FixedClock(new Date('2024-01-02T09:00:00Z')),
    });
    admin = await createStaff(server, { role: 'administrator' });
    expert1 = await createStaff(server, { role: 'legal_expert' });
    expert2 = await createStaff(server, { role: 'legal_expert' });
    member = await createStaff(server, {
      role: 'technical_group_member',
      institutionCode: localCode('institution', 'ministry_health'),
    });
    const meetings = server.app.get(MeetingsService);
    const agenda = server.app.get(MeetingAgenda);
    const attendance = server.app.get(MeetingAttendanceService);
    const decisions = server.app.get(MeetingDecisions);
    const reason = 'Explained to the reporter in writing.';
    const referral = (institutionCode: string, responseDueDate: string) => ({
      referrals: [
        {
          institutionCode,
          recommendation: 'Please remedy the discrimination found.',
          summary:
            'A school moved the Roma pupils of one grade to a separate class in a side building.',
          responseDueDate,
          ...ONE_OFF_RECIPIENT,
        },
      ],
    });

    // A: 2024, resolved after 30 days.
    at(server, '2024-03-10T10:00:00Z');
    ids.A = await report(server, {
      community: localCode('community', 'roma'),
      primaryArea: 'education',
      municipality: localCode('municipality', 'prizren'),
      grounds: ['segregation', 'discrimination'],
      gender: 'female',
      ageGroup: '18_29',
      reporterRole: 'victim',
      incidentDate: '2024-03-01',
    });
    at(server, '2024-03-11T10:00:00Z');
    await step(server, admin, ids.A, 'in_review');
    at(server, '2024-03-12T10:00:00Z');
    await step(server, admin, ids.A, 'assigned', { assigneeId: expert1.id });
    at(server, '2024-04-09T10:00:00Z');
    await step(server, expert1, ids.A, 'resolved');

    // D: 2024, reassigned, referred, answered on time, resolved after 61 days.
    at(server, '2024-06-01T10:00:00Z');
    ids.D = await report(server, {
      community: localCode('community', 'egyptian'),
      primaryArea: 'employment',
      municipality: localCode('municipality', 'prizren'),
      grounds: ['discrimination'],
      incidentDate: '2024-05-20',
    });
    at(server, '2024-06-02T10:00:00Z');
    await step(server, admin, ids.D, 'in_review');
    at(server, '2024-06-03T10:00:00Z');
    await step(server, admin, ids.D, 'assigned', { assigneeId: expert1.id });
    at(server, '2024-06-10T10:00:00Z');
    const login = await loginAs(server, admin);
    const reassigned = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${ids.D}/assignment`,
      headers: login.headers,
      payload: { assigneeId: expert2.id },
    });
    expect(reassigned.statusCode).toBe(200);
    at(server, '2024-06-15T10:00:00Z');
    const [referralD] = await step(
      server,
      expert2,
      ids.D,
      'referred',
      referral(localCode('institution', 'ombudsperson'), '2024-07-15'),
    );
    at(server, '2024-07-10T10:00:00Z');
    await answerReferral(server, admin, ids.D, referralD, 'complied');
    at(server, '2024-08-01T10:00:00Z');
    await step(server, expert2, ids.D, 'resolved');

    // E: 2024, resolved, reopened in 2025, referred (never answered), resolved again.
    at(server, '2024-09-01T10:00:00Z');
    ids.E = await report(server, {
      community: localCode('community', 'roma'),
      primaryArea: 'education',
      municipality: localCode('municipality', 'prizren'),
      grounds: ['segregation'],
      incidentDate: '2024-08-30',
    });
    at(server, '2024-09-02T10:00:00Z');
    await step(server, admin, ids.E, 'in_review');
    at(server, '2024-09-03T10:00:00Z');
    await step(server, admin, ids.E, 'assigned', { assigneeId: expert1.id });
    at(server, '2024-10-01T10:00:00Z');
    await step(server, expert1, ids.E, 'resolved');

    // B at 23:30 on 31 December 2024 in Kosovo (2024); C at 00:30 on 1 January 2025 (2025).
    at(server, '2024-12-31T22:30:00Z');
    ids.B = await report(server, {
      community: localCode('community', 'ashkali'),
      primaryArea: 'health',
      municipality: localCode('municipality', 'peje'),
      grounds: ['harassment'],
      incidentDate: '2024-12-30',
    });
    at(server, '2024-12-31T23:30:00Z');
    ids.C = await report(server, {
      community: localCode('community', 'roma'),
      primaryArea: 'housing',
      municipality: localCode('municipality', 'prizren'),
      grounds: ['discrimination'],
      incidentDate: '2024-12-30',
    });
    at(server, '2025-01-02T10:00:00Z');
    await step(server, admin, ids.B, 'in_review');
    await step(server, admin, ids.C, 'in_review');
    at(server, '2025-01-03T10:00:00Z');
    await step(server, admin, ids.C, 'assigned', { assigneeId: expert1.id });
    at(server, '2025-01-05T10:00:00Z');
    await step(server, admin, ids.B, 'closed', { closureReason: 'duplicate', reason });

    // Technical Group: the first meeting postpones C, the second finds no discrimination.
    at(server, '2025-01-10T10:00:00Z');
    const m1 = await meetings.plan(principal(admin), {
      scheduledAt: '2025-01-20T09:00',
      place: 'Prishtinë',
    });
    await agenda.addItem(principal(admin), m1.id, {
      case: { id: ids.C },
      summary: 'Eviction of a Roma family without notice.',
      proposedDecision: 'not_discrimination',
    });
    await meetings.publishAgenda(principal(admin), m1.id);

    // 2024 is over: its figures are published (through the API) before anything changes them.
    at(server, '2025-01-15T10:00:00Z');
    const adminLogin = await loginAs(server, admin);
    json(
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/statistics/years/2024/publish',
        headers: adminLogin.headers,
      }),
      201,
    );

    at(server, '2025-01-20T10:00:00Z');
    await attendance.recordAttendance(principal(admin), m1.id, [member.id]);
    await meetings.markHeld(principal(admin), m1.id);
    await decisions.recordDecision(principal(admin), m1.id, {
      caseId: ids.C,
      kind: 'postpone',
      text: 'More documents from the municipality are needed.',
    });
    at(server, '2025-01-25T10:00:00Z');
    const m2 = await meetings.plan(principal(admin), {
      scheduledAt: '2025-02-10T09:00',
      place: 'Prishtinë',
    });
    expect(m2.carried).toBe(1);
    await meetings.publishAgenda(principal(admin), m2.id);

    at(server, '2025-02-01T10:00:00Z');
    await step(server, admin, ids.E, 'in_review', {
      reason: 'The school repeated the segregation.',
    });
    at(server, '2025-02-02T10:00:00Z');
    await step(server, admin, ids.E, 'assigned', { assigneeId: expert1.id });

    at(server, '2025-02-10T10:00:00Z');
    await attendance.recordAttendance(principal(admin), m2.id, [member.id]);
    await meetings.markHeld(principal(admin), m2.id);
    await decisions.recordDecision(principal(admin), m2.id, {
      caseId: ids.C,
      kind: 'not_discrimination',
      text: 'The eviction followed a court order that applies to every tenant alike.',
    });

    at(server, '2025-03-01T10:00:00Z');
    await step(
      server,
      expert1,
      ids.E,
      'referred',
      referral(localCode('institution', 'kosovo_police'), '2025-04-01'),
    );
    at(server, '2025-03-03T10:00:00Z');
    ids.F = await report(server, {
      community: localCode('community', 'roma'),
      primaryArea: 'health',
      municipality: localCode('municipality', 'peje'),
      grounds: ['hate_speech'],
      incidentDate: '2025-03-01',
    });
    at(server, '2025-04-04T10:00:00Z');
    ids.G = await report(server, {
      community: localCode('community', 'ashkali'),
      primaryArea: 'education',
      municipality: localCode('municipality', 'peje'),
      grounds: ['bullying'],
      incidentDate: '2025-04-01',
    });
    at(server, '2025-04-05T10:00:00Z');
    await step(server, admin, ids.G, 'in_review');
    at(server, '2025-04-10T10:00:00Z');
    await step(server, admin, ids.G, 'closed', { closureReason: 'withdrawn', reason });
    at(server, '2025-05-01T10:00:00Z');
    await step(server, expert1, ids.E, 'resolved');

    // H: 2025, referred; the institution answers late and refuses; still referred.
    at(server, '2025-06-01T10:00:00Z');
    ids.H = await report(server, {
      community: localCode('community', 'egyptian'),
      primaryArea: 'health',
      municipality: localCode('municipality', 'prizren'),
      grounds: ['discrimination'],
      incidentDate: '2025-05-30',
    });
    at(server, '2025-06-02T10:00:00Z');
    await step(server, admin, ids.H, 'in_review');
    at(server, '2025-06-03T10:00:00Z');
    await step(server, admin, ids.H, 'assigned', { assigneeId: expert2.id });
    at(server, '2025-06-10T10:00:00Z');
    const [referralH] = await step(
      server,
      expert2,
      ids.H,
      'referred',
      referral(localCode('institution', 'ombudsperson'), '2025-07-10'),
    );
    at(server, '2025-07-20T10:00:00Z');
    await answerReferral(server, admin, ids.H, referralH, 'refused');

    at(server, '2025-08-01T10:00:00Z');
  }, 240_000);

  afterAll(async () => server?.close());

  async function staffFigures(query = 'from=2024&to=2025'): Promise<YearlyStatistics> {
    const login = await loginAs(server, admin);
    return json(
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/statistics/staff/yearly?${query}`,
        headers: login.headers,
      }),
    );
  }

  it('gives staff exactly the expected figures for each year and for all years together', async () => {
    const data = await staffFigures();
    const [y2024, y2025] = data.years;
    expect(y2024.year).toBe(2024);
    expect(y2024.figures).toMatchObject({
      reported: 4,
      status: { open: 0, referred: 0, resolved: 3, not_discrimination: 0, closed: 1 },
      closedByReason: { duplicate: 1, withdrawn: 0 },
      decided: { total: 3, resolved: 3, not_discrimination: 0, closed: 0 },
      meetingsHeld: 0,
      // Latest outcomes of A, B, D, E: 30, 5, 61 and 242 days.
      medianDaysToOutcome: 45.5,
      referrals: {
        [localCode('institution', 'ombudsperson')]: {
          sent: 1,
          answeredOnTime: 1,
          answeredLate: 0,
          unanswered: 0,
          complied: 1,
          refused: 0,
        },
      },
    });
    expect(y2024.figures.breakdowns.community).toEqual(
      localCounts('community', { roma: 2, ashkali: 1, egyptian: 1, other: 0 }),
    );
    expect(y2024.figures.breakdowns.municipality).toMatchObject(
      localCounts('municipality', { prizren: 3, peje: 1, prishtine: 0 }),
    );
    expect(y2024.figures.breakdowns.area).toMatchObject({
      education: 2,
      employment: 1,
      health: 1,
      housing: 0,
    });
    expect(y2024.figures.breakdowns.ground).toMatchObject({
      segregation: 2,
      discrimination: 2,
      harassment: 1,
    });
    expect(y2024.figures.breakdowns.gender).toMatchObject({ female: 1, not_stated: 3 });
    expect(y2024.figures.breakdowns.age_group).toMatchObject({ '18_29': 1, not_stated: 3 });
    expect(y2024.figures.breakdowns.reporter_role).toMatchObject({
      victim: 1,
      on_behalf_of_victim: 3,
    });
    expect(y2024.figures.breakdowns.perpetrator_kind).toMatchObject({ school: 4 });
    expect(y2024.figures.breakdowns.referral_institution).toEqual(
      localCounts('institution', { kosovo_police: 1, ombudsperson: 1 }),
    );

    expect(y2025.year).toBe(2025);
    expect(y2025.figures).toMatchObject({
      reported: 4,
      status: { open: 1, referred: 1, resolved: 0, not_discrimination: 1, closed: 1 },
      closedByReason: { duplicate: 0, withdrawn: 1 },
      // B (closed 5 Jan), C (10 Feb), G (10 Apr) and E again (1 May).
      decided: { total: 4, resolved: 1, not_discrimination: 1, closed: 2 },
      meetingsHeld: 2,
      // C after 40 days, G after 6.
      medianDaysToOutcome: 23,
      referrals: {
        [localCode('institution', 'kosovo_police')]: {
          sent: 1,
          answeredOnTime: 0,
          answeredLate: 0,
          unanswered: 1,
        },
        [localCode('institution', 'ombudsperson')]: {
          sent: 1,
          answeredOnTime: 0,
          answeredLate: 1,
          unanswered: 0,
          refused: 1,
        },
      },
    });
    expect(y2025.figures.breakdowns.community).toEqual(
      localCounts('community', { roma: 2, ashkali: 1, egyptian: 1, other: 0 }),
    );
    expect(y2025.figures.breakdowns.referral_institution).toEqual(
      localCounts('institution', { ombudsperson: 1 }),
    );

    expect(data.allYears).toMatchObject({
      year: null,
      reported: 8,
      status: { open: 1, referred: 1, resolved: 3, not_discrimination: 1, closed: 2 },
      decided: { total: 7, resolved: 4, not_discrimination: 1, closed: 2 },
      meetingsHeld: 2,
      // 5, 6, 30, 40, 61, 242
      medianDaysToOutcome: 35,
    });
    expect(data.suppressionThreshold).toBeNull();
  });

  it('counts the reports either side of midnight of 31 December in their local years', async () => {
    const rows = (await server.app
      .get(DataSource)
      .query(`SELECT id, year FROM cases WHERE id = ANY($1)`, [[ids.B, ids.C]])) as {
      id: string;
      year: number;
    }[];
    expect(Object.fromEntries(rows.map((r) => [r.id === ids.B ? 'B' : 'C', r.year]))).toEqual({
      B: 2024,
      C: 2025,
    });
    const ashkali = localCode('community', 'ashkali');
    const data = await staffFigures(`from=2024&to=2025&community=${ashkali}`);
    // B (ashkali, 23:30 on 31 December) is 2024; G is the 2025 one. Where the profile has one
    // community for Ashkali and Egyptian (Albania), D (2024) and H (2025) count too.
    const perYear = localCounts('community', { ashkali: 1, egyptian: 1 })[ashkali];
    expect(data.years.map((y) => y.figures.reported)).toEqual([perYear, perYear]);
  });

  it('applies the staff filters to every figure, meetings being the year’s', async () => {
    const prizren = localCode('municipality', 'prizren');
    const data = await staffFigures(`from=2024&to=2025&municipality=${prizren}&area=education`);
    const [y2024, y2025] = data.years;
    // A and E.
    expect(y2024.figures).toMatchObject({
      reported: 2,
      status: { resolved: 2 },
      medianDaysToOutcome: 136,
    });
    expect(y2024.figures.breakdowns.community).toMatchObject(
      localCounts('community', { roma: 2, ashkali: 0 }),
    );
    expect(y2025.figures).toMatchObject({
      reported: 0,
      decided: { total: 1, resolved: 1 },
      meetingsHeld: 2,
    });
    expect(data.filters).toEqual({ community: null, area: 'education', municipality: prizren });
  });

  it('shows the public the published 2024 figures with small cells hidden, and 2025 as provisional', async () => {
    const data = json<YearlyStatistics>(
      await server.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/yearly?from=2024&to=2025',
      }),
    );
    const [y2024, y2025] = data.years;
    expect(data.suppressionThreshold).toBe(3);
    expect(y2024.publishedAt).toBe('2025-01-15T10:00:00.000Z');
    expect(y2025.publishedAt).toBeNull();
    // As published on 15 January 2025: E had not been reopened, referred or re-decided yet.
    // Small counts and their companions hidden alike (disclosure-control.ts); the audit hid the
    // total of cases too, so that the status split cannot be worked out.
    expect(y2024.figures).toMatchObject({
      reported: 'x',
      status: { open: 0, referred: 0, resolved: 'x', not_discrimination: 0, closed: 'x' },
      decided: { total: 3, resolved: 3 },
      medianDaysToOutcome: 30,
    });
    expect(y2024.figures.breakdowns.community).toEqual(
      localCounts('community', { roma: 'x', ashkali: 'x', egyptian: 'x', other: 0 }),
    );
    expect(y2024.figures.breakdowns.municipality).toMatchObject(
      localCounts('municipality', { prizren: 3, peje: 'x' }),
    );
    expect(y2024.figures.breakdowns.referral_institution).toEqual(
      localCounts('institution', { ombudsperson: 'x' }),
    );
    // Four cases, each community's share hidden: the total would leave too little room.
    expect(y2025.figures).toMatchObject({
      reported: 'x',
      meetingsHeld: 2,
      // Of two decided cases: hidden, it would tell their durations.
      medianDaysToOutcome: 'x',
    });
    // All years: sums of the published years only, hidden where a year hides the figure (the
    // median too: 2025's is hidden, and with 2024's known it could be narrowed).
    expect(data.allYears).toMatchObject({
      reported: 'x',
      medianDaysToOutcome: 'x',
      meetingsHeld: 2,
    });
    expect(data.allYears.status).toMatchObject({ resolved: 'x', closed: 'x', open: 'x' });
    // Compressed as the client accepts, the same figures.
    for (const [accept, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const compressed = await server.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/yearly?from=2024&to=2025',
        headers: { 'accept-encoding': accept },
      });
      expect(compressed.headers['content-encoding']).toBe(accept);
      expect(compressed.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(decode(compressed.rawPayload).toString('utf8'))).toEqual(data);
    }
  });

  it('shows staff what changed in 2024 since it was published, and the public page keeps the published figures', async () => {
    const data = await staffFigures();
    const changes = data.years[0].changesSincePublished!;
    expect(changes).toEqual(
      expect.arrayContaining([
        { section: 'median_days_to_outcome', code: 'all', published: 30, current: 45.5 },
        {
          section: 'referral_institution',
          code: localCode('institution', 'kosovo_police'),
          published: 0,
          current: 1,
        },
      ]),
    );
    expect(data.years[1].changesSincePublished).toBeUndefined();
    const login = await loginAs(server, admin);
    const page = await server.app.inject({
      method: 'GET',
      url: '/staff/statistics?from=2024&to=2025&lang=en',
      headers: login.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Changes since 2024 was published');
    expect(page.body).toContain('Median days to outcome');

    // Publishing again, or changing the snapshot in the database, is refused.
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/years/2024/publish',
      headers: login.headers,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'statistics_year_already_published' });
    await expect(
      server.app
        .get(DataSource)
        .query(
          `UPDATE stat_snapshots SET counts = '{"counters":{},"outcomeDays":{}}' WHERE year = 2024`,
        ),
    ).rejects.toThrow(/cannot be changed/);
    const current = await server.app.inject({
      method: 'POST',
      url: '/api/v1/statistics/years/2025/publish',
      headers: login.headers,
    });
    expect(current.statusCode).toBe(409);
    expect(current.json()).toMatchObject({ code: 'statistics_year_not_over' });
  });

  it('renders the public page with charts drawn on the server and a table beside each', async () => {
    const page = await server.app.inject({
      method: 'GET',
      url: '/statistics?from=2024&to=2025&year=2024&lang=en',
    });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('Yearly statistics');
    expect(html).toContain('published on 2025-01-15');
    expect(html).toContain('provisional');
    // Every chart is an inline SVG hidden from screen readers, with a captioned table of its figures.
    const charts = html.match(/class="stat-bars" aria-hidden="true"/g) ?? [];
    const tables = html.match(/<caption>Table: /g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(12);
    expect(tables.length).toBeGreaterThanOrEqual(charts.length);
    const prizren = localName('municipality', localCode('municipality', 'prizren'));
    const peje = localName('municipality', localCode('municipality', 'peje'));
    expect(html).toContain(`<th scope="row">${prizren}</th><td class="num">3</td>`);
    expect(html).toContain(`<th scope="row">${peje}</th><td class="num">x</td>`);
    // The charts need no script, inline style or third party; the site-wide quick exit (a link
    // away, and its small script) aside.
    const ownMarkup = html
      .replace(/<div class="quick-exit">[\s\S]*?<\/div>/, '')
      .replace('<script src="/static/js/quick-exit.js" defer></script>', '');
    expect(ownMarkup).not.toMatch(/<script|style="|https?:\/\/(?!127\.0\.0\.1|localhost)/);
  });

  it('finds no difference when every figure is recomputed from the cases', async () => {
    await expectNoRecomputeDifference(server);
  });

  it('keeps counts exact under concurrent reports and reports a tampered counter', async () => {
    at(server, '2025-08-02T10:00:00Z');
    const publicYearly = async () =>
      json<YearlyStatistics>(
        await server.app.inject({
          method: 'GET',
          url: '/api/v1/statistics/yearly?from=2024&to=2025',
        }),
      );
    const before = await publicYearly();
    const reports = Array.from({ length: 12 }, (_, i) =>
      report(server, {
        community: localCode('community', i % 2 ? 'roma' : 'egyptian'),
        primaryArea: 'education',
        municipality: localCode('municipality', i % 3 ? 'prizren' : 'peje'),
        grounds: ['discrimination'],
        incidentDate: '2025-08-01',
      }),
    );
    await Promise.all(reports);
    const data = await staffFigures();
    expect(data.years[1].figures.reported).toBe(16);
    await expectNoRecomputeDifference(server);
    // The public figures of the live year follow the new cases at once (the figures a request
    // answered before are not given again): they are those made afresh from today's counts.
    const after = await publicYearly();
    const statistics = server.app.get(StatisticsService);
    const fresh = statistics.publicYear(
      2025,
      await statistics.currentCounts(2025),
      await statistics.knownCodes(),
    ).figures;
    expect(after.years[1].figures).toEqual(fresh);
    expect(after.years[1].figures).not.toEqual(before.years[1].figures);
    expect(after.years[0]).toEqual(before.years[0]);
    expect(after.allYears).not.toEqual(before.allYears);

    const db = server.app.get(DataSource);
    await db.query(
      `UPDATE stat_counters SET value = value + 1 WHERE scope = '*|*|*' AND year = 2025 AND dimension = 'total'`,
    );
    const recompute = server.app.get(StatisticsRecompute);
    const found = await recompute.run();
    expect(found.total).toBe(1);
    expect(found.differences).toEqual([
      {
        table: 'stat_counters',
        what: '*|*|* 2025 total/all/reported',
        expected: '16',
        actual: '17',
      },
    ]);
    const fixed = await recompute.run({ fix: true });
    expect(fixed.fixed).toBe(true);
    await expectNoRecomputeDifference(server);
  });
});
