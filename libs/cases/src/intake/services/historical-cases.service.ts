import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { EntityManager, In } from 'typeorm';
import { HASHING_SLOTS } from '@app/core';
import { formatCaseReference } from '../domain/case-reference';
import type { CaseStatus, ClosureReason } from '../../workflow/domain/case-status.machine';
import { generateReceiptCode } from '../domain/receipt-code';
import { Case } from '../../common/entities/case.entity';
import { CaseGround } from '../../common/entities/case-ground.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { RECEIPT_CODE_HASH_OPTIONS } from './receipt-code-hasher';

/** Old cases kept no report text; the column needs one (20 to 10,000 characters). */
export const IMPORTED_DESCRIPTION = 'Imported from the earlier platform (no description kept).';
const IMPORT_NOTE = 'Imported from the earlier platform';
const INSERT_CHUNK = 500;

/** A case of the earlier platform, already checked against the taxonomy and the rules. */
export interface HistoricalCase {
  originalReference: string;
  year: number;
  status: CaseStatus;
  submittedAt: Date;
  /** When it reached `status` (its submission when it is still `submitted`). */
  decidedAt: Date;
  closureReason: ClosureReason | null;
  community: string;
  primaryArea: string;
  municipality: string;
  perpetratorKind: string;
  reporterRole: string;
  gender: string | null;
  ageGroup: string | null;
  incidentDate: string;
  grounds: readonly string[];
}

function inChunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) result.push(rows.slice(i, i + INSERT_CHUNK));
  return result;
}

/**
 * What the statistics import needs of cases: which earlier cases are here already, and writing
 * new ones as anonymous history (a reference of their year, their grounds, a history of one or
 * two system steps, no personal data, a receipt code nobody keeps). They do not go through the
 * case events: nobody is to be notified, and the import counts them itself.
 */
@Injectable()
export class HistoricalCases {
  /** One hash of a code nobody keeps, for every case of an import; slow, so before the transaction. */
  unusableReceiptCodeHash(): Promise<string> {
    return HASHING_SLOTS.run(() => argon2.hash(generateReceiptCode(), RECEIPT_CODE_HASH_OPTIONS));
  }

  /** The original references among `references` that cases already have. */
  async existingOriginalReferences(
    manager: EntityManager,
    references: readonly string[],
  ): Promise<Set<string>> {
    const existing = new Set<string>();
    for (const chunk of inChunks(references)) {
      const rows = await manager.find(Case, {
        select: { originalReference: true },
        where: { originalReference: In(chunk) },
      });
      for (const row of rows) if (row.originalReference) existing.add(row.originalReference);
    }
    return existing;
  }

  /**
   * Writes `cases` in the caller's transaction, references of a year in the order given (the
   * caller sorts them, earliest first); returns their ids in that order.
   */
  async insert(
    manager: EntityManager,
    cases: readonly HistoricalCase[],
    receiptCodeHash: string,
  ): Promise<string[]> {
    if (cases.length === 0) return [];
    const perYear = new Map<number, number>();
    for (const c of cases) perYear.set(c.year, (perYear.get(c.year) ?? 0) + 1);
    const nextSeq = new Map<number, number>();
    for (const [year, count] of [...perYear].sort(([a], [b]) => a - b)) {
      const [row] = (await manager.query(
        `INSERT INTO case_reference_counters (year, last_seq) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_seq = case_reference_counters.last_seq + EXCLUDED.last_seq
         RETURNING last_seq`,
        [year, count],
      )) as { last_seq: number }[];
      nextSeq.set(year, row.last_seq - count + 1);
    }

    const ids: string[] = [];
    const caseRows: Partial<Case>[] = [];
    const groundRows: Partial<CaseGround>[] = [];
    const historyRows: Partial<CaseHistoryEntry>[] = [];
    for (const c of cases) {
      const id = randomUUID();
      ids.push(id);
      const seq = nextSeq.get(c.year) as number;
      nextSeq.set(c.year, seq + 1);
      caseRows.push({
        id,
        reference: formatCaseReference(c.year, seq),
        year: c.year,
        seq,
        originalReference: c.originalReference,
        status: c.status,
        submittedAt: c.submittedAt,
        assigneeId: null,
        closureReason: c.status === 'closed' ? c.closureReason : null,
        community: c.community,
        primaryArea: c.primaryArea,
        municipality: c.municipality,
        perpetratorKind: c.perpetratorKind,
        reporterRole: c.reporterRole,
        gender: c.gender,
        ageGroup: c.ageGroup,
        incidentDate: c.incidentDate,
        description: IMPORTED_DESCRIPTION,
        preferredLocale: 'sq',
        anonymous: true,
        contactNameEnc: null,
        contactEmailEnc: null,
        contactPhoneEnc: null,
        consentContact: false,
        consentShareIdentity: false,
        filedWithHelp: false,
        helperKind: null,
        helperNameEnc: null,
        receiptCodeHash,
        personalDataErasedAt: null,
      });
      for (const ground of c.grounds) groundRows.push({ caseId: id, ground });
      historyRows.push({
        caseId: id,
        at: c.submittedAt,
        actorKind: 'system',
        actorId: null,
        fromStatus: null,
        toStatus: 'submitted',
        reason: IMPORT_NOTE,
        public: true,
      });
      if (c.status !== 'submitted') {
        historyRows.push({
          caseId: id,
          at: c.decidedAt,
          actorKind: 'system',
          actorId: null,
          fromStatus: 'submitted',
          toStatus: c.status,
          reason: IMPORT_NOTE,
          public: true,
        });
      }
    }
    for (const rows of inChunks(caseRows)) await manager.insert(Case, rows);
    for (const rows of inChunks(groundRows)) await manager.insert(CaseGround, rows);
    for (const rows of inChunks(historyRows)) await manager.insert(CaseHistoryEntry, rows);
    return ids;
  }
}
