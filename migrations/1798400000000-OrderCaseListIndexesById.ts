import { MigrationInterface, QueryRunner } from 'typeorm';

/** The filters of the staff case list, as CoverCaseListFilters1795900000002 carries them. */
const FILTER_COLUMNS = [
  'status',
  'community',
  'primary_area',
  'municipality',
  'year',
  'assignee_id',
  'id',
];

/** The columns an index does not already have as keys. */
function included(columns: string): string {
  const keys = columns.split(', ');
  return FILTER_COLUMNS.filter((column) => !keys.includes(column)).join(', ');
}

/** The list indexes led by a filter that had only the submission time after it. */
const LIST_INDEXES: readonly { name: string; filter: string; where?: string }[] = [
  { name: 'cases_assignee_submitted_idx', filter: 'assignee_id', where: 'assignee_id IS NOT NULL' },
  { name: 'cases_year_submitted_idx', filter: 'year' },
  { name: 'cases_municipality_submitted_idx', filter: 'municipality' },
  { name: 'cases_area_submitted_idx', filter: 'primary_area' },
  { name: 'cases_community_submitted_idx', filter: 'community' },
];

function create(index: (typeof LIST_INDEXES)[number], name: string, columns: string): string {
  return `CREATE INDEX ${name} ON cases (${columns}) INCLUDE (${included(columns)})${index.where ? ` WHERE ${index.where}` : ''}`;
}

/**
 * Builds each index anew beside the old one, then swaps them: building takes a lock that lets
 * reads of `cases` go on (writes wait), and the lock that stops reads too (DROP INDEX, held to
 * the end of the migration's transaction) is taken only for the swaps at the end.
 */
async function rebuild(queryRunner: QueryRunner, keys: (filter: string) => string): Promise<void> {
  for (const index of LIST_INDEXES) {
    await queryRunner.query(create(index, `${index.name}_next`, keys(index.filter)));
  }
  for (const index of LIST_INDEXES) {
    await queryRunner.query(`DROP INDEX ${index.name}`);
    await queryRunner.query(`ALTER INDEX ${index.name}_next RENAME TO ${index.name}`);
  }
}

/**
 * The staff list is ordered by (submitted_at, id). Its indexes led by a filter now have the id
 * as their last key, as the status and unfiltered ones already had, so that each gives the
 * list's whole order and a page stops reading after its rows whatever the planner estimated.
 * With the id only carried, a page had to be sorted on top of the index; the plan PostgreSQL
 * keeps for a prepared page (not knowing the values, it expects a few dozen matches) sorted all
 * of them: "closed cases of one year" read 163,000 index entries to sort 32,600 rows for a page
 * of a hundred (80 ms at 1,000,000 cases, against 0.3 ms with this order). While the new
 * indexes are built (a second or two each at a million cases) writes to `cases` wait.
 */
export class OrderCaseListIndexesById1798400000000 implements MigrationInterface {
  name = 'OrderCaseListIndexesById1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, (filter) => `${filter}, submitted_at, id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuild(queryRunner, (filter) => `${filter}, submitted_at`);
  }
}
