import { DataSource, EntityManager } from 'typeorm';
import { CaseStatisticsSource } from './case-statistics-source';

describe('CaseStatisticsSource', () => {
  const tables = {
    timeZone: 'Europe/Belgrade',
    factsTable: 'expected_case_facts',
    outcomesTable: 'expected_outcomes',
    extraReferralsTable: 'stat_imported_referrals',
  };

  it('creates the two fact tables in the caller transaction, with the imported referrals', async () => {
    const query = jest.fn(() => Promise.resolve([]));
    const source = new CaseStatisticsSource({} as DataSource);
    await source.createFactTables({ query } as unknown as EntityManager, tables);
    const calls = query.mock.calls as unknown as [string, unknown[]][];
    expect(calls.map(([sql]) => sql.split(' AS ')[0])).toEqual([
      'CREATE TEMP TABLE expected_case_facts',
      'CREATE TEMP TABLE expected_outcomes',
    ]);
    expect(calls[0][0]).toContain('FROM stat_imported_referrals');
    expect(calls.every(([, params]) => params[0] === 'Europe/Belgrade')).toBe(true);
  });

  it('refuses a table name that is not a plain identifier', async () => {
    const query = jest.fn(() => Promise.resolve([]));
    const source = new CaseStatisticsSource({} as DataSource);
    await expect(
      source.createFactTables({ query } as unknown as EntityManager, {
        ...tables,
        extraReferralsTable: 'x; DROP TABLE cases',
      }),
    ).rejects.toThrow('not an SQL identifier');
    expect(query).not.toHaveBeenCalled();
  });

  it('maps overdue referral rows to a plain read type', async () => {
    const query = jest.fn(() => Promise.resolve([{ year: 2026, institution_code: 'ombud', n: 3 }]));
    const source = new CaseStatisticsSource({ query } as unknown as DataSource);
    const rows = await source.overdueReferrals({
      timeZone: 'Europe/Belgrade',
      today: '2026-12-06',
      from: 2025,
      to: 2026,
    });
    expect(rows).toEqual([{ year: 2026, institutionCode: 'ombud', count: 3 }]);
    expect((query.mock.calls as unknown as [string, unknown[]][])[0][1]).toEqual([
      'Europe/Belgrade',
      '2026-12-06',
      2025,
      2026,
      null,
      null,
      null,
    ]);
  });
});
