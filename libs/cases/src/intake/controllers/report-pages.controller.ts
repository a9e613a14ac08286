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
  seeOther,
  view,
} from '@app/core';
import { formatReceiptCode } from '../domain/receipt-code';
import { IdempotencyKeyReusedError } from '../exceptions/idempotency.errors';
import { ReportFormService, ReportRefusedError } from '../services/report-form.service';
import {
  ReportStepOutcome,
  ReportStepRefusedError,
  ReportStepsService,
} from '../services/report-steps.service';
import { clientKey, multipartParts } from '../../common/controllers/http-context';

/** The one-page form: shown again only to a client that still posts it (see `submit`). */
const REPORT = 'cases/report.njk';
const STEP = 'cases/report-step.njk';
/** The answers to a report are shown once, and hold no form. */
const ANSWER = { csrf: false };

/**
 * The report, one question group per page, and its confirmation, for phones without
 * JavaScript; and the one-page form's post that earlier pages and clients still send.
 */
@ApiExcludeController()
@PublicAccess()
@Controller('report')
export class ReportPagesController {
  constructor(
    private readonly reportForm: ReportFormService,
    private readonly steps: ReportStepsService,
  ) {}

  /** The first step of a new report. */
  @Get()
  @Page(STEP, { csrf: true })
  async form(@Req() request: FastifyRequest) {
    return { form: await this.steps.start(requestLocale(request)), languages: [] };
  }

  /**
   * A step is only ever the answer to its form (the answers travel in the page): opened by
   * address (a bookmark, the language switcher) it starts the report again.
   */
  @Get('steps')
  @Page(STEP)
  restart() {
    return seeOther('/report');
  }

  /**
   * A step's form (multipart, as the evidence step sends files; CSRF token in the query). The
   * answer is the next page itself, carrying every answer so far; "Send" answers with the
   * confirmation, shown once (`no-store`), as the one-page form did.
   */
  @Post('steps')
  @CsrfTokenInQuery()
  @PageForm(STEP, { again: 'stepAgain' })
  async step(@Req() request: FastifyRequest): Promise<PageResult> {
    const outcome = await this.steps.advance(
      multipartParts(request),
      clientKey(request),
      requestLocale(request),
    );
    return this.answer(outcome);
  }

  /** The step again with its problems, every answer and file kept. */
  stepAgain(_request: FastifyRequest, { error }: Refused) {
    if (!(error instanceof ReportStepRefusedError)) throw error;
    if (error.refusal instanceof IdempotencyKeyReusedError) {
      return view('cases/report-sent.njk', {}, 409, ANSWER);
    }
    // The header's language links would start again: the page offers its own, which keep all.
    return { form: error.view, languages: [] };
  }

  private answer(outcome: ReportStepOutcome): PageResult {
    if (outcome.kind === 'step') return { form: outcome.view, languages: [] };
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
    // Its receipt form posts the pair back (CSRF-checked) to make the PDF.
    return view('cases/report-done.njk', model, 200, { csrf: true });
  }

  /**
   * The one-page form of earlier pages, kept for the clients that still post it: the answers
   * and files in one multipart request (CSRF token in the query: the body is read
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
    // Its receipt form posts the pair back (CSRF-checked) to make the PDF.
    return view('cases/report-done.njk', model, 200, { csrf: true });
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
