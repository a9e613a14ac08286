import { Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CsrfGuard,
  CsrfTokenInQuery,
  CsrfService,
  PublicAccess,
  ViewRenderer,
  pageContext,
  requestLocale,
  sendPage,
} from '@app/core';
import { formatReceiptCode } from '../domain/receipt-code';
import { ReportFormService, ReportFormView } from '../services/report-form.service';
import { clientKey, multipartParts } from './http-context';

/** The report form and its confirmation, for phones without JavaScript. */
@ApiExcludeController()
@PublicAccess()
@Controller('report')
export class ReportPagesController {
  constructor(
    private readonly reportForm: ReportFormService,
    private readonly views: ViewRenderer,
    private readonly csrf: CsrfService,
  ) {}

  @Get()
  async form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = await this.reportForm.form(requestLocale(request));
    return this.sendForm(request, reply, form, 200);
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
  @UseGuards(CsrfGuard)
  async submit(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const outcome = await this.reportForm.submit(
      multipartParts(request),
      clientKey(request),
      requestLocale(request),
    );
    if (outcome.kind === 'done') {
      const { result } = outcome;
      return sendPage(
        reply,
        this.views,
        'cases/report-done.njk',
        pageContext(request, {
          reference: result.reference,
          receiptCode: formatReceiptCode(result.receiptCode),
          evidenceCount: result.evidenceCount,
        }),
      );
    }
    if (outcome.kind === 'received') {
      return sendPage(
        reply,
        this.views,
        'cases/report-received.njk',
        pageContext(request, { reference: outcome.reference }),
      );
    }
    if (outcome.kind === 'already_sent') {
      return sendPage(reply, this.views, 'cases/report-sent.njk', pageContext(request), 409);
    }
    if (outcome.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(outcome.retryAfterSeconds));
    }
    return this.sendForm(request, reply, outcome.view, outcome.status);
  }

  private sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: ReportFormView,
    status: number,
  ): FastifyReply {
    const csrf = this.csrf.token(request, reply);
    return sendPage(
      reply,
      this.views,
      'cases/report.njk',
      pageContext(request, { form, csrf, action: `/report?_csrf=${encodeURIComponent(csrf)}` }),
      status,
    );
  }
}
