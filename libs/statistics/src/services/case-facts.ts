import { EntityManager } from 'typeorm';
import type { Case } from '@app/cases';
import type { CaseFacts } from '../domain/case-deltas';

export function factsOf(c: Case): CaseFacts {
  return {
    year: c.year,
    submittedAt: c.submittedAt,
    community: c.community,
    primaryArea: c.primaryArea,
    municipality: c.municipality,
    gender: c.gender,
    ageGroup: c.ageGroup,
    reporterRole: c.reporterRole,
    perpetratorKind: c.perpetratorKind,
  };
}

interface CaseFactsRow {
  year: number;
  submitted_at: Date;
  community: string;
  primary_area: string;
  municipality: string;
  gender: string | null;
  age_group: string | null;
  reporter_role: string;
  perpetrator_kind: string;
}

/** The facts of a case by id, for events that carry only the id. */
export async function loadFacts(manager: EntityManager, caseId: string): Promise<CaseFacts> {
  const rows = (await manager.query(
    `SELECT year, submitted_at, community, primary_area, municipality, gender, age_group,
            reporter_role, perpetrator_kind
       FROM cases WHERE id = $1`,
    [caseId],
  )) as CaseFactsRow[];
  const row = rows[0];
  if (!row) throw new Error(`Statistics: case ${caseId} not found in its own transaction`);
  return {
    year: row.year,
    submittedAt: row.submitted_at,
    community: row.community,
    primaryArea: row.primary_area,
    municipality: row.municipality,
    gender: row.gender,
    ageGroup: row.age_group,
    reporterRole: row.reporter_role,
    perpetratorKind: row.perpetrator_kind,
  };
}
