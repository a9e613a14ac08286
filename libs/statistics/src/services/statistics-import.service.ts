import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager, In } from 'typeorm';
import { CLOSURE_REASONS, ClosureReason, HistoricalCases } from '@app/cases';
import { Clock } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import {
  CaseFacts,
  OutcomeRecord,
  importedReferralDeltas,
  isOutcome,
  meetingsDelta,
  statusChangeDeltas,
  submittedDeltas,
} from '../domain/case-deltas';
import { CounterDelta, OutcomeDaysDelta } from '../domain/counter-key';
import { StatisticsPermissions } from '../domain/statistics-permissions';
import { ImportCodes, ImportedCase, RawImport } from '../domain/import-format';
import { validateImport } from '../domain/import-validation';
import { StatCaseOutcome } from '../entities/stat-case-outcome.entity';
import { StatImportedMeetings } from '../entities/stat-imported-meetings.entity';
import { StatImportedReferral } from '../entities/stat-imported-referral.entity';
import { ImportInvalidError } from '../exceptions/statistics.errors';
import { applyDeltas } from './counter-store';
import { readImportRequest } from './import-upload.reader';

const INSERT_CHUNK = 500;

export interface ImportResult {
  /** Cases written now. */
  imported: number;
  /** Cases whose original reference was already imported: left as they are. */
  skipped: number;
  /** Years whose count of meetings held was set. */
  meetingYears: number;
}

function inChunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) result.push(rows.slice(i, i + INSERT_CHUNK));
  return result;
}

/**
 * Imports the earlier platform's cases and meetings: all checked first, then written in one
 * transaction with their counters, so they count in every figure like cases filed here.
 * Idempotent: a case whose original reference is already here is skipped; a year's meetings
 * are set to the imported number. Imported cases do not go through CaseEvents: they are history,
 * nobody is to be notified or alerted.
 */
@Injectable()
export class StatisticsImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditLog,
    private readonly historical: HistoricalCases,
  ) {}

  /** An import as the API or the admin page sends it (JSON body or multipart files). */
  async importRequest(request: FastifyRequest, actor: StaffPrincipal): Promise<ImportResult> {
    // Before reading the upload: a caller who may not import sends nothing to disk.
    StatisticsPermissions.require(actor, 'import');
    return this.import(await readImportRequest(request), actor, request.ip ?? null);
  }

  async import(raw: RawImport, actor: StaffPrincipal, ip: string | null): Promise<ImportResult> {
    StatisticsPermissions.require(actor, 'import');
    const snapshot = await this.taxonomy.snapshot();
    const codes: ImportCodes = {
      isKnown: (kind, code) =>
        kind === 'closure_reason'
          ? (CLOSURE_REASONS as readonly string[]).includes(code)
          : snapshot.isKnown(kind, code),
    };
    const now = this.clock.now();
    const valid = validateImport(raw, codes, now);
    if (valid.problems.length > 0) throw new ImportInvalidError(valid.problems);
    // Slow, so before the transaction.
    const receiptCodeHash = await this.historical.unusableReceiptCodeHash();

    return this.dataSource.transaction(async (manager) => {
      // One import at a time: two concurrent imports of the same file must not both pass the check.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pmd_statistics_import'))`);
      const existing = await this.historical.existingOriginalReferences(
        manager,
        valid.cases.map((c) => c.originalReference),
      );
      const fresh = valid.cases.filter((c) => !existing.has(c.originalReference));
      await this.writeCases(manager, fresh, receiptCodeHash);
      const meetingDeltas = await this.writeMeetings(manager, valid.meetings);
      if (meetingDeltas.length > 0) await applyDeltas(manager, meetingDeltas);
      const result: ImportResult = {
        imported: fresh.length,
        skipped: valid.cases.length - fresh.length,
        meetingYears: valid.meetings.length,
      };
      await this.audit.record(manager, {
        action: 'statistics_imported',
        actor: { id: actor.id, role: actor.role },
        subjectType: 'statistics',
        ip,
        details: {
          imported: result.imported,
          skipped: result.skipped,
          meetingYears: result.meetingYears,
        },
      });
      return result;
    });
  }

  private async writeCases(
    manager: EntityManager,
    cases: ImportedCase[],
    receiptCodeHash: string,
  ): Promise<void> {
    if (cases.length === 0) return;
    // Earliest first, so references of a year follow the order cases came in.
    const ordered = [...cases].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const ids = await this.historical.insert(
      manager,
      ordered.map((c) => ({
        ...c,
        decidedAt: c.outcomeAt ?? c.submittedAt,
        closureReason: c.status === 'closed' ? (c.closureReason as ClosureReason | null) : null,
      })),
      receiptCodeHash,
    );
    const outcomeRows: Partial<StatCaseOutcome>[] = [];
    const referralRows: Partial<StatImportedReferral>[] = [];
    const counters: CounterDelta[] = [];
    const outcomeDays: OutcomeDaysDelta[] = [];
    for (const [index, c] of ordered.entries()) {
      const id = ids[index];
      const decidedAt = c.outcomeAt ?? c.submittedAt;
      const closureReason = c.status === 'closed' ? c.closureReason : null;
      for (const institution of c.referralInstitutions)
        referralRows.push({ caseId: id, institutionCode: institution });

      const facts: CaseFacts = {
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
      counters.push(...submittedDeltas(facts, c.grounds));
      const change = statusChangeDeltas(facts, {
        from: 'submitted',
        to: c.status,
        at: decidedAt,
        closureReason,
        previous: null,
      });
      counters.push(...change.counters, ...importedReferralDeltas(facts, c.referralInstitutions));
      outcomeDays.push(...change.outcomeDays);
      if (isOutcome(c.status)) {
        const record: OutcomeRecord = { outcome: c.status, closureReason, decidedAt };
        outcomeRows.push({ caseId: id, ...record });
      }
    }
    for (const rows of inChunks(referralRows)) await manager.insert(StatImportedReferral, rows);
    for (const rows of inChunks(outcomeRows)) await manager.insert(StatCaseOutcome, rows);
    await applyDeltas(manager, counters, outcomeDays);
  }

  /** Sets each imported year's meetings; the counter moves by the change. */
  private async writeMeetings(
    manager: EntityManager,
    meetings: readonly { year: number; held: number }[],
  ): Promise<CounterDelta[]> {
    if (meetings.length === 0) return [];
    const before = await manager.find(StatImportedMeetings, {
      where: { year: In(meetings.map((m) => m.year)) },
    });
    const previous = new Map(before.map((m) => [m.year, m.held]));
    await manager.upsert(
      StatImportedMeetings,
      meetings.map((m) => ({ year: m.year, held: m.held })),
      ['year'],
    );
    return meetings.map((m) => meetingsDelta(m.year, m.held - (previous.get(m.year) ?? 0)));
  }
}
