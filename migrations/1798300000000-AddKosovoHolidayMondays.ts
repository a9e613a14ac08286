import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Mondays off that CreateCaseClocks1797300000000 left out of Kosovo's calendar for 2026–2027:
 * the profile's rule (config/countries/kosovo.json, `workingDays.nextWorkingDayWhenOn: [6, 7]`,
 * Law No. 03/L-064 as the Government's calendars apply it) gives the next working day off for a
 * holiday on a Saturday as well as on a Sunday, and that migration only moved Sundays. What
 * CountryProfile.holidays gives for 2026 and 2027 and those rows lack is exactly:
 * Europe Day, Saturday 9 May 2026; New Year's second day, Saturday 2 January 2027; Catholic
 * Christmas, Saturday 25 December 2027 (test/migrations.e2e-spec.ts compares the two).
 *
 * Only on an installation whose recorded country is Kosovo (installation_country), for a year its
 * calendar already holds (holiday_years: a year seeded later comes from the profile, Mondays
 * included), and only where the day is absent (administrators may have added it at
 * /staff/holidays). The days it added are kept in holiday_days_added, so that down() removes
 * those and nothing an administrator wrote; a day an administrator deletes leaves that record too.
 */
const MONDAYS: ReadonlyArray<readonly [string, string]> = [
  ['2026-05-11', 'Dita e Evropës (e hëna pas së shtunës)'],
  ['2027-01-04', 'Viti i Ri (e hëna pas së shtunës)'],
  ['2027-12-27', 'Krishtlindjet katolike (e hëna pas së shtunës)'],
];

export class AddKosovoHolidayMondays1798300000000 implements MigrationInterface {
  name = 'AddKosovoHolidayMondays1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE holiday_days_added (
        day date PRIMARY KEY REFERENCES public_holidays (day) ON DELETE CASCADE,
        migration text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    const values = MONDAYS.map((_, i) => `($${2 * i + 2}::date, $${2 * i + 3})`).join(', ');
    await queryRunner.query(
      `WITH added AS (
         INSERT INTO public_holidays (day, name)
         SELECT wanted.day, wanted.name FROM (VALUES ${values}) AS wanted (day, name)
         WHERE EXISTS (SELECT 1 FROM installation_country WHERE code = 'XK')
           AND EXTRACT(YEAR FROM wanted.day)::int IN (SELECT year FROM holiday_years)
         ON CONFLICT (day) DO NOTHING
         RETURNING day
       )
       INSERT INTO holiday_days_added (day, migration) SELECT day, $1 FROM added`,
      [this.name, ...MONDAYS.flat()],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM public_holidays
       WHERE day IN (SELECT day FROM holiday_days_added WHERE migration = $1)`,
      [this.name],
    );
    await queryRunner.query(`DROP TABLE holiday_days_added`);
  }
}
