import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CsrfTokenInQuery,
  FormBody,
  MediatorAccess,
  Page,
  PageForm,
  PageResult,
  Redirect,
  Refused,
  requestLocale,
  routeParam,
  seeOther,
  view,
} from '@app/core';
import { CurrentMediator, MediatorPrincipal } from '@app/identity';
import { clientKey, multipartParts } from '../../common/controllers/http-context';
import { MessageBodyDto } from '../../follow-up/dto/post-message.dto';
import { formatReceiptCode } from '../../intake/domain/receipt-code';
import { IdempotencyKeyReusedError } from '../../intake/exceptions/idempotency.errors';
import { ReportFormService, ReportRefusedError } from '../../intake/services/report-form.service';
import { displayDate, displayDateTime } from '../../common/domain/display-date';
import {
  PartnerReportLine,
  PartnerReportView,
  PartnerReportsService,
} from '../services/partner-reports.service';

/** A report's dates as the pages show them. */
function dated<T extends PartnerReportLine>(report: T) {
  return { ...report, submittedAtText: displayDate(report.submittedAt) };
}

function datedView(report: PartnerReportView) {
  return {
    ...dated(report),
    timeline: report.timeline.map((e) => ({ ...e, atText: displayDateTime(e.at) })),
    messages:
      report.messages?.map((m) => ({ ...m, createdAtText: displayDateTime(m.createdAt) })) ?? null,
  };
}

const HOME = 'cases/partner-home.njk';
const REPORT = 'cases/report.njk';
const CASE = 'cases/partner-case.njk';
/** The answers to a report are shown once, and hold no form. */
const ANSWER = { csrf: false };

/**
 * A community mediator's pages: their reports, a new report for a person (the public report
 * form with the mediator's question), one report's status and, where the person agreed, its
 * messages. Under /staff: the back office's sign-in, frame and language.
 */
@ApiExcludeController()
@MediatorAccess()
@Controller('staff/partner')
export class PartnerPagesController {
  constructor(
    private readonly reports: PartnerReportsService,
    private readonly reportForm: ReportFormService,
  ) {}

  @Get()
  @Page(HOME, { csrf: true })
  async home(@CurrentMediator() mediator: MediatorPrincipal, @Req() request: FastifyRequest) {
    const reports = await this.reports.list(mediator, requestLocale(request));
    return { reports: reports.map(dated), mediator };
  }

  @Get('report')
  @Page(REPORT, { csrf: true })
  async form(@Req() request: FastifyRequest) {
    return { form: await this.reportForm.form(requestLocale(request)), partner: true };
  }

  /** Multipart (the evidence files): the CSRF token comes in the query string. */
  @Post('report')
  @CsrfTokenInQuery()
  @PageForm(REPORT, { again: 'reportAgain' })
  async file(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<PageResult> {
    const locale = requestLocale(request);
    const outcome = await this.reportForm.submit(
      multipartParts(request),
      clientKey(request),
      locale,
      {
        accountId: mediator.id,
        organisationId: mediator.organisationId,
      },
    );
    if (outcome.kind === 'received') {
      return view(
        'cases/report-received.njk',
        { reference: outcome.reference, partner: true },
        200,
        ANSWER,
      );
    }
    const { reference, receiptCode, evidenceCount } = outcome.result;
    const model = {
      reference,
      receiptCode: formatReceiptCode(receiptCode),
      evidenceCount,
      nextStep: outcome.nextStep,
      partner: true,
    };
    // Shown once, to hand over to the person; its receipt form posts the pair for the PDF.
    return view('cases/report-done.njk', model, 200, { csrf: true });
  }

  @Get('reports/:reference')
  @Page(CASE, { csrf: true })
  async report(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Query('done') done?: string,
  ) {
    const report = await this.reports.view(mediator, reference, requestLocale(request));
    return { report: datedView(report), notice: done === 'message' ? done : undefined };
  }

  @Post('reports/:reference/messages')
  @PageForm(CASE, { again: 'caseAgain', form: 'body' })
  async postMessage(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Param('reference') reference: string,
    @FormBody(MessageBodyDto, { ignoreUnknown: true }) form: MessageBodyDto,
  ): Promise<Redirect> {
    await this.reports.postMessage(mediator, reference, form.body);
    return seeOther(
      `/staff/partner/reports/${encodeURIComponent(reference)}?done=message#messages`,
    );
  }

  /** The report form again after a refusal: every problem listed, the answers kept. */
  async reportAgain(request: FastifyRequest, { error }: Refused): Promise<PageResult> {
    if (!(error instanceof ReportRefusedError)) throw error;
    if (error.refusal instanceof IdempotencyKeyReusedError) {
      return view('cases/report-sent.njk', { partner: true }, 409, ANSWER);
    }
    return {
      form: await this.reportForm.refusedForm(error, requestLocale(request)),
      partner: true,
    };
  }

  /**
   * The report's page again after a refused message (an empty or too long text). Not one of
   * theirs, or no consent to follow: the refusal itself (404, 403), no page.
   */
  async caseAgain(request: FastifyRequest, refused: Refused): Promise<PageResult> {
    if (refused.problem.status !== 400) throw refused.error;
    const reference = routeParam(request, 'reference');
    const report = await this.reports.view(request.mediator!, reference, requestLocale(request));
    return { report: datedView(report) };
  }
}
