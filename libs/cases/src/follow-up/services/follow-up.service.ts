import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Clock, Locale, NotFoundError, ValidationFailedError, translate } from '@app/core';
import { TaxonomyService } from '@app/taxonomy';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';
import { isDecidedStatus } from '../../workflow/domain/case-status.machine';
import type { CaseReferral } from '../../referrals/entities/case-referral.entity';
import { institutionLabel } from '../../referrals/services/institution-label';
import { normaliseReceiptCode } from '../../intake/domain/receipt-code';
import type { Case } from '../../common/entities/case.entity';
import { CaseEvidence } from '../../evidence/entities/case-evidence.entity';
import { publicTimeline } from './public-timeline';
import type {
  AddedEvidenceDto,
  EvidenceItemDto,
  FollowUpViewDto,
  PostedMessageDto,
} from '../dto/follow-up-view.dto';
import { CaseMessagesService } from './case-messages.service';
import { EvidenceStore, StagedEvidence } from '../../evidence/services/evidence-store.service';
import { IncomingPart, readUpload } from '../../evidence/services/evidence-upload.reader';
import { FollowUpAccessService } from './follow-up-access.service';

export interface EvidenceDownload {
  name: string;
  sizeBytes: number;
  stream: Readable;
}

/** What the reporter's pages show of a file. */
type EvidenceFile = Pick<
  CaseEvidence,
  'id' | 'originalName' | 'mediaType' | 'sizeBytes' | 'createdAt'
>;

/** What a follow-up view reads of its case. */
type ViewedCase = Pick<
  Case,
  | 'reference'
  | 'status'
  | 'submittedAt'
  | 'personalDataErasedAt'
  | 'outcomeMessage'
  | 'closureReason'
>;

/** An institution's answer the legal expert shared with the reporter. */
type SharedAnswer = Pick<
  CaseReferral,
  'institutionCode' | 'municipalityCode' | 'answerOutcome' | 'answerText' | 'answeredAt'
>;

function evidenceItem(row: EvidenceFile): EvidenceItemDto {
  return {
    id: row.id,
    name: row.originalName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.createdAt.toISOString(),
  };
}

