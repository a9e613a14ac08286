import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  FileAnswer,
  FormBody,
  PageForm,
  PublicAccess,
  Refused,
  TooManyRequestsError,
  ValidationFailedError,
  requestLocale,
} from '@app/core';
import { FollowUpAccessDto } from '../../follow-up/dto/follow-up-access.dto';
import {
  CaseAccessDeniedError,
  CaseLockedError,
} from '../../staff-cases/exceptions/case-access.errors';
import { ReceiptService } from '../services/receipt.service';
import { clientKey } from '../../common/controllers/http-context';

const REFUSED = 'cases/receipt-refused.njk';
/** What refuses a receipt: the pair, or the sign-in limits (anything else is a bug). */
const REFUSALS = [
  ValidationFailedError,
  CaseAccessDeniedError,
  CaseLockedError,
  TooManyRequestsError,
];

/**
 * "Download your receipt" on the confirmation page: a plain form posting the reference and the
 * code shown there, answered with the PDF as an attachment (never cached, never stored).
 */
@ApiExcludeController()
@PublicAccess()
@Controller('report/receipt')
export class ReceiptPagesController {
  constructor(private readonly receipts: ReceiptService) {}

  @Post()
  @HttpCode(200)
  @PageForm(REFUSED, { again: 'refused' })
  async download(
    @FormBody(FollowUpAccessDto, { ignoreUnknown: true }) form: FollowUpAccessDto,
    @Req() request: FastifyRequest,
  ): Promise<FileAnswer> {
    const file = await this.receipts.receipt(form, clientKey(request), requestLocale(request));
    return new FileAnswer(file);
  }

  /** The refusal in plain words; the code is never shown back. */
  refused(_request: FastifyRequest, { error }: Refused) {
    if (!REFUSALS.some((type) => error instanceof type)) throw error;
    return { values: {} };
  }
}
