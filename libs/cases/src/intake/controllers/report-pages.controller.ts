import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CsrfTokenInQuery,
  Page,
  PageForm,
  PageResult,
  PublicAccess,
  Refused,
  requestLocale,
  view,
} from '@app/core';
import { formatReceiptCode } from '../domain/receipt-code';
import { IdempotencyKeyReusedError } from '../exceptions/idempotency.errors';
import { ReportFormService, ReportRefusedError } from '../services/report-form.service';
import { clientKey, multipartParts } from '../../common/controllers/http-context';

const REPORT = 'cases/report.njk';
/** The answers to a report are shown once, and hold no form. */
const ANSWER = { csrf: false };

/** The report form and its confirmation, for phones without JavaScript. */
@ApiExcludeController()
@PublicAccess()
@Controller('report')
export class ReportPagesController {
  constructor(private readonly reportForm: ReportFormService) {}

  @Get()
  @Page(REPORT, { csrf: true })
  async form(@Req() request: FastifyRequest) {
    return { form: await this.reportForm.form(requestLocale(request)) };
  }

  /**
   * The answers and files in one multipart request (CSRF token in the query: the body is read
   * after the guard). The confirmation with the receipt code is this response itself, never a
   * page that can be opened again (`no-store`, so Back does not show it from the cache). The
   * form carries a one-time key made when it was shown: sending it again (Back and resend, a
   * reload) files nothing and answers "already received" with the reference, without the code.
   */
  @Post()
  @CsrfTokenInQuery()
  @PageForm(REPORT, { again: 'reportAgain' })
  async submit(@Req() request: FastifyRequest): Promise<PageResult> {
    const locale = requestLocale(request);
    const outcome = await this.reportForm.submit(
      multipartParts(request),
      clientKey(request),
      locale,
    );
    if (outcome.kind === 'received') {
      return view('cases/report-received.njk', { reference: outcome.reference }, 200, ANSWER);
    }
    const { reference, receiptCode, evidenceCount } = outcome.result;
    const model = {
      reference,
      receiptCode: formatReceiptCode(receiptCode),
      evidenceCount,
      nextStep: outcome.nextStep,
    };
    return view('cases/report-done.njk', model, 200, ANSWER);
  }

  /** The form again with every problem listed and the answers kept (files chosen again). */
  async reportAgain(request: FastifyRequest, { error }: Refused) {
    if (!(error instanceof ReportRefusedError)) throw error;
    if (error.refusal instanceof IdempotencyKeyReusedError) {
      return view('cases/report-sent.njk', {}, 409, ANSWER);
    }
    return { form: await this.reportForm.refusedForm(error, requestLocale(request)) };
  }
}
