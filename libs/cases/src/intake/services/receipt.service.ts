import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  Clock,
  DownloadFile,
  Locale,
  PDF_LANGUAGE_TAGS,
  PdfBlock,
  PdfRenderer,
  translate,
} from '@app/core';
import { parseCaseReference } from '../domain/case-reference';
import { formatReceiptCode, normaliseReceiptCode } from '../domain/receipt-code';
import { FollowUpAccessDto } from '../../follow-up/dto/follow-up-access.dto';
import { FollowUpAccessService } from '../../follow-up/services/follow-up-access.service';
import { CaseLinks } from '../../notifications/services/case-links';

/**
 * The receipt a reporter keeps: a small PDF with the reference, the receipt code, where to
 * follow the case and what happens next, in their language, and nothing else about the case
 * (a phone's downloads folder is not a safe place for the facts).
 *
 * The code is stored only as a hash, so the receipt is made from the pair the confirmation
 * page posts back, checked exactly as a follow-up sign-in checks it (same rate limit and
 * wrong-code counting): the endpoint cannot be used to try codes any faster, and nothing of
 * the code is kept once the answer is sent.
 */
@Injectable()
export class ReceiptService {
  constructor(
    private readonly access: FollowUpAccessService,
    private readonly renderer: PdfRenderer,
    private readonly links: CaseLinks,
    private readonly clock: Clock,
  ) {}

  async receipt(form: FollowUpAccessDto, clientKey: string, locale: Locale): Promise<DownloadFile> {
    await this.access.verify(form.reference, form.receiptCode, clientKey);
    // Both parse: verify refuses anything else.
    const reference = parseCaseReference(form.reference)!.reference;
    const code = formatReceiptCode(normaliseReceiptCode(form.receiptCode)!);
    const t = (key: string) => translate(locale, key);
    const blocks: PdfBlock[] = [
      { kind: 'heading', text: t('receipt.pdf.title'), level: 1 },
      { kind: 'line', text: t('receipt.pdf.intro') },
      { kind: 'gap', lines: 0.5 },
      { kind: 'labelled', label: t('receipt.pdf.reference'), value: reference },
      { kind: 'labelled', label: t('receipt.pdf.code'), value: code },
      { kind: 'labelled', label: t('receipt.pdf.follow'), value: this.links.followUp() },
      { kind: 'gap', lines: 0.5 },
      { kind: 'heading', text: t('receipt.pdf.next.title'), level: 2 },
      { kind: 'line', text: t('receipt.pdf.next.text') },
    ];
    const pdf = await this.renderer.render({
      title: t('receipt.pdf.title'),
      lang: PDF_LANGUAGE_TAGS[locale],
      createdAt: this.clock.now().toISOString(),
      blocks,
    });
    return {
      name: `receipt-${reference}.pdf`,
      sizeBytes: pdf.length,
      stream: Readable.from(pdf),
      mediaType: 'application/pdf',
    };
  }
}
