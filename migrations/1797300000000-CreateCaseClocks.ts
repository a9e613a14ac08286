import { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'triage', 'assignment', 'assessment', 'technical_group', 'institution_answer', 'closing'`;

/**
 * Official public holidays of Kosovo (Law No. 03/L-064 on Official Holidays) for 2025–2027,
 * with the Monday off when one falls on a Sunday. The movable ones: Catholic Easter
 * 20 Apr 2025, 5 Apr 2026, 28 Mar 2027; Orthodox Easter 20 Apr 2025, 12 Apr 2026, 2 May 2027;
 * Eid al-Fitr 30 Mar 2025 and 20 Mar 2026; Eid al-Adha 6 Jun 2025 and 27 May 2026. The Eid
 * dates of 2027 follow the Islamic Community's announcement and are added by administrators
 * then, not guessed here.
 */
const HOLIDAYS: ReadonlyArray<readonly [string, string]> = [
  ['2025-01-01', 'Viti i Ri'],
  ['2025-01-02', 'Viti i Ri (dita e dytë)'],
  ['2025-01-07', 'Krishtlindjet ortodokse'],
  ['2025-02-17', 'Dita e Pavarësisë'],
  ['2025-03-30', 'Fitër Bajrami'],
  ['2025-03-31', 'Fitër Bajrami (e hëna pas së dielës)'],
  ['2025-04-09', 'Dita e Kushtetutës'],
  ['2025-04-20', 'Pashkët katolike dhe ortodokse'],
  ['2025-04-21', 'Pashkët (e hëna pas së dielës)'],
  ['2025-05-01', 'Dita Ndërkombëtare e Punës'],
  ['2025-05-09', 'Dita e Evropës'],
  ['2025-06-06', 'Kurban Bajrami'],
  ['2025-12-25', 'Krishtlindjet katolike'],
  ['2026-01-01', 'Viti i Ri'],
  ['2026-01-02', 'Viti i Ri (dita e dytë)'],
  ['2026-01-07', 'Krishtlindjet ortodokse'],
  ['2026-02-17', 'Dita e Pavarësisë'],
  ['2026-03-20', 'Fitër Bajrami'],
  ['2026-04-05', 'Pashkët katolike'],
  ['2026-04-06', 'Pashkët katolike (e hëna pas së dielës)'],
  ['2026-04-09', 'Dita e Kushtetutës'],
  ['2026-04-12', 'Pashkët ortodokse'],
  ['2026-04-13', 'Pashkët ortodokse (e hëna pas së dielës)'],
  ['2026-05-01', 'Dita Ndërkombëtare e Punës'],
  ['2026-05-09', 'Dita e Evropës'],
  ['2026-05-27', 'Kurban Bajrami'],
  ['2026-12-25', 'Krishtlindjet katolike'],
  ['2027-01-01', 'Viti i Ri'],
  ['2027-01-02', 'Viti i Ri (dita e dytë)'],
  ['2027-01-07', 'Krishtlindjet ortodokse'],
  ['2027-02-17', 'Dita e Pavarësisë'],
  ['2027-03-28', 'Pashkët katolike'],
  ['2027-03-29', 'Pashkët katolike (e hëna pas së dielës)'],
  ['2027-04-09', 'Dita e Kushtetutës'],
  ['2027-05-01', 'Dita Ndërkombëtare e Punës'],
  ['2027-05-02', 'Pashkët ortodokse'],
  ['2027-05-03', 'Pashkët ortodokse (e hëna pas së dielës)'],
  ['2027-05-09', 'Dita e Evropës'],
  ['2027-05-10', 'Dita e Evropës (e hëna pas së dielës)'],
  ['2027-12-25', 'Krishtlindjet katolike'],
];

/**
 * Case clocks (DESIGN §7a): the working-day calendar (public holidays, one row a day, edited
 * per year), one clock row per stage of a case with its stored due date, the claim of each
 * day's digest to administrators, and what happened to each clock (its history).
 */
export class CreateCaseClocks1797300000000 implements MigrationInterface {
  name = 'CreateCaseClocks1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE public_holidays (
        day date PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    const values = HOLIDAYS.map((_, i) => `($${2 * i + 1}::date, $${2 * i + 2})`).join(', ');
    await queryRunner.query(
      `INSERT INTO public_holidays (day, name) VALUES ${values}`,
      HOLIDAYS.flat(),
    );

    // One clock per stage a case went through. At most one runs per case (stages follow each
    // other); a paused clock is one waiting for the reporter. The reminder and overdue markers
    // are claimed by an UPDATE … WHERE … IS NULL, so a reminder is written once however many
    // workers check the clocks.
    await queryRunner.query(`
      CREATE TABLE case_clocks (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        started_at timestamptz NOT NULL,
        start_day date NOT NULL,
        target_days integer NOT NULL CHECK (target_days >= 0),
        due_day date NOT NULL,
        paused_at timestamptz,
        paused_day date,
        paused_days integer NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
        stopped_at timestamptz,
        stop_day date,
        working_days integer CHECK (working_days >= 0),
        breached_at timestamptz,
        reminder_sent_at timestamptz,
        overdue_sent_at timestamptz,
        CONSTRAINT case_clocks_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT case_clocks_pause_check CHECK ((paused_at IS NULL) = (paused_day IS NULL)),
        CONSTRAINT case_clocks_stop_check CHECK (
          (stopped_at IS NULL AND stop_day IS NULL AND working_days IS NULL)
          OR (stopped_at IS NOT NULL AND stop_day IS NOT NULL AND working_days IS NOT NULL AND paused_at IS NULL)
        )
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX case_clocks_running_key ON case_clocks (case_id) WHERE stopped_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX case_clocks_due_idx ON case_clocks (due_day) WHERE stopped_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX case_clocks_case_idx ON case_clocks (case_id, started_at)`,
    );

    // The day's digest to administrators: the worker that inserts the day's row writes it.
    await queryRunner.query(`
      CREATE TABLE clock_digests (
        day date PRIMARY KEY,
        sent_at timestamptz NOT NULL,
        overdue integer NOT NULL CHECK (overdue >= 0)
      )
    `);

    // What happened to each clock, for the case's history as staff read it: kept beside
    // case_history (whose entries are status changes and their news) and shown merged with it.
    await queryRunner.query(`
      CREATE TABLE case_clock_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL,
        clock_id uuid NOT NULL,
        at timestamptz NOT NULL,
        event text NOT NULL CHECK (event IN ('started', 'paused', 'resumed', 'stopped', 'breached')),
        actor_kind text NOT NULL CHECK (actor_kind IN ('reporter', 'staff', 'system', 'meeting', 'institution')),
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        due_day date NOT NULL,
        working_days integer CHECK (working_days >= 0),
        CONSTRAINT case_clock_events_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT case_clock_events_clock_id_fkey FOREIGN KEY (clock_id) REFERENCES case_clocks (id) ON DELETE CASCADE
      )
    `);
    await queryRunner.query(
      `CREATE INDEX case_clock_events_case_idx ON case_clock_events (case_id, at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_clock_events`);
    await queryRunner.query(`DROP TABLE clock_digests`);
    await queryRunner.query(`DROP TABLE case_clocks`);
    await queryRunner.query(`DROP TABLE public_holidays`);
  }
}
