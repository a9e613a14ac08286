import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@app/core';
import { ReferralDocument } from '../entities/referral-document.entity';
import { EvidenceStore } from '../../evidence/services/evidence-store.service';

export interface ReferralDocumentDownload {
  name: string;
  sizeBytes: number;
  stream: Readable;
}

/** The documents institutions attach to their answers, opened for staff. */
@Injectable()
export class ReferralDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
  ) {}

  /** A document of an answer, for staff who handle the case (the caller checked that). */
  async openDocument(caseId: string, documentId: string): Promise<ReferralDocumentDownload> {
    const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(documentId)
      ? await this.dataSource.manager.findOne(ReferralDocument, {
          where: { id: documentId, caseId },
        })
      : null;
    const stream = row ? await this.store.open(row.id) : undefined;
    if (!row || !stream) throw new NotFoundError('evidence_not_found');
    return { name: row.originalName, sizeBytes: row.sizeBytes, stream };
  }
}
