import { DataSource } from 'typeorm';
import { installationReferencePrefix, isOfferedLocale, installationYear } from '@app/core';
import { submitReport, validReport } from '../cases/case-fixtures';
import { localCode } from '../support/country-codes';
import type { TestServer } from '../support/test-server';
import { Team, api, makeTeam, startWorkflowServer, step } from './workflow-fixtures';

interface ListBody {
  items: {
    id: string;
    reference: string;
    status: string;
    assignee: { id: string } | null;
    ageDays: number;
  }[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  total: number;
  totalIsExact: boolean;
}

describe('The staff case list', () => {
  let server: TestServer;
  let team: Team;
  const ids: Record<string, string> = {};
  const references: Record<string, string> = {};

  async function file(name: string, overrides: Record<string, unknown>): Promise<void> {
    const created = await submitReport(server, validReport(overrides));
    ids[name] = created.id;
    references[name] = created.reference;
    // Distinct submission times, so "newest first" has one answer.
    server.clock.advance(1000);
  }

  async function list(query: string, login = team.as.admin): Promise<ListBody> {
    const res = await api(server, login, 'GET', `/api/v1/cases${query}`);
    if (res.statusCode !== 200) throw new Error(`list ${query}: ${res.statusCode} ${res.body}`);
    return res.json() as ListBody;
  }

  const names = (body: ListBody) =>
    body.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id)).sort();