/**
 * What a reporter can do with their case after filing it: see its status in plain words and
 * its public timeline, talk with the legal expert, add evidence. Every method takes the case
 * id that FollowUpAccessService established; the `...WithCode` methods do both steps.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(CaseEvidence) private readonly evidence: Repository<CaseEvidence>,
    private readonly taxonomy: TaxonomyService,
    private readonly access: FollowUpAccessService,
    private readonly messages: CaseMessagesService,
    private readonly store: EvidenceStore,
    private readonly clock: Clock,
  ) {}

  async viewWithCode(
    reference: string,
    receiptCode: string,
    clientKey: string,
    locale: Locale,
  ): Promise<FollowUpViewDto> {
    return this.view(await this.access.verify(reference, receiptCode, clientKey), locale);
  }

  async postMessageWithCode(
    reference: string,
    receiptCode: string,
    body: string,
    clientKey: string,
  ): Promise<PostedMessageDto> {
    return this.postMessage(await this.access.verify(reference, receiptCode, clientKey), body);
  }

  async addEvidenceWithCode(
    reference: string,
    receiptCode: string,
    parts: AsyncIterable<IncomingPart>,
    clientKey: string,
  ): Promise<AddedEvidenceDto> {
    if (normaliseReceiptCode(receiptCode) === undefined) {
      throw new ValidationFailedError([
        { field: 'X-Receipt-Code', code: 'isReceiptCode', messageKey: 'validation.isReceiptCode' },
      ]);
    }
    // The code is checked before a byte of the files is written.
    return this.addEvidence(await this.access.verify(reference, receiptCode, clientKey), parts);
  }

  async view(caseId: string, locale: Locale): Promise<FollowUpViewDto> {
    // Read together: the case and what the reporter sees of it, in plain SQL (every status
    // lookup of a reporter runs these).
    const [[found], timeline, messages, files, answers, snapshot] = await Promise.all([
      this.dataSource.query(
        `SELECT reference, status, submitted_at AS "submittedAt",
                personal_data_erased_at AS "personalDataErasedAt",
                outcome_message AS "outcomeMessage", closure_reason AS "closureReason"
           FROM cases WHERE id = $1`,
        [caseId],
      ) as Promise<ViewedCase[]>,
      publicTimeline(this.dataSource.manager, caseId, locale),
      this.messages.readByReporter(caseId),
      this.dataSource.query(
        `SELECT id, original_name AS "originalName", media_type AS "mediaType",
                size_bytes AS "sizeBytes", created_at AS "createdAt"
           FROM case_evidence WHERE case_id = $1 AND uploaded_by = 'reporter'
          ORDER BY created_at, id`,
        [caseId],
      ) as Promise<EvidenceFile[]>,
      // Only what the legal expert chose to share: an answer may say more than the reporter
      // should read, so nothing is shown by default.
      this.dataSource.query(
        `SELECT institution_code AS "institutionCode", municipality_code AS "municipalityCode",
                answer_outcome AS "answerOutcome", answer_text AS "answerText",
                answered_at AS "answeredAt"
           FROM case_referrals WHERE case_id = $1 AND answer_shared_with_reporter
          ORDER BY answered_at, id`,
        [caseId],
      ) as Promise<SharedAnswer[]>,
      this.taxonomy.snapshot(),
    ]);
    if (!found) throw new NotFoundError('case_not_found');
    // A case the reporter withdrew was closed by them, not decided: nothing to explain or appeal.
    const decided = isDecidedStatus(found.status) && found.closureReason !== 'withdrawn';
    const label = (status: CaseStatus) => translate(locale, `case.status.${status}`);
    return {
      reference: found.reference,
      status: found.status,
      statusLabel: label(found.status),
      statusExplanation: translate(locale, `case.status.${found.status}.explanation`),
      submittedAt: found.submittedAt.toISOString(),
      timeline,
      messages: messages.map((message) => ({
        id: message.id,
        author: message.authorKind,
        authorLabel: translate(locale, `case.message.author.${message.authorKind}`),
        body: message.body,
        createdAt: message.createdAt.toISOString(),
      })),
      evidence: files.map(evidenceItem),
      decided,
      outcomeMessage: decided ? found.outcomeMessage : null,
      sharedAnswers: answers
        .filter((referral) => referral.answeredAt && referral.answerOutcome)
        .map((referral) => ({
          institution: institutionLabel(snapshot, referral, locale),
          outcomeLabel: translate(locale, `follow.answer.outcome.${referral.answerOutcome}`),
          text: referral.answerText,
          answeredAt: referral.answeredAt!.toISOString(),
        })),
      personalDataErased: found.personalDataErasedAt !== null,
    };
  }

  postMessage(caseId: string, body: string): Promise<PostedMessageDto> {
    return this.messages.postFromReporter(caseId, body);
  }

  /** Files stream to disk within what the case may still hold, then commit together. */
  async addEvidence(caseId: string, parts: AsyncIterable<IncomingPart>): Promise<AddedEvidenceDto> {
    const { files } = await readUpload(
      parts,
      this.store,
      this.store.budget(await this.usage(caseId)),
    );
    if (files.length === 0) {
      throw new ValidationFailedError([
        { field: 'evidence', code: 'evidenceRequired', messageKey: 'error.evidence_required' },
      ]);
    }
    try {
      const rows = await this.dataSource.transaction(async (manager) => {
        // Two uploads at once must not both fit in the space that was left for one.
        await manager.query(`SELECT id FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
        const budget = this.store.budget(await this.usage(caseId, manager));
        for (const file of files) {
          const violation = budget.startFile() ?? budget.addBytes(file.sizeBytes);
          if (violation) throw this.store.limitError(violation);
        }
        const now = this.clock.now();
        const inserted = files.map((file: StagedEvidence) =>
          manager.create(CaseEvidence, {
            id: file.id,
            caseId,
            originalName: file.originalName,
            mediaType: file.mediaType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            uploadedBy: 'reporter',
            createdAt: now,
          }),
        );
        await manager.insert(CaseEvidence, inserted);
        return inserted;
      });
      await this.store.commit(files);
      return { added: rows.map(evidenceItem) };
    } catch (error) {
      await this.store.discard(files);
      throw error;
    }
  }

  /** A file the reporter added, for download. */
  async openEvidence(caseId: string, evidenceId: string): Promise<EvidenceDownload> {
    const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(evidenceId)
      ? await this.evidence.findOne({ where: { id: evidenceId, caseId, uploadedBy: 'reporter' } })
      : null;
    const stream = row ? await this.store.open(row.id) : undefined;
    if (!row || !stream) throw new NotFoundError('evidence_not_found');
    return { name: row.originalName, sizeBytes: row.sizeBytes, stream };
  }

  /** What the reporter already added: the limits hold per case, for the public's uploads. */
  private async usage(
    caseId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ files: number; bytes: number }> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::bigint AS bytes
       FROM case_evidence WHERE case_id = $1 AND uploaded_by = 'reporter'`,
      [caseId],
    )) as { files: number; bytes: string }[];
    return { files: row.files, bytes: Number(row.bytes) };
  }
}
