import { rolePermissions, type StaffRole } from '@app/core';
import { StatisticsActionForbiddenError } from '../exceptions/statistics.errors';

/** What staff do with the statistics (the public page and API need no permission). */
export const STATISTICS_ACTIONS = [
  'readStaffFigures',
  'export',
  'publish',
  'import',
  'regionalReport',
  'regionalCompare',
] as const;
export type StatisticsAction = (typeof STATISTICS_ACTIONS)[number];

/**
 * DESIGN §6: every staff member reads the exact live figures and exports them (audited);
 * administrators freeze a finished year as published and import the earlier platform's data,
 * and speak for the installation to the region: its yearly regional report and the comparison of
 * the countries' reports.
 */
const ROLES: Record<StatisticsAction, readonly StaffRole[]> = {
  readStaffFigures: ['administrator', 'legal_expert', 'technical_group_member'],
  export: ['administrator', 'legal_expert', 'technical_group_member'],
  publish: ['administrator'],
  import: ['administrator'],
  regionalReport: ['administrator'],
  regionalCompare: ['administrator'],
};

/**
 * Every permission on statistics, in one place: the services check it (a caller that reaches
 * them past the route guard gets the same 403) and the staff page asks it which forms to show.
 */
export const StatisticsPermissions = rolePermissions(
  ROLES,
  () => new StatisticsActionForbiddenError(),
);
