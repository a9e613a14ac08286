import type { CaseSnapshot } from '@app/cases';
import type { CaseFacts } from '../domain/case-deltas';

/** What the counts break a case down by, from the snapshot its event carries. */
export function factsOf(c: CaseSnapshot): CaseFacts {
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