  beforeAll(async () => {
    server = await startWorkflowServer();
    team = await makeTeam(server);
    await file('gjakova', {
      municipality: localCode('municipality', 'gjakove'),
      description: 'At the municipal office in Gjakovë they refused to give us the form.',
      primaryArea: 'public_services',
      community: localCode('community', 'egyptian'),
    });
    await file('carshia', {
      municipality: localCode('municipality', 'prizren'),
      description: 'Shopkeepers in the Çarshia shouted insults at my brother every day.',
      primaryArea: 'goods_and_services',
      community: 'roma',
    });
    await file('percent', {
      municipality: localCode('municipality', 'peje'),
      description: 'They pay us 50% of what the others get for the same work, every month.',
      primaryArea: 'employment',
      community: localCode('community', 'ashkali'),
    });
    await file('plain', {
      municipality: localCode('municipality', 'prizren'),
      primaryArea: 'education',
      community: 'roma',
    });
    await file('serbian', {
      municipality: localCode('municipality', 'gracanice'),
      description: 'U školi u Gračanici deci nisu dali đački dom zbog porekla.',
      primaryArea: 'education',
      community: 'roma',
    });
    await step(server, team.as.admin, ids.plain, { to: 'in_review' });
    await step(server, team.as.admin, ids.plain, { to: 'assigned', assigneeId: team.expert.id });
    await step(server, team.as.admin, ids.carshia, { to: 'in_review' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('searches descriptions ignoring case and Albanian diacritics (ë = e, ç = c)', async () => {
    expect(names(await list('?q=gjakove'))).toEqual(['gjakova']);
    expect(names(await list(`?q=${encodeURIComponent('GJAKOVË')}`))).toEqual(['gjakova']);
    expect(names(await list('?q=carshia'))).toEqual(['carshia']);
    expect(names(await list(`?q=${encodeURIComponent('çarshia')}`))).toEqual(['carshia']);
    expect(names(await list(`?q=${encodeURIComponent('gracanici')}`))).toEqual(['serbian']);
    expect(names(await list(`?q=${encodeURIComponent('djacki')}`))).toEqual(['serbian']);
    expect(names(await list('?q=refused%20to%20give'))).toEqual(['gjakova']);
  });

  it('takes %, _ and \\ in the search text literally', async () => {
    expect(names(await list(`?q=${encodeURIComponent('50%')}`))).toEqual(['percent']);
    expect(names(await list(`?q=${encodeURIComponent('0% of')}`))).toEqual(['percent']);
    // As wildcards they would match "pay us" and "us 50".
    expect((await list(`?q=${encodeURIComponent('pay_us')}`)).items).toEqual([]);
    expect((await list(`?q=${encodeURIComponent('us%50')}`)).items).toEqual([]);
    expect((await list(`?q=${encodeURIComponent('us\\ 50')}`)).items).toEqual([]);
  });

  it('finds a case by its reference, whole or a prefix', async () => {
    expect(names(await list(`?q=${references.carshia}`))).toEqual(['carshia']);
    expect(names(await list(`?q=${references.carshia.toLowerCase()}`))).toEqual(['carshia']);
    expect(
      (await list(`?q=${installationReferencePrefix()}-${installationYear(server.clock.now())}`))
        .items,
    ).toHaveLength(5);
  });

  it('filters by status, area, community, municipality, year and assignee', async () => {
    expect(names(await list('?status=assigned'))).toEqual(['plain']);
    expect(names(await list('?status=submitted'))).toEqual(['gjakova', 'percent', 'serbian']);
    expect(names(await list('?area=education'))).toEqual(['plain', 'serbian']);
    expect(
      names(await list(`?community=roma&municipality=${localCode('municipality', 'prizren')}`)),
    ).toEqual(['carshia', 'plain']);
    expect(names(await list(`?year=${installationYear(server.clock.now())}`))).toHaveLength(5);
    expect((await list('?year=2023')).items).toEqual([]);
    expect(names(await list(`?assignee=${team.expert.id}`))).toEqual(['plain']);
    expect(names(await list('?assignee=me', team.as.expert))).toEqual(['plain']);
    expect((await list('?assignee=none')).items).toHaveLength(4);
    expect(names(await list('?status=submitted&q=gjakove'))).toEqual(['gjakova']);
  });

  it('pages newest first with hasMore, an exact total, and the oldest-first order for queues', async () => {
    const first = await list('?pageSize=2');
    expect(first).toMatchObject({
      page: 1,
      pageSize: 2,
      hasMore: true,
      total: 5,
      totalIsExact: true,
    });
    expect(first.items.map((i) => i.id)).toEqual([ids.serbian, ids.plain]);
    const third = await list('?pageSize=2&page=3');
    expect(third).toMatchObject({ hasMore: false, total: 5 });
    expect(third.items.map((i) => i.id)).toEqual([ids.gjakova]);
    const oldest = await list('?order=oldest&pageSize=1');
    expect(oldest.items[0].id).toBe(ids.gjakova);
    expect(oldest.items[0].ageDays).toBe(0);
  });

  it('refuses bad filters (400) and accepts the language switcher’s lang', async () => {
    for (const query of [
      '?pageSize=101',
      '?page=0',
      '?status=archived',
      '?colour=red',
      '?assignee=someone',
    ]) {
      const res = await api(server, team.as.admin, 'GET', `/api/v1/cases${query}`);
      expect([query, res.statusCode]).toEqual([query, 400]);
    }
    // Serbian where the installation offers it (Kosovo), else Romani: a language not the default.
    const lang = isOfferedLocale('sr') ? 'sr' : 'rom';
    expect((await list(`?lang=${lang}&status=`)).total).toBe(5);
  });

  it('pages a search with its count: exact up to SEARCH_COUNT_CAP, "more than" past it', async () => {
    // Copies of one case whose description has a word of its own, a second apart, newest first
    // after the original: 30 matches, then 130.
    const dataSource = server.app.get(DataSource);
    const copy = (from: number, to: number) =>
      dataSource.query(
        `INSERT INTO cases
         SELECT (jsonb_populate_record(null::cases, to_jsonb(c) || jsonb_build_object(
                  'id', gen_random_uuid(),
                  'seq', 90000 + n,
                  'reference', substring(c.reference from '^[A-Z]{2,6}') || '-' || c.year || '-' || (90000 + n),
                  'original_reference', null,
                  'description', 'A copy ' || n || ' of what the clerk at the window said to us.',
                  'submitted_at', c.submitted_at - n * interval '1 second'))).*
           FROM cases c, generate_series($2::int, $3::int) AS n
          WHERE c.id = $1`,
        [ids.plain, from, to],
      );
    try {
      await copy(1, 30);
      const first = await list('?q=window&pageSize=10');
      expect(first).toMatchObject({ hasMore: true, total: 30, totalIsExact: true });
      const second = await list('?q=window&pageSize=10&page=2');
      expect(second).toMatchObject({ hasMore: true, total: 30, totalIsExact: true });
      expect(second.items.map((i) => i.reference)).toEqual(
        Array.from(
          { length: 10 },
          (_, i) => `${references.plain.replace(/-\d+$/, '')}-${90011 + i}`,
        ),
      );
      const last = await list('?q=window&pageSize=10&page=3');
      expect(last).toMatchObject({ hasMore: false, total: 30, totalIsExact: true });
      expect(last.items).toHaveLength(10);
      // Past the last page: no rows, and the count asked on its own.
      expect(await list('?q=window&pageSize=10&page=4')).toMatchObject({
        items: [],
        hasMore: false,
        total: 30,
        totalIsExact: true,
      });

      await copy(31, 130);
      // Within the cap (pages 1 to 10 of 10) the count comes with the page's own read; past it
      // (pages 11, 12) it is a statement of its own.
      const queries = jest.spyOn(dataSource, 'query');
      const countsAsked = () =>
        queries.mock.calls.filter(([sql]) => sql.startsWith('SELECT count(*)::int FROM')).length;
      try {
        for (const [page, counted] of [
          [1, 0],
          [9, 0],
          [10, 0],
          [11, 1],
          [12, 1],
        ]) {
          queries.mockClear();
          const body = await list(`?q=window&pageSize=10&page=${page}`);
          expect(body).toMatchObject({ page, hasMore: true, total: 100, totalIsExact: false });
          expect(body.items).toHaveLength(10);
          expect(countsAsked()).toBe(counted);
        }
      } finally {
        queries.mockRestore();
      }
      const oldest = await list('?q=window&pageSize=25&order=oldest');
      expect(oldest).toMatchObject({ hasMore: true, total: 100, totalIsExact: false });
      expect(oldest.items[0].reference).toBe(`${references.plain.replace(/-\d+$/, '')}-${90130}`);
      // With a status besides (every copy is assigned, as the original), on the cap's last page.
      expect(await list('?q=window&status=assigned&pageSize=50&page=2')).toMatchObject({
        hasMore: true,
        total: 100,
        totalIsExact: false,
      });
      expect(await list('?q=window&status=submitted')).toMatchObject({
        hasMore: false,
        total: 0,
        totalIsExact: true,
      });
    } finally {
      await dataSource.query(`DELETE FROM cases WHERE seq > 90000`);
    }
    expect((await list('')).total).toBe(5);
  });

  it('is refused to Technical Group members (403) and to anonymous callers (401)', async () => {
    expect((await api(server, team.as.member, 'GET', '/api/v1/cases')).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
  });

  it('answers a failed calendar read with a problem, leaving no rejection unhandled (it would end the process)', async () => {
    const unhandled: unknown[] = [];
    const seen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', seen);
    // The working calendar cannot be read; the page's rows can.
    await server.app
      .get(DataSource)
      .query(`ALTER TABLE public_holidays RENAME TO public_holidays_away`);
    try {
      const res = await api(server, team.as.admin, 'GET', '/api/v1/cases');
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      // Whatever was left pending has settled by the next turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', seen);
      await server.app
        .get(DataSource)
        .query(`ALTER TABLE public_holidays_away RENAME TO public_holidays`);
    }
    expect((await api(server, team.as.admin, 'GET', '/api/v1/cases')).statusCode).toBe(200);
  });
});
